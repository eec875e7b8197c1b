import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatRupiah } from '../../../shared/format';
import { EmptyState } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { useTaxTypeName } from '../../components/tax-types';
import { DICTIONARIES, useLanguage } from '../../i18n';
import type { SyncReport } from './useImportFlow';

/** The bills and rows behind each count of a SyncReport, one table per kind. */

export type Reject = SyncReport['rejected'][number];

/** The report carries the first 200 of each kind; saying so keeps a long list from looking complete. */
function Sampled({ shown, total, empty, children }: { shown: number; total: number; empty: string; children: ReactNode }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  if (total === 0 && shown === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      {shown < total && <p className="muted">{t('import.sampleNote', { shown: formatNumber(shown), total: formatNumber(total) })}</p>}
      <div className="table-scroll table-scroll-short">{children}</div>
    </>
  );
}

function useStatusText() {
  const { t } = useTranslation();
  return (status: string) => (status === 'paid' ? t('ledger.paid') : status === 'unpaid' ? t('ledger.unpaid') : status);
}

export function InsertedBills({ report }: { report: SyncReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const statusText = useStatusText();
  const rows = report.samples.inserted;
  return (
    <Sampled shown={rows.length} total={report.bills.inserted} empty={t('import.none.inserted')}>
      <table className="table" aria-label={t('import.detail.inserted')}>
        <thead>
          <tr>
            <th scope="col">{t('ledger.kodeBayar')}</th>
            <th scope="col">{t('ledger.taxpayer')}</th>
            <th scope="col" className="num">
              {t('ledger.principal')}
            </th>
            <th scope="col">{t('ledger.dueDate')}</th>
            <th scope="col">{t('ledger.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((bill) => (
            <tr key={bill.kodeBayar}>
              <td className="mono">{bill.kodeBayar}</td>
              <td>{bill.taxpayer}</td>
              <td className="num">{formatRupiah(bill.principal)}</td>
              <td className="nowrap">{safeDate(bill.dueDate, language)}</td>
              <td>{statusText(bill.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sampled>
  );
}

export function UpdatedBills({ report }: { report: SyncReport }) {
  const { t } = useTranslation();
  const rows = report.samples.updated;
  return (
    <Sampled shown={rows.length} total={report.bills.updated} empty={t('import.none.updated')}>
      <table className="table" aria-label={t('import.detail.updated')}>
        <thead>
          <tr>
            <th scope="col">{t('ledger.kodeBayar')}</th>
            <th scope="col">{t('ledger.taxpayer')}</th>
            <th scope="col">{t('import.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((bill) => (
            <tr key={bill.kodeBayar}>
              <td className="mono">{bill.kodeBayar}</td>
              <td>{bill.taxpayer}</td>
              <td>
                <Changes changes={bill.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sampled>
  );
}

export function Taxpayers({ report }: { report: SyncReport }) {
  const { t } = useTranslation();
  const { newTaxpayers, changedTaxpayers } = report.samples;
  return (
    <Sampled shown={newTaxpayers.length + changedTaxpayers.length} total={report.taxpayers.inserted + report.taxpayers.updated} empty={t('import.none.taxpayers')}>
      <table className="table" aria-label={t('import.detail.taxpayers')}>
        <thead>
          <tr>
            <th scope="col">{t('ledger.taxpayer')}</th>
            <th scope="col">{t('import.taxpayerKey')}</th>
            <th scope="col">{t('import.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {newTaxpayers.map((taxpayer) => (
            <tr key={`new-${taxpayer.key}`}>
              <td>{taxpayer.name}</td>
              <td className="mono">{taxpayer.key}</td>
              <td>
                <span className="badge badge-on">{t('import.newTaxpayer')}</span>
              </td>
            </tr>
          ))}
          {changedTaxpayers.map((taxpayer) => (
            <tr key={`changed-${taxpayer.key}`}>
              <td>{taxpayer.name}</td>
              <td className="mono">{taxpayer.key}</td>
              <td>
                <Changes changes={taxpayer.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sampled>
  );
}

export function MissingBills({ report }: { report: SyncReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxTypeName = useTaxTypeName();
  const statusText = useStatusText();
  return (
    <>
      <p className="callout">{t('import.missingNote')}</p>
      <Sampled shown={report.missing.length} total={report.missingFromSnapshot} empty={t('import.none.missing')}>
        <table className="table" aria-label={t('import.detail.missing')}>
          <thead>
            <tr>
              <th scope="col">{t('ledger.kodeBayar')}</th>
              <th scope="col">{t('ledger.taxpayer')}</th>
              <th scope="col">{t('ledger.taxType')}</th>
              <th scope="col">{t('import.year')}</th>
              <th scope="col" className="num">
                {t('ledger.principal')}
              </th>
              <th scope="col">{t('ledger.dueDate')}</th>
              <th scope="col">{t('ledger.status')}</th>
            </tr>
          </thead>
          <tbody>
            {report.missing.map((bill) => (
              <tr key={bill.kodeBayar}>
                <td className="mono">{bill.kodeBayar}</td>
                <td>{bill.taxpayer}</td>
                <td>{taxTypeName(bill.taxType)}</td>
                <td>{bill.tahun ?? t('common.none')}</td>
                <td className="num">{formatRupiah(bill.principal)}</td>
                <td className="nowrap">{safeDate(bill.dueDate, language)}</td>
                <td>{statusText(bill.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Sampled>
    </>
  );
}

export function Conflicts({ report }: { report: SyncReport }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const reasons = DICTIONARIES[language].conflictReasons;
  return (
    <>
      <p className="callout callout-warning">{t('import.conflictNote')}</p>
      <Sampled shown={report.conflicts.length} total={report.conflicts.length} empty={t('import.none.conflicts')}>
        <table className="table" aria-label={t('import.detail.conflicts')}>
          <thead>
            <tr>
              <th scope="col">{t('ledger.kodeBayar')}</th>
              <th scope="col">{t('import.reason')}</th>
              <th scope="col">{t('import.conflictDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {report.conflicts.map((conflict) => (
              <tr key={conflict.kodeBayar}>
                <td className="mono">{conflict.kodeBayar}</td>
                <td>{reasons[conflict.reason] ?? conflict.reason}</td>
                <td className="muted">{i18n.language === 'en' ? (conflict.detailEn ?? conflict.detail) : conflict.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Sampled>
    </>
  );
}

export function Rejects({ rows, total }: { rows: Reject[]; total: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Sampled shown={rows.length} total={total} empty={t('import.none.rejects')}>
      <table className="table" aria-label={t('import.detail.rejects')}>
        <thead>
          <tr>
            <th scope="col">{t('import.sheet')}</th>
            <th scope="col" className="num">
              {t('import.row')}
            </th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.value')}</th>
            <th scope="col">{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((reject, i) => (
            <tr key={`${reject.sheet}-${reject.row}-${reject.column}-${i}`}>
              <td>{reject.sheet}</td>
              <td className="num">{reject.row}</td>
              <td>{reject.column}</td>
              <td className="mono">{reject.value === '' ? <span className="muted">{t('import.emptyValue')}</span> : reject.value}</td>
              <td>{i18n.language === 'en' ? (reject.reasonEn ?? reject.reason) : reject.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sampled>
  );
}

/** `Pokok: Rp 1.250.000 → Rp 1.300.000`, one line per changed field. */
function Changes({ changes }: { changes: SyncReport['samples']['updated'][number]['changes'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = DICTIONARIES[language].changeFields;
  const taxTypeName = useTaxTypeName();
  const statusText = useStatusText();
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('import.emptyValue');
    if ((field === 'principal' || field === 'penalty') && typeof value === 'number') return formatRupiah(value);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language);
    if (field === 'status' && typeof value === 'string') return statusText(value);
    if (field === 'tax_type' && typeof value === 'string') return taxTypeName(value);
    if (field === 'paid_source' && typeof value === 'string') return DICTIONARIES[language].paidSources[value] ?? value;
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{labels[change.field] ?? change.field}:</span> <span className="change-old">{show(change.field, change.old)}</span> → <span className="change-new">{show(change.field, change.new)}</span>
        </li>
      ))}
    </ul>
  );
}

function safeDate(value: string, language: 'id' | 'en'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value;
}
