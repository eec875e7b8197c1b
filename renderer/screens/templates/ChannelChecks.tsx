import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isValidMetaName,
  metaParameterValue,
  renderTemplate,
  renderWhatsAppText,
  SMS_LIMITS,
  smsInfo,
  type TemplateValues,
  toMetaTemplate,
  WHATSAPP_BODY_LIMIT,
} from '../../../shared/templates/index';
import { useNumberFormat } from '../../components/numbers';
import { copyText } from './copy';

interface Checked {
  channel: 'whatsapp' | 'sms';
  body: string;
  metaName: string;
  metaCategory: string;
  language: string;
}

/**
 * The channel's rules measured while typing, on the longest message the ledger can produce:
 * SMS parts and the characters that force UCS-2; WhatsApp's 1024 limit, Meta's name rule,
 * category and language, and the numbered body to register at Meta.
 */
export function ChannelChecks({ template, longest, fromLedger }: { template: Checked; longest: TemplateValues; fromLedger: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel channel-checks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(template.channel === 'sms' ? 'templates.checks.smsTitle' : 'templates.checks.whatsappTitle')}</h2>
      <p className="panel-note">{t(fromLedger ? 'templates.checks.measuredLedger' : 'templates.checks.measuredSample')}</p>
      {template.channel === 'sms' ? <SmsChecks body={template.body} longest={longest} /> : <WhatsAppChecks template={template} longest={longest} />}
    </section>
  );
}

function SmsChecks({ body, longest }: { body: string; longest: TemplateValues }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const info = smsInfo(renderTemplate(body, longest));
  const typed = new Set([...body]);
  const limits = SMS_LIMITS[info.encoding];
  return (
    <>
      <dl className="facts facts-checks">
        <dt>{t('templates.checks.encoding')}</dt>
        <dd>
          <span className={info.encoding === 'GSM-7' ? 'badge badge-on' : 'badge badge-warning'}>{info.encoding}</span>{' '}
          <span className="muted">{t('templates.checks.limits', { single: limits.single, perPart: limits.perPart })}</span>
        </dd>
        <dt>{t('templates.checks.longestLength')}</dt>
        <dd className="strong">{t('templates.checks.characters', { count: formatNumber(info.characters) })}</dd>
        <dt>{t('templates.checks.parts')}</dt>
        <dd>
          <span className={info.parts > 3 ? 'strong overdue' : 'strong'}>{formatNumber(info.parts)}</span>{' '}
          <span className="muted">{t('templates.checks.remaining', { count: formatNumber(info.remainingInPart) })}</span>
        </dd>
      </dl>
      {info.ucs2Characters.length > 0 && (
        <div className="ucs2">
          <p>{t('templates.checks.ucs2Intro')}</p>
          <ul aria-label={t('templates.checks.ucs2Label')}>
            {info.ucs2Characters.map((char) => (
              <li key={char}>
                <span className="ucs2-char">{visible(char)}</span>
                <span className="mono">{codePoint(char)}</span>
                <span className="muted">{typed.has(char) ? t('templates.checks.inBody') : t('templates.checks.inData')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function WhatsAppChecks({ template, longest }: { template: Checked; longest: TemplateValues }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const meta = toMetaTemplate(template.body);
  const length = Math.max(renderWhatsAppText(template.body, longest).length, meta.text.length);
  const over = length > WHATSAPP_BODY_LIMIT;
  const name = template.metaName.trim();
  return (
    <>
      <div className="meter-line">
        <span>{t('templates.checks.longestLength')}</span>
        <span className={over ? 'strong overdue' : 'strong'}>
          {formatNumber(length)} / {formatNumber(WHATSAPP_BODY_LIMIT)}
        </span>
      </div>
      <meter className={over ? 'length-meter length-meter-over' : 'length-meter'} min={0} max={WHATSAPP_BODY_LIMIT} low={900} high={1000} optimum={0} value={Math.min(length, WHATSAPP_BODY_LIMIT)} aria-label={t('templates.checks.longestLength')} />
      <dl className="facts facts-checks">
        <dt>{t('templates.checks.metaName')}</dt>
        <dd>
          {name ? <span className="mono">{name}</span> : <span className="muted">{t('common.none')}</span>}{' '}
          {name && <span className={isValidMetaName(name) ? 'badge badge-on' : 'badge badge-danger'}>{t(isValidMetaName(name) ? 'templates.checks.valid' : 'templates.checks.invalid')}</span>}
        </dd>
        <dt>{t('templates.checks.category')}</dt>
        <dd>
          <span className="mono">{template.metaCategory}</span> {template.metaCategory !== 'UTILITY' && <span className="badge badge-warning">{t('templates.checks.utilityAdvised')}</span>}
        </dd>
        <dt>{t('templates.checks.languageCode')}</dt>
        <dd className="mono">{template.language}</dd>
      </dl>
      {meta.parameters.length > 0 && (
        <table className="table table-compact mapping-table" aria-label={t('templates.checks.mapping')}>
          <colgroup>
            <col className="mapping-number" />
            <col className="mapping-name" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('templates.checks.metaVariable')}</th>
              <th scope="col">{t('templates.checks.placeholder')}</th>
              <th scope="col">{t('templates.checks.longestValue')}</th>
            </tr>
          </thead>
          <tbody>
            {meta.parameters.map((parameter, i) => (
              <tr key={i}>
                <td className="mono">{`{{${i + 1}}}`}</td>
                <td className="mono">{`{${parameter}}`}</td>
                <td className="mapping-value">{metaParameterValue(parameter, longest[parameter])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MetaBody text={meta.text} />
    </>
  );
}

/** The body exactly as it is typed into Meta's template form, with a button to copy it. */
function MetaBody({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="meta-body">
      <div className="meta-body-head">
        <span className="field-label">{t('templates.checks.metaBody')}</span>
        <span role="status" className="muted">
          {copied === true && t('templates.checks.copied')}
          {copied === false && t('templates.checks.copyFailed')}
        </span>
        <button type="button" className="button-small" onClick={() => void copyText(text).then(setCopied)}>
          {t('templates.checks.copy')}
        </button>
      </div>
      <pre className="meta-body-text" aria-label={t('templates.checks.metaBody')}>
        {text}
      </pre>
    </div>
  );
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A space-like or invisible character is shown by a sign, or the officer sees nothing to fix. */
function visible(char: string): string {
  return /^\s$/u.test(char) || /\p{Cf}/u.test(char) ? '␣' : char;
}
