import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useSession } from '../../session';

/**
 * Wrong passwords, a lockout and a disabled account are told apart by the backend's own
 * message, which says what to do next (wait N minutes, call the administrator).
 */
export function LoginScreen() {
  const { t } = useTranslation();
  const { signedIn, signedOutBecause } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction(async () => {
    const { user } = await api.call('auth.login', { username, password });
    await signedIn(user);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPassword('');
    void login.run();
  };
  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <form className="form" onSubmit={submit}>
        {!login.error && <ErrorNotice error={signedOutBecause} />}
        <TextField label={t('login.username')} autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField label={t('login.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorNotice error={login.error} />
        <button type="submit" className="button-primary" disabled={login.pending}>
          {login.pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
