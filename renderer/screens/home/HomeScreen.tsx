import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { NoData, SummaryCards } from '../taxpayers/LedgerOverview';

/** Beranda: the ledger at a glance until the head's dashboard is built; on an empty ledger, how to fill it. */
export function HomeScreen() {
  const { t } = useTranslation();
  const summary = useApi('ledger.summary', {});
  const empty = summary.data && summary.data.bills === 0 && summary.data.taxpayers === 0;
  return (
    <Page title={t('nav.dashboard.label')}>
      {summary.loading && !summary.data && <Loading />}
      <ErrorNotice error={summary.error} onRetry={summary.reload} />
      {empty && <NoData onLoaded={summary.reload} />}
      {summary.data && !empty && <SummaryCards summary={summary.data} />}
      <div className="callout">
        <p className="callout-title">{t('placeholder.notBuilt')}</p>
        <p>
          {t('placeholder.willDo')} {t('nav.dashboard.description')}
        </p>
      </div>
    </Page>
  );
}
