import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { useSignedInUser } from '../../session';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { NoData, SummaryCards } from '../taxpayers/LedgerOverview';

/**
 * Beranda. The head of agency and the administrator land on the performance dashboard (issue 9);
 * officers and the treasurer keep the ledger at a glance (their own panels are still to come). An
 * empty ledger shows how to fill it.
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const summary = useApi('ledger.summary', {});
  const empty = summary.data && summary.data.bills === 0 && summary.data.taxpayers === 0;
  const dashboard = user.role === 'head' || user.role === 'admin';
  return (
    <Page title={t('nav.dashboard.label')} description={dashboard ? t('dashboard.description') : undefined}>
      {summary.loading && !summary.data && <Loading />}
      <ErrorNotice error={summary.error} onRetry={summary.reload} />
      {empty && <NoData onLoaded={summary.reload} />}
      {summary.data && !empty && (dashboard ? <DashboardScreen today={summary.data.asOf} /> : <SummaryCards summary={summary.data} />)}
      {summary.data && (!dashboard || empty) && (
        <div className="callout">
          <p className="callout-title">{t('placeholder.notBuilt')}</p>
          <p>
            {t('placeholder.willDo')} {t('nav.dashboard.description')}
          </p>
        </div>
      )}
    </Page>
  );
}
