import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages shown before anyone is signed in: first-run setup and login. */
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { agencyName } = useSession();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-top">
          <Brand />
          <LanguageSwitch />
        </div>
        <p className="auth-agency">{agencyName}</p>
        <h1>{title}</h1>
        <p className="auth-intro">{intro}</p>
        {children}
      </div>
    </main>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        SP
      </span>
      <span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </span>
    </div>
  );
}
