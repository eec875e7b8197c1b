import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/settings';
import { TextField } from '../../components/Field';

type NumberKey = 'penaltyPercentPerMonth' | 'penaltyMaxMonths' | 'partnerAdminFee' | 'paperLetterCost' | 'whatsappMessageCost' | 'smsMessageCost';

/** Limits as shared/api/settings.ts validates them, so the browser stops a wrong value before the backend does. */
const FIELDS: readonly { key: NumberKey; max: number; step: number; hint?: string }[] = [
  { key: 'penaltyPercentPerMonth', max: 10, step: 0.01, hint: 'penaltyPercentHint' },
  { key: 'penaltyMaxMonths', max: 120, step: 1 },
  { key: 'partnerAdminFee', max: 100_000, step: 1, hint: 'partnerAdminFeeHint' },
  { key: 'paperLetterCost', max: 1_000_000, step: 1, hint: 'costHint' },
  { key: 'whatsappMessageCost', max: 100_000, step: 1, hint: 'costHint' },
  { key: 'smsMessageCost', max: 100_000, step: 1, hint: 'costHint' },
];

/** The late-payment penalty rule, the partners' admin fee and what a reminder costs (Pembayaran). */
export function PaymentSettingsFieldset({ form, editable, onChange }: { form: Settings; editable: boolean; onChange(next: Settings): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="panel" disabled={!editable}>
      <legend>{t('paymentsScreens.settings.legend')}</legend>
      <div className="form-grid">
        {FIELDS.map(({ key, max, step, hint }) => (
          <TextField
            key={key}
            label={t(`paymentsScreens.settings.${key}`)}
            hint={hint ? t(`paymentsScreens.settings.${hint}` as 'paymentsScreens.settings.costHint') : undefined}
            type="number"
            min={0}
            max={max}
            step={step}
            required
            value={Number.isNaN(form[key]) ? '' : form[key]}
            onChange={(e) => onChange({ ...form, [key]: e.target.valueAsNumber })}
          />
        ))}
      </div>
    </fieldset>
  );
}
