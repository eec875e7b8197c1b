import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from '../../components/password-rules';
import { useSession } from '../../session';

/** First run: the ledger has no users, so whoever installs SI PEKA creates the administrator. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [form, setForm] = useState({ username: '', fullName: '', password: '', repeated: '' });
  const setup = useAction(async () => {
    checkNewPassword(form.password, form.repeated);
    const { user } = await api.call('auth.setup', { username: form.username, fullName: form.fullName, password: form.password });
    await signedIn(user);
  });
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void setup.run();
  };
  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('setup.username')} hint={t('setup.usernameHint')} autoComplete="username" required pattern="[A-Za-z0-9._\-]{2,40}" {...field('username')} />
        <TextField label={t('setup.fullName')} autoComplete="name" required maxLength={120} {...field('fullName')} />
        <TextField label={t('setup.password')} hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })} type="password" autoComplete="new-password" required {...field('password')} />
        <TextField label={t('setup.passwordConfirm')} type="password" autoComplete="new-password" required {...field('repeated')} />
        <ErrorNotice error={setup.error} />
        <button type="submit" className="button-primary" disabled={setup.pending}>
          {setup.pending ? t('common.saving') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
