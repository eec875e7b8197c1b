import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { agingBucketLabel } from '../../../shared/reports/aging';
import { Panel } from '../../components/Page';
import { useNumberFormat } from '../../components/numbers';
import { useTaxTypeName } from '../../components/tax-types';
import { useLanguage } from '../../i18n';
import { Chart } from './Chart';
import { type DrillRequest, type KpiFigures, millions, rupiah } from './format';
import { TableExport } from './TableExport';

type Bucket = Parameters<typeof agingBucketLabel>[0];

/** Unpaid principal past due today, by age; every count opens the bills behind it. */
export function ArrearsPanel({ kpi, onDrill }: { kpi: KpiFigures; onDrill(request: DrillRequest): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const n = useNumberFormat();
  const taxTypeName = useTaxTypeName();
  const a = kpi.arrears;
  const label = (bucket: string) => agingBucketLabel(bucket as Bucket, lang);
  const drillBucket = (bucket: string) => onDrill({ figure: 'arrears', bucket, title: t('dashboard.drill.arrears', { bucket: label(bucket) }) });
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? rupiah(v) : '—') },
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: a.buckets.map((b) => label(b.bucket)) },
      yAxis: { type: 'value', axisLabel: { formatter: millions } },
      series: [{ name: t('dashboard.arrears.principal'), type: 'bar', data: a.buckets.map((b) => b.principal), itemStyle: { color: '#b5523b' } }],
    }),
    [a, lang, t],
  );
  const groupHeader = (first: string) => [first, ...a.buckets.map((b) => label(b.bucket)), t('dashboard.arrears.total')];
  const groupRows = (groups: KpiFigures['arrears']['byKecamatan'], name: (key: string | null) => string) => groups.map((g) => [name(g.key), ...g.buckets.map((b) => b.principal), g.principal]);
  const kecamatanName = (key: string | null) => key ?? t('dashboard.arrears.noKecamatan');
  return (
    <Panel title={t('dashboard.arrears.title', { date: formatDate(kpi.asOf, lang) })}>
      <div className="dashboard-split">
        <Chart option={option} label={t('dashboard.arrears.chart')} fileName={`tunggakan-${kpi.asOf}`} onClick={({ dataIndex }) => a.buckets[dataIndex] && drillBucket(a.buckets[dataIndex].bucket)} />
        <div>
          <table className="table" aria-label={t('dashboard.arrears.bucketsTable')}>
            <thead>
              <tr>
                <th>{t('dashboard.arrears.age')}</th>
                <th>{t('dashboard.arrears.bills')}</th>
                <th>{t('dashboard.arrears.principal')}</th>
              </tr>
            </thead>
            <tbody>
              {a.buckets.map((b) => (
                <tr key={b.bucket}>
                  <th scope="row">{label(b.bucket)}</th>
                  <td className="number">
                    <button type="button" className="link-button" aria-label={t('dashboard.arrears.open', { bucket: label(b.bucket) })} onClick={() => drillBucket(b.bucket)}>
                      {n(b.bills)}
                    </button>
                  </td>
                  <td className="number">{rupiah(b.principal)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('dashboard.arrears.total')}</th>
                <td className="number">{n(a.bills)}</td>
                <td className="number">{rupiah(a.principal)}</td>
              </tr>
            </tbody>
          </table>
          <button type="button" className="no-print" onClick={() => onDrill({ figure: 'largest', title: t('dashboard.drill.largest') })}>
            {t('dashboard.arrears.largest')}
          </button>
        </div>
      </div>
      <h3>{t('dashboard.arrears.byKecamatan')}</h3>
      <GroupTable header={groupHeader(t('dashboard.filters.kecamatan'))} rows={groupRows(a.byKecamatan, kecamatanName)} label={t('dashboard.arrears.byKecamatan')} />
      <TableExport fileName={`tunggakan-per-kecamatan-${kpi.asOf}`} header={groupHeader(t('dashboard.filters.kecamatan'))} rows={() => groupRows(a.byKecamatan, kecamatanName)} />
      <h3>{t('dashboard.arrears.byTaxType')}</h3>
      <GroupTable header={groupHeader(t('dashboard.filters.taxType'))} rows={groupRows(a.byTaxType, (k) => taxTypeName(k ?? ''))} label={t('dashboard.arrears.byTaxType')} />
      <TableExport fileName={`tunggakan-per-jenis-${kpi.asOf}`} header={groupHeader(t('dashboard.filters.taxType'))} rows={() => groupRows(a.byTaxType, (k) => taxTypeName(k ?? ''))} />
    </Panel>
  );
}

function GroupTable({ header, rows, label }: { header: string[]; rows: (string | number)[][]; label: string }) {
  return (
    <div className="dashboard-scroll">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className="number">{rupiah(Number(cell))}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
