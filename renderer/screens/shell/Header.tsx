import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/useAction';
import { Brand } from '../../components/AuthLayout';
import { ErrorNotice } from '../../components/Feedback';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { hrefTo } from '../../router';
import { useSession, useSignedInUser } from '../../session';

export function Header() {
  const { t } = useTranslation();
  const { agencyName, logout } = useSession();
  const user = useSignedInUser();
  const signOut = useAction(logout);
  return (
    <header className="topbar">
      <Brand />
      <p className="topbar-agency">{agencyName}</p>
      <div className="topbar-account" role="group" aria-label={t('shell.account')}>
        <p className="topbar-user">
          <span className="topbar-user-name">{user.fullName}</span>
          <span className="topbar-user-role">{t(`role.${user.role}`)}</span>
        </p>
        <LanguageSwitch />
        <a className="topbar-link" href={hrefTo('kata-sandi')}>
          {t('shell.changePassword')}
        </a>
        <button type="button" className="button-quiet" disabled={signOut.pending} onClick={() => void signOut.run()}>
          {t('shell.logout')}
        </button>
      </div>
      <ErrorNotice error={signOut.error} />
    </header>
  );
}
