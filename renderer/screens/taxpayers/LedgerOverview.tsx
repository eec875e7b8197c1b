import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatDate, formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { mayCall } from '../../api/permissions';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { useLanguage } from '../../i18n';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';

export function SummaryCards({ summary }: { summary: Out<'ledger.summary'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatNumber = useNumberFormat();
  return (
    <dl className="cards" aria-label={t('ledger.summaryLabel')}>
      <div className="card">
        <dt>{t('ledger.taxpayersCard')}</dt>
        <dd className="card-value">{formatNumber(summary.taxpayers)}</dd>
        <dd className="card-note">{t('ledger.billsRecorded', { bills: formatNumber(summary.bills) })}</dd>
      </div>
      <div className="card">
        <dt>{t('ledger.unpaidBillsCard')}</dt>
        <dd className="card-value">{formatNumber(summary.unpaidBills)}</dd>
        <dd className="card-note">{t('ledger.paidBillsNote', { paid: formatNumber(summary.paidBills) })}</dd>
      </div>
      <div className="card">
        <dt>{t('ledger.unpaidPrincipalCard')}</dt>
        <dd className="card-value">{formatRupiah(summary.unpaidPrincipal)}</dd>
        <dd className="card-note">{t('ledger.principalNote')}</dd>
      </div>
      <div className={summary.overdueBills > 0 ? 'card card-alert' : 'card'}>
        <dt>{t('ledger.overdueCard')}</dt>
        <dd className="card-value">{formatRupiah(summary.overduePrincipal)}</dd>
        <dd className="card-note">{t('ledger.overdueNote', { bills: formatNumber(summary.overdueBills), date: formatDate(summary.asOf, language) })}</dd>
      </div>
    </dl>
  );
}

/**
 * An empty ledger says what to do about it: the way to the import for those who may import,
 * and a demo kabupaten for trying the app before the first real export arrives.
 */
export function NoData({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const demo = useAction(async () => {
    await api.call('ledger.loadDemo', { taxpayers: 200, seed: 1 });
    onLoaded();
  });
  return (
    <div className="callout">
      <p className="callout-title">{t('ledger.noData')}</p>
      {mayCall(user.role, 'import.upload') ? (
        <p>
          <a href={hrefTo('impor')}>{t('ledger.goImport')}</a>
        </p>
      ) : (
        <p>{t('ledger.askOfficer')}</p>
      )}
      {mayCall(user.role, 'ledger.loadDemo') && (
        <>
          <p>{t('ledger.demoOffer')}</p>
          <p>
            <button type="button" className="button" disabled={demo.pending} onClick={() => void demo.run()}>
              {demo.pending ? t('ledger.demoLoading') : t('ledger.demoLoad')}
            </button>
          </p>
          <ErrorNotice error={demo.error} />
        </>
      )}
    </div>
  );
}
