import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Tabs } from '../../components/Tabs';
import { navigate, useRouteRest } from '../../router';
import { ImportFlowView } from './ImportFlowView';
import { ImportHistory } from './ImportHistory';
import { useImportFlow } from './useImportFlow';

type ImportTab = 'new' | 'history';
const PATH = 'impor';
const HISTORY = 'riwayat';

/**
 * `#/impor`: a new import, step by step; `#/impor/riwayat[/<run>]`: what was imported before.
 * The flow lives here, above the tabs, so a look at the history does not lose it.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const [section, runId] = useRouteRest();
  const flow = useImportFlow();
  const tab: ImportTab = section === HISTORY ? 'history' : 'new';
  return (
    <Page title={t('nav.import.label')} description={t('nav.import.description')}>
      <Tabs<ImportTab>
        label={t('import.tabsLabel')}
        tabs={[
          { id: 'new', label: t('import.newTab') },
          { id: 'history', label: t('import.historyTab') },
        ]}
        selected={tab}
        onSelect={(next) => navigate(next === 'history' ? `${PATH}/${HISTORY}` : PATH)}
      >
        {tab === 'new' ? <ImportFlowView flow={flow} /> : <ImportHistory basePath={`${PATH}/${HISTORY}`} runId={runId} />}
      </Tabs>
    </Page>
  );
}

/** `#/riwayat-impor[/<run>]`: the history alone, for the head and the treasurer, who read imports but do not make them. */
export function ImportHistoryScreen() {
  const { t } = useTranslation();
  const [runId] = useRouteRest();
  return (
    <Page title={t('nav.importHistory.label')} description={t('nav.importHistory.description')}>
      <ImportHistory basePath="riwayat-impor" runId={runId} />
    </Page>
  );
}
