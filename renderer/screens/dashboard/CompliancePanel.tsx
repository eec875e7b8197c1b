import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMonthName } from './months';
import { Panel } from '../../components/Page';
import { useNumberFormat } from '../../components/numbers';
import { Chart } from './Chart';
import { type DrillRequest, type KpiFigures, percentOrDash } from './format';
import { TableExport } from './TableExport';

/** Share of bills paid by their due date, per month of the due date, against the target rate. */
export function CompliancePanel({ kpi, onDrill }: { kpi: KpiFigures; onDrill(request: DrillRequest): void }) {
  const { t } = useTranslation();
  const nameOfMonth = useMonthName();
  const n = useNumberFormat();
  const c = kpi.compliance;
  const monthName = (month: string) => nameOfMonth(Number(month.slice(5, 7)) - 1);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)} %` : '—') },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: c.byMonth.map((m) => monthName(m.month).slice(0, 3)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('dashboard.compliance.rate'), type: 'line', data: c.byMonth.map((m) => (m.rate === null ? null : m.rate * 100)), itemStyle: { color: '#2f6f9f' } },
        ...(c.target === null ? [] : [{ name: t('dashboard.compliance.target'), type: 'line', data: c.byMonth.map(() => (c.target ?? 0) * 100), lineStyle: { type: 'dashed' }, itemStyle: { color: '#b5523b' } }]),
      ],
    }),
    [c, t],
  );
  const header = [t('dashboard.compliance.month'), t('dashboard.compliance.due'), t('dashboard.compliance.onTime'), t('dashboard.compliance.rate')];
  return (
    <Panel title={t('dashboard.compliance.title')}>
      <Chart
        option={option}
        label={t('dashboard.compliance.chart')}
        fileName={`kepatuhan-${kpi.year}`}
        onClick={({ dataIndex }) => {
          const month = c.byMonth[dataIndex]?.month;
          if (month) onDrill({ figure: 'compliance_late', month, title: t('dashboard.drill.late', { month: monthName(month) }) });
        }}
      />
      <table className="table" aria-label={t('dashboard.compliance.table')}>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.byMonth.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthName(m.month)}</th>
              <td className="number">{n(m.due)}</td>
              <td className="number">
                <button type="button" className="link-button" onClick={() => onDrill({ figure: 'compliance_on_time', month: m.month, title: t('dashboard.drill.onTime', { month: monthName(m.month) }) })}>
                  {n(m.onTime)}
                </button>
              </td>
              <td className="number">{percentOrDash(m.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableExport fileName={`kepatuhan-${kpi.year}`} header={header} rows={() => c.byMonth.map((m) => [m.month, m.due, m.onTime, m.rate])} />
    </Panel>
  );
}
