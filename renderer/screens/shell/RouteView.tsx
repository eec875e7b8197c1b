import { useTranslation } from 'react-i18next';
import { HOME_PATH, screenAt } from '../../navigation';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';
import { Page } from '../../components/Page';
import { NotBuiltScreen } from './NotBuiltScreen';

/** The screen at the address, or why it cannot be shown: unknown address, or not for this role. */
export function RouteView({ path }: { path: string }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const screen = screenAt(path);
  if (!screen) {
    return (
      <Page title={t('notFound.title')}>
        <p className="callout">{t('notFound.body', { path: `#/${path}` })}</p>
        <HomeLink />
      </Page>
    );
  }
  if (!screen.roles.includes(user.role)) {
    return (
      <Page title={t('noAccess.title')}>
        <p className="callout callout-warning">{t('noAccess.body', { role: t(`role.${user.role}`), screen: t(`nav.${screen.id}.label`) })}</p>
        <HomeLink />
      </Page>
    );
  }
  const Component = screen.component;
  return Component ? <Component /> : <NotBuiltScreen id={screen.id} />;
}

function HomeLink() {
  const { t } = useTranslation();
  return (
    <p>
      <a href={hrefTo(HOME_PATH)}>{t('noAccess.home')}</a>
    </p>
  );
}
