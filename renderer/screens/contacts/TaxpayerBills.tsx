import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../shared/format';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { useTaxTypeName } from '../../components/tax-types';
import { useLanguage } from '../../i18n';
import { hrefTo } from '../../router';
import { DueDate, formatMasa } from '../taxpayers/bill-facts';

/** Bills shown beside a contact: the largest first, enough to judge whether it is worth a call today. */
const SHOWN = 6;

/** The taxpayer's unpaid bills, largest principal first, so the officer fixes the costly contacts first. */
export function TaxpayerBills({ taxpayerId, unpaidBills }: { taxpayerId: number; unpaidBills: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatNumber = useNumberFormat();
  const taxTypeName = useTaxTypeName();
  const bills = useApi('ledger.bills', { filter: { taxpayerId, status: 'unpaid' }, sort: 'principal', direction: 'desc', limit: SHOWN, withTotal: false });
  if (bills.loading && !bills.data) return <Loading />;
  if (bills.error) return <ErrorNotice error={bills.error} onRetry={bills.reload} />;
  const page = bills.data;
  if (!page || page.rows.length === 0) return <EmptyState>{t('contacts.bills.none')}</EmptyState>;
  return (
    <>
      <table className="table bills-beside" aria-label={t('contacts.bills.table')}>
        <thead>
          <tr>
            <th scope="col">{t('ledger.kodeBayar')}</th>
            <th scope="col">{t('taxpayer.taxTypeObject')}</th>
            <th scope="col">{t('ledger.dueDate')}</th>
            <th scope="col" className="num">
              {t('ledger.principal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((bill) => (
            <tr key={bill.id} className={bill.dueDate < page.asOf ? 'row-overdue' : undefined}>
              <td className="mono">{bill.kodeBayar}</td>
              <td>
                <span className="cell-main">{taxTypeName(bill.taxType)}</span>
                <span className="cell-sub">{[formatMasa(bill, language), bill.nop ?? bill.objectName].filter(Boolean).join(' · ')}</span>
              </td>
              <td className="nowrap">
                <DueDate bill={bill} asOf={page.asOf} />
              </td>
              <td className="num">{formatRupiah(bill.principal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-footnote muted">
        {unpaidBills > page.rows.length && `${t('contacts.bills.more', { shown: formatNumber(page.rows.length), n: formatNumber(unpaidBills) })} `}
        <a href={hrefTo(`wajib-pajak/${taxpayerId}`)}>{t('contacts.bills.all')}</a>
      </p>
    </>
  );
}
