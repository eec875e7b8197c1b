import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../components/numbers';
import { type Tab, Tabs } from '../../components/Tabs';
import { Conflicts, InsertedBills, MissingBills, type Reject, Rejects, Taxpayers, UpdatedBills } from './ReportDetails';
import type { SyncReport } from './useImportFlow';

type Detail = 'inserted' | 'updated' | 'taxpayers' | 'missing' | 'conflicts' | 'rejects';

/**
 * What an import will do (a dry run) or did (an applied run): the counts first, then the
 * bills behind them. `rejects` replaces the report's own list when the caller has all of them.
 */
export function SyncReportView({ report, rejects }: { report: SyncReport; rejects?: { rows: Reject[]; total: number } }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  // Counts are of rows; one rejected row may have several problems, each listed.
  const rejected = rejects ?? { rows: report.rejected, total: Math.max(report.rejected.length, report.rejectedCount) };
  const counts: { key: string; label: string; value: number; tone?: 'good' | 'warn' | 'bad' }[] = [
    { key: 'rows', label: t('import.count.rowsRead'), value: report.rowsRead },
    { key: 'inserted', label: t('import.count.inserted'), value: report.bills.inserted, tone: 'good' },
    { key: 'updated', label: t('import.count.updated'), value: report.bills.updated },
    { key: 'unchanged', label: t('import.count.unchanged'), value: report.bills.unchanged },
    { key: 'newlyPaid', label: t('import.count.newlyPaid'), value: report.bills.newlyPaid, tone: 'good' },
    { key: 'tpInserted', label: t('import.count.taxpayersInserted'), value: report.taxpayers.inserted },
    { key: 'tpUpdated', label: t('import.count.taxpayersUpdated'), value: report.taxpayers.updated },
    { key: 'duplicates', label: t('import.count.duplicates'), value: report.duplicates, tone: 'warn' },
    { key: 'rejected', label: t('import.count.rejected'), value: report.rejectedCount, tone: 'warn' },
    { key: 'missing', label: t('import.count.missing'), value: report.missingFromSnapshot, tone: 'warn' },
    { key: 'conflicts', label: t('import.count.conflicts'), value: report.conflicts.length, tone: 'bad' },
  ];
  const details: (Tab<Detail> & { count: number })[] = [
    { id: 'inserted', label: t('import.detail.inserted'), count: report.bills.inserted },
    { id: 'updated', label: t('import.detail.updated'), count: report.bills.updated },
    { id: 'taxpayers', label: t('import.detail.taxpayers'), count: report.taxpayers.inserted + report.taxpayers.updated },
    { id: 'missing', label: t('import.detail.missing'), count: report.missingFromSnapshot },
    { id: 'conflicts', label: t('import.detail.conflicts'), count: report.conflicts.length },
    { id: 'rejects', label: t('import.detail.rejects'), count: report.rejectedCount },
  ];
  const [selected, setSelected] = useState<Detail>(() => details.find((d) => d.count > 0)?.id ?? 'inserted');
  return (
    <div className="sync-report">
      {report.repeatOf !== null && <p className="callout">{t('import.repeatOf', { id: report.repeatOf })}</p>}
      <dl className="counts" aria-label={t('import.countsLabel')}>
        {counts.map((count) => (
          <div key={count.key} className={count.value > 0 && count.tone ? `count count-${count.tone}` : 'count'}>
            <dt>{count.label}</dt>
            <dd>{formatNumber(count.value)}</dd>
          </div>
        ))}
      </dl>
      <Tabs<Detail> label={t('import.detailsLabel')} tabs={details.map((d) => ({ id: d.id, label: `${d.label} (${formatNumber(d.count)})` }))} selected={selected} onSelect={setSelected}>
        {selected === 'inserted' && <InsertedBills report={report} />}
        {selected === 'updated' && <UpdatedBills report={report} />}
        {selected === 'taxpayers' && <Taxpayers report={report} />}
        {selected === 'missing' && <MissingBills report={report} />}
        {selected === 'conflicts' && <Conflicts report={report} />}
        {selected === 'rejects' && <Rejects rows={rejected.rows} total={rejected.total} />}
      </Tabs>
    </div>
  );
}
