import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';

export interface PartnerFields {
  name: string;
  id: string;
  ipAllowlist: string;
  vaPrefix: string;
}

/** The fields of a partner; the id is fixed once partners call with it, so only a new partner names it. */
export function PartnerForm({ initial, isNew, submitLabel, pending, error, onSubmit, onCancel }: { initial: PartnerFields; isNew: boolean; submitLabel: string; pending: boolean; error: unknown; onSubmit(fields: PartnerFields): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return (
    <form className="form form-grid" onSubmit={submit}>
      <TextField label={t('partners.name')} required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      {isNew && <TextField label={t('partners.id')} hint={t('partners.idHint')} pattern="[A-Za-z0-9_]{2,40}" value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} />}
      <TextField label={t('partners.allowlist')} hint={t('partners.allowlistHint')} wide required value={form.ipAllowlist} onChange={(e) => setForm({ ...form, ipAllowlist: e.target.value })} />
      <TextField label={t('partners.vaPrefix')} hint={t('partners.vaPrefixHint')} pattern="[0-9]{1,8}" inputMode="numeric" value={form.vaPrefix} onChange={(e) => setForm({ ...form, vaPrefix: e.target.value })} />
      <div className="form-actions">
        <ErrorNotice error={error} />
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button-primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
