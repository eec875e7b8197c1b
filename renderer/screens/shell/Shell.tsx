import { useTranslation } from 'react-i18next';
import { HOME_PATH, menuFor } from '../../navigation';
import { hrefTo, useRoutePath } from '../../router';
import { useSignedInUser } from '../../session';
import { Header } from './Header';
import { RouteView } from './RouteView';

/** The signed-in frame: header on top, the menu the role allows on the left, the screen beside it. */
export function Shell() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const current = useRoutePath();
  return (
    <div className="shell">
      <Header />
      <nav className="sidebar" aria-label={t('shell.navLabel')}>
        <ul>
          {menuFor(user.role).map((screen) => (
            <li key={screen.id}>
              <a href={hrefTo(screen.path)} aria-current={screen.path === (current || HOME_PATH) ? 'page' : undefined}>
                {t(`nav.${screen.id}.label`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <RouteView key={current} path={current} />
      </main>
    </div>
  );
}
