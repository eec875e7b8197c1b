import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/settings';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { useNotice } from '../../components/notice';
import { useSession } from '../../session';
import { PaymentSettingsFieldset } from '../payments/PaymentSettingsFieldset';

const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/**
 * Sends only what changed, so the audit log records exactly which settings someone touched.
 * The agency name and zone are shown elsewhere, so the session reloads them after a save.
 */
export function SettingsForm({ saved, editable }: { saved: Settings; editable: boolean }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [stored, setStored] = useState(saved);
  const [form, setForm] = useState(saved);
  const notice = useNotice();
  const save = useAction(async () => {
    notice.clear();
    const changes = changedSettings(stored, form);
    if (Object.keys(changes).length === 0) {
      notice.show({ key: 'settings.unchanged' });
      return;
    }
    const { settings } = await api.call('settings.update', { changes });
    setStored(settings);
    setForm(settings);
    notice.show({ key: 'settings.saved' });
    await refresh();
  });
  const text = (key: 'agencyName' | 'kabupaten' | 'headName' | 'headNip' | 'treasurerName' | 'treasurerNip' | 'agencyContact' | 'howToPay') => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset className="panel" disabled={!editable}>
        <legend>{t('settings.agency')}</legend>
        <div className="form-grid">
          <TextField label={t('settings.agencyName')} wide required maxLength={200} {...text('agencyName')} />
          <TextField label={t('settings.kabupaten')} required maxLength={100} {...text('kabupaten')} />
          <TextField label={t('settings.agencyContact')} hint={t('settings.agencyContactHint')} wide maxLength={200} {...text('agencyContact')} />
          <TextField label={t('settings.howToPay')} hint={t('settings.howToPayHint')} wide maxLength={500} {...text('howToPay')} />
        </div>
      </fieldset>
      <fieldset className="panel" disabled={!editable}>
        <legend>{t('settings.signatories')}</legend>
        <div className="form-grid">
          <TextField label={t('settings.headName')} maxLength={120} {...text('headName')} />
          <TextField label={t('settings.headNip')} hint={t('settings.nipHint')} inputMode="numeric" pattern="[0-9 ]*" maxLength={30} {...text('headNip')} />
          <TextField label={t('settings.treasurerName')} maxLength={120} {...text('treasurerName')} />
          <TextField label={t('settings.treasurerNip')} hint={t('settings.nipHint')} inputMode="numeric" pattern="[0-9 ]*" maxLength={30} {...text('treasurerNip')} />
        </div>
      </fieldset>
      <fieldset className="panel" disabled={!editable}>
        <legend>{t('settings.application')}</legend>
        <div className="form-grid">
          <SelectField label={t('settings.language')} value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value === 'en' ? 'en' : 'id' })}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </SelectField>
          <SelectField label={t('settings.timezone')} wide value={form.timezone} onChange={(e) => setForm({ ...form, timezone: e.target.value as Settings['timezone'] })}>
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {t(`settings.zones.${zone}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('settings.sessionIdleMinutes')}
            hint={t('settings.sessionIdleHint')}
            type="number"
            min={5}
            max={1440}
            required
            value={form.sessionIdleMinutes}
            onChange={(e) => setForm({ ...form, sessionIdleMinutes: e.target.valueAsNumber })}
          />
          <TextField
            label={t('settings.sharedNumberThreshold')}
            hint={t('settings.sharedNumberThresholdHint')}
            type="number"
            min={2}
            max={1000}
            required
            value={form.sharedNumberThreshold}
            onChange={(e) => setForm({ ...form, sharedNumberThreshold: e.target.valueAsNumber })}
          />
        </div>
      </fieldset>
      <PaymentSettingsFieldset form={form} editable={editable} onChange={setForm} />
      {editable && (
        <div className="form-actions">
          <SuccessNotice>{notice.text}</SuccessNotice>
          <ErrorNotice error={save.error} />
          <button type="submit" className="button-primary" disabled={save.pending}>
            {save.pending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      )}
    </form>
  );
}

function changedSettings(before: Settings, after: Settings): Partial<Settings> {
  const keys = Object.keys(after) as (keyof Settings)[];
  return Object.fromEntries(keys.filter((key) => after[key] !== before[key]).map((key) => [key, after[key]])) as Partial<Settings>;
}
