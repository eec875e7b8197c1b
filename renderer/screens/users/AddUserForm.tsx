import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/roles';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { MIN_PASSWORD_LENGTH } from '../../components/password-rules';

const EMPTY = { username: '', fullName: '', role: 'officer' as Role, password: '' };

export function AddUserForm({ onAdded }: { onAdded: (username: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const add = useAction(async () => {
    const { user } = await api.call('users.add', form);
    setForm(EMPTY);
    onAdded(user.username);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  return (
    <Panel title={t('users.addTitle')}>
      <form className="form form-grid" onSubmit={submit}>
        <TextField label={t('users.username')} hint={t('setup.usernameHint')} required autoComplete="off" pattern="[A-Za-z0-9._\-]{2,40}" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
        <TextField label={t('users.fullName')} maxLength={120} autoComplete="off" value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />
        <SelectField label={t('users.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('users.initialPassword')}
          hint={t('users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <div className="form-actions">
          <ErrorNotice error={add.error} />
          <button type="submit" className="button-primary" disabled={add.pending}>
            {add.pending ? t('common.saving') : t('users.add')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
