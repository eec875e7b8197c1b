import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { Tabs } from '../../components/Tabs';
import { useRouteRest } from '../../router';
import { BillsPanel } from './BillsPanel';
import { NoData, SummaryCards } from './LedgerOverview';
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
      {summary.data && summary.data.bills === 0 && summary.data.taxpayers === 0 && <NoData onLoaded={summary.reload} />}
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

