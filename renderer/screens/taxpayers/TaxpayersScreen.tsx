import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatDate, formatRupiah } from '../../../shared/format';
import { mayCall } from '../../api/permissions';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { Page } from '../../components/Page';
import { Tabs } from '../../components/Tabs';
import { useLanguage } from '../../i18n';
import { hrefTo, useRouteRest } from '../../router';
import { useSignedInUser } from '../../session';
import { BillsPanel } from './BillsPanel';
import { type LedgerLists, type LedgerTab, useLedgerLists } from './ledger-query';
import { TaxpayerListPanel } from './TaxpayerListPanel';
import { TaxpayerPage } from './TaxpayerPage';

/** `#/wajib-pajak`: the ledger at a glance and its bills and taxpayers; `#/wajib-pajak/123`: one taxpayer. */
export function TaxpayersScreen() {
  const [taxpayerId] = useRouteRest();
  const lists = useLedgerLists();
  if (taxpayerId !== undefined) return <TaxpayerPage key={taxpayerId} id={taxpayerId} />;
  return <Ledger lists={lists} />;
}

function Ledger({ lists }: { lists: LedgerLists }) {
  const { t } = useTranslation();
  const summary = useApi('ledger.summary', {});
  const facets = useApi('ledger.facets', {});
  const tabs: { id: LedgerTab; label: string }[] = [
    { id: 'bills', label: t('ledger.billsTab') },
    { id: 'taxpayers', label: t('ledger.taxpayersTab') },
  ];
  return (
    <Page title={t('nav.taxpayers.label')} description={t('nav.taxpayers.description')}>
      {summary.loading && !summary.data && <Loading />}
      <ErrorNotice error={summary.error} onRetry={summary.reload} />
      {summary.data && summary.data.bills === 0 && summary.data.taxpayers === 0 && <NoData />}
      {summary.data && (summary.data.bills > 0 || summary.data.taxpayers > 0) && (
        <>
          <SummaryCards summary={summary.data} />
          <ErrorNotice error={facets.error} onRetry={facets.reload} />
          <section className="panel panel-table">
            <Tabs<LedgerTab> label={t('ledger.tabsLabel')} tabs={tabs} selected={lists.tab} onSelect={lists.setTab}>
              {lists.tab === 'bills' ? (
                <BillsPanel query={lists.bills} onChange={lists.setBills} facets={facets.data} asOf={summary.data.asOf} />
              ) : (
                <TaxpayerListPanel query={lists.taxpayers} onChange={lists.setTaxpayers} kecamatan={facets.data?.kecamatan ?? []} />
              )}
            </Tabs>
          </section>
        </>
      )}
    </Page>
  );
}

function SummaryCards({ summary }: { summary: Out<'ledger.summary'> }) {
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

/** An empty ledger says what to do about it, with the way there for those who may import. */
function NoData() {
  const { t } = useTranslation();
  const user = useSignedInUser();
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
    </div>
  );
}
