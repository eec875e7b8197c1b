import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';

/**
 * A partner's secret, right after it was made: the backend keeps only its hash, so this is the
 * one chance to copy it. The field is read-only and selected on focus, for browsers that refuse
 * the clipboard outside HTTPS.
 */
export function SecretBox({ partnerId, secret, onDone }: { partnerId: string; secret: string; onDone(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (plain HTTP on the office network): the text stays selectable in the field.
      setCopied(false);
    }
  };
  return (
    <section className="callout callout-warning" aria-label={t('partners.secretTitle', { id: partnerId })}>
      <p className="callout-title">{t('partners.secretTitle', { id: partnerId })}</p>
      <p role="alert">{t('partners.secretWarning')}</p>
      <div className="button-row">
        <TextField label={t('partners.secretLabel')} wide className="mono" readOnly value={secret} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {copied ? t('partners.copied') : t('partners.copy')}
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          {t('partners.secretStored')}
        </button>
      </div>
    </section>
  );
}
