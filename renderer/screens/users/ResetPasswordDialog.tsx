import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from '../../components/password-rules';

export function ResetPasswordDialog({ username, onClose, onDone }: { username: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const reset = useAction(async () => {
    checkNewPassword(password, repeated);
    await api.call('users.resetPassword', { username, password });
    onDone();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reset.run();
  };
  return (
    <Modal title={t('users.resetTitle', { username })} onClose={onClose}>
      <p>{t('users.resetIntro')}</p>
      <form className="form" onSubmit={submit}>
        <TextField label={t('users.newPassword')} hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })} type="password" autoComplete="new-password" required autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        <TextField label={t('users.newPasswordConfirm')} type="password" autoComplete="new-password" required value={repeated} onChange={(e) => setRepeated(e.target.value)} />
        <ErrorNotice error={reset.error} />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={reset.pending}>
            {reset.pending ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
