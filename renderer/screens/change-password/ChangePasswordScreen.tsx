import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useNotice } from '../../components/notice';
import { Page } from '../../components/Page';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from '../../components/password-rules';

const EMPTY = { current: '', next: '', repeated: '' };

/** Anyone may change their own password; the backend keeps this session and ends the others. */
export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const notice = useNotice();
  const change = useAction(async () => {
    notice.clear();
    checkNewPassword(form.next, form.repeated);
    await api.call('auth.changePassword', { currentPassword: form.current, newPassword: form.next });
    setForm(EMPTY);
    notice.show({ key: 'changePassword.done' });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run();
  };
  return (
    <Page title={t('nav.password.label')} description={t('nav.password.description')}>
      <div className="panel">
        <form className="form form-narrow" onSubmit={submit}>
          <TextField label={t('changePassword.current')} type="password" autoComplete="current-password" required value={form.current} onChange={(e) => setForm({ ...form, current: e.target.value })} />
          <TextField label={t('changePassword.new')} hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })} type="password" autoComplete="new-password" required value={form.next} onChange={(e) => setForm({ ...form, next: e.target.value })} />
          <TextField label={t('changePassword.confirm')} type="password" autoComplete="new-password" required value={form.repeated} onChange={(e) => setForm({ ...form, repeated: e.target.value })} />
          <SuccessNotice>{notice.text}</SuccessNotice>
          <ErrorNotice error={change.error} />
          <button type="submit" className="button-primary" disabled={change.pending}>
            {change.pending ? t('common.saving') : t('changePassword.submit')}
          </button>
        </form>
      </div>
    </Page>
  );
}
