import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from './components/Feedback';
import { LoginScreen } from './screens/login/LoginScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { Shell } from './screens/shell/Shell';
import { SessionProvider, useSession } from './session';

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** First run, login or the shell, by what the backend says about this session. */
function Gate() {
  const { t } = useTranslation();
  const { phase, refresh } = useSession();
  switch (phase.kind) {
    case 'loading':
      return (
        <main className="auth-page">
          <Loading />
        </main>
      );
    case 'unreachable':
      return (
        <main className="auth-page">
          <div className="auth-card">
            <h1>{t('app.name')}</h1>
            <ErrorNotice error={phase.error} onRetry={() => void refresh()} />
          </div>
        </main>
      );
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen />;
    case 'signedIn':
      return <Shell />;
  }
}
