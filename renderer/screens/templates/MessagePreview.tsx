import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '../../../shared/api/index';
import { PREVIEW_SAMPLES } from '../../../shared/api/templates';
import { WHATSAPP_BODY_LIMIT } from '../../../shared/templates/index';
import { useApi } from '../../api/useApi';
import { useDebounced } from '../../components/debounce';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { useSession } from '../../session';
import { type PickedTaxpayer, TaxpayerPicker } from './TaxpayerPicker';

type Sample = (typeof PREVIEW_SAMPLES)[number];
type PreviewInput = In<'templates.preview'>;
export type PreviewSource = Pick<PreviewInput, 'id' | 'draft'>;

/**
 * The message as the taxpayer's phone shows it: filled by the server with the typical example,
 * the longest values in the ledger, or one real taxpayer's bills, in a WhatsApp-like or SMS-like
 * bubble. Unsaved text is previewed too, once typing pauses.
 */
export function MessagePreview({ source, channel, initialSample = 'example' }: { source: PreviewSource; channel: 'whatsapp' | 'sms'; initialSample?: Sample }) {
  const { t } = useTranslation();
  const [sample, setSample] = useState<Sample>(initialSample);
  const [taxpayer, setTaxpayer] = useState<PickedTaxpayer | null>(null);
  const settled = useDebounced(JSON.stringify(source), 400);
  const headingId = useId();
  const ready = sample !== 'taxpayer' || taxpayer !== null;
  const input: PreviewInput = { ...(JSON.parse(settled) as PreviewSource), sample, ...(sample === 'taxpayer' && taxpayer ? { taxpayerId: taxpayer.id } : {}) };
  return (
    <section className="panel preview-panel" aria-labelledby={headingId}>
      <div className="preview-head">
        <h2 id={headingId}>{t('templates.preview.title')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('templates.preview.sample')}>
          {PREVIEW_SAMPLES.map((option) => (
            <button key={option} type="button" role="radio" aria-checked={sample === option} onClick={() => setSample(option)}>
              {t(`templates.preview.samples.${option}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="panel-note">{t(`templates.preview.sampleNote.${sample}`)}</p>
      {sample === 'taxpayer' && <TaxpayerPicker picked={taxpayer} onPick={setTaxpayer} />}
      {ready && <PreviewResult input={input} channel={channel} />}
    </section>
  );
}

function PreviewResult({ input, channel }: { input: PreviewInput; channel: 'whatsapp' | 'sms' }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const preview = useApi('templates.preview', input);
  const data = preview.data;
  return (
    <>
      <ErrorNotice error={preview.error} onRetry={preview.reload} />
      {!data && preview.loading && <Loading />}
      {data && (
        <>
          {data.taxpayer && (
            <p className="preview-taxpayer">
              {t('templates.preview.filledFor', { name: data.taxpayer.name, npwpd: data.taxpayer.npwpd ?? t('ledger.noNpwpd') })} · {t('templates.preview.bills', { count: formatNumber(data.taxpayer.bills) })}
            </p>
          )}
          <Phone channel={channel} text={data.text} stale={preview.loading} />
          <p className="preview-count">
            {data.channel === 'sms'
              ? t('templates.preview.smsCount', { encoding: data.encoding ?? '', characters: formatNumber(data.characters), parts: formatNumber(data.smsParts ?? 1) })
              : t('templates.preview.whatsappCount', { characters: formatNumber(data.characters), limit: formatNumber(WHATSAPP_BODY_LIMIT), parameters: formatNumber(data.whatsappParameters?.length ?? 0) })}
          </p>
        </>
      )}
    </>
  );
}

/** A phone-like frame: WhatsApp's green chat with the agency as the sender, or a grey SMS thread. */
export function Phone({ channel, text, stale = false }: { channel: 'whatsapp' | 'sms'; text: string; stale?: boolean }) {
  const { t } = useTranslation();
  const { agencyName } = useSession();
  return (
    <figure className={`phone phone-${channel}${stale ? ' phone-stale' : ''}`} aria-label={t(`templates.preview.phone.${channel}`)}>
      <div className="phone-bar">
        <span className="phone-avatar" aria-hidden="true">
          {initials(agencyName)}
        </span>
        <span className="phone-sender">{agencyName || t('app.name')}</span>
        <span className="phone-channel">{t(`templates.channel.${channel}`)}</span>
      </div>
      <div className="phone-screen">
        <div className={`bubble bubble-${channel}`}>
          {channel === 'whatsapp' ? whatsAppFormatted(text) : text}
          <span className="bubble-time" aria-hidden="true">
            08.00
          </span>
        </div>
      </div>
    </figure>
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[A-Z]/.test(w));
  return (words.length > 0 ? words.slice(0, 2).map((w) => w[0]).join('') : 'SP').toUpperCase();
}

/** WhatsApp's own markup, as the taxpayer will see it: *bold*, _italic_, ~strikethrough~. */
function whatsAppFormatted(text: string): ReactNode[] {
  return text.split(/(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/g).map((part, i) => {
    const inner = part.slice(1, -1);
    if (part.length > 2 && part.startsWith('*') && part.endsWith('*')) return <strong key={i}>{inner}</strong>;
    if (part.length > 2 && part.startsWith('_') && part.endsWith('_')) return <em key={i}>{inner}</em>;
    if (part.length > 2 && part.startsWith('~') && part.endsWith('~')) return <s key={i}>{inner}</s>;
    return part;
  });
}
