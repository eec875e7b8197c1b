import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { useSignedInUser } from '../../session';
import { SettingsForm } from './SettingsForm';
import { SystemInfo } from './SystemInfo';

/** Everyone may read the agency's settings; only an administrator may change them. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const settings = useApi('settings.get', {});
  return (
    <Page title={t('nav.settings.label')} description={t('nav.settings.description')}>
      {user.role !== 'admin' && <p className="callout">{t('settings.readOnly')}</p>}
      {settings.loading && !settings.data && <Loading />}
      <ErrorNotice error={settings.error} onRetry={settings.reload} />
      {settings.data && <SettingsForm saved={settings.data.settings} editable={user.role === 'admin'} />}
      <SystemInfo />
    </Page>
  );
}
