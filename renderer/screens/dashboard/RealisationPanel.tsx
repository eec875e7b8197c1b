import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMonthName } from './months';
import { Panel } from '../../components/Page';
import { useTaxTypeName } from '../../components/tax-types';
import { Chart } from './Chart';
import { type DrillRequest, type KpiFigures, millions, percentOrDash, rupiah } from './format';
import { TableExport } from './TableExport';

/** Realisation against target: per month, cumulative against the quarters' cumulative target, and per tax type. */
export function RealisationPanel({ kpi, onDrill }: { kpi: KpiFigures; onDrill(request: DrillRequest): void }) {
  const { t } = useTranslation();
  const monthName = useMonthName();
  const taxTypeName = useTaxTypeName();
  const r = kpi.realisation;
  const monthNames = r.byMonth.map((_, i) => monthName(i).slice(0, 3));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? rupiah(v) : '—') },
      legend: { bottom: 0 },
      grid: { left: 70, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: monthNames },
      yAxis: { type: 'value', axisLabel: { formatter: millions } },
      series: [
        { name: t('dashboard.realisation.monthly'), type: 'bar', data: r.byMonth.map((m) => m.realisation), itemStyle: { color: '#2f6f9f' } },
        { name: t('dashboard.realisation.cumulative'), type: 'line', data: r.byMonth.map((m, i) => (i < r.asOfMonth ? m.cumulative : null)), itemStyle: { color: '#1c7c54' } },
        { name: t('dashboard.realisation.targetLine'), type: 'line', step: 'end', data: r.byMonth.map((m) => m.cumulativeTarget), lineStyle: { type: 'dashed' }, itemStyle: { color: '#b5523b' } },
      ],
    }),
    [r, t, monthNames.join()],
  );
  const header = [t('dashboard.realisation.taxType'), t('dashboard.realisation.amount'), t('dashboard.realisation.target'), t('dashboard.realisation.capaian')];
  return (
    <Panel title={t('dashboard.realisation.title', { year: kpi.year })}>
      <Chart
        option={option}
        label={t('dashboard.realisation.chart')}
        fileName={`realisasi-${kpi.year}`}
        onClick={({ dataIndex }) => {
          const month = r.byMonth[dataIndex]?.month;
          if (month) onDrill({ figure: 'realisation', month, title: t('dashboard.drill.realisation', { month: monthName(dataIndex) }) });
        }}
      />
      <table className="table" aria-label={t('dashboard.realisation.table')}>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.byTaxType.map((row) => (
            <tr key={row.taxType}>
              <td>{taxTypeName(row.taxType)}</td>
              <td className="number">{rupiah(row.realisation)}</td>
              <td className="number">{row.target === null ? '—' : rupiah(row.target)}</td>
              <td className="number" title={row.capaian.value === null ? undefined : percentOrDash(row.capaian.value)}>
                {percentOrDash(row.capaian.shown)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dashboard-note">{t('dashboard.realisation.note', { quarter: r.quarter })}</p>
      <TableExport fileName={`realisasi-per-jenis-${kpi.year}`} header={header} rows={() => r.byTaxType.map((row) => [taxTypeName(row.taxType), row.realisation, row.target, row.capaian.shown])} />
    </Panel>
  );
}
