import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Panel } from '../../components/Page';

const ENGINES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** What IT staff need when they call for help: the version, where the data is, where the log is. */
export function SystemInfo() {
  const { t } = useTranslation();
  const info = useApi('system.info', {});
  return (
    <Panel title={t('system.title')}>
      {info.loading && !info.data && <Loading />}
      <ErrorNotice error={info.error} onRetry={info.reload} />
      {info.data && (
        <dl className="facts">
          <dt>{t('system.version')}</dt>
          <dd>{info.data.version}</dd>
          <dt>{t('system.engine')}</dt>
          <dd>{ENGINES[info.data.engine]}</dd>
          <dt>{t('system.database')}</dt>
          <dd className="mono">{info.data.database}</dd>
          <dt>{t('system.schemaVersion')}</dt>
          <dd className="mono">{info.data.schemaVersion}</dd>
          <dt>{t('system.logFile')}</dt>
          <dd className="mono">{info.data.logFile}</dd>
        </dl>
      )}
    </Panel>
  );
}
