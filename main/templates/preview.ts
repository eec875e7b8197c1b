import type { Parsed } from '../../shared/api/index.js';
import { UserError, type Language } from '../../shared/errors.js';
import {
  type MessageData,
  metaParameterValues,
  renderTemplate,
  renderWhatsAppText,
  SAMPLE_MESSAGE,
  smsInfo,
  type TemplateValues,
  templateValues,
  toMetaTemplate,
} from '../../shared/templates/index.js';
import type { Ctx } from '../api/context.js';
import { calendarDate } from '../platform/clock.js';
import { readSettings } from '../platform/settings.js';
import { findTaxpayer, taxpayerBills } from './ledger-reads.js';
import { type CheckedText, longestValuesFor, templateIssues } from './live-checks.js';
import { messageAgency, messageLanguage } from './message-agency.js';
import { getVersion } from './template-store.js';

type PreviewInput = Parsed<'templates.preview'>;

/** A bound on the bills one preview lists; more than this overflows every channel anyway. */
const PREVIEW_BILLS_LIMIT = 60;

/**
 * The message as the taxpayer would receive it, with what it costs to send: SMS parts and
 * encoding, or the WhatsApp parameters in Meta's order. Works on a saved version or on the
 * editor's unsaved text, so the officer sees the result while typing.
 */
export async function previewTemplate(ctx: Ctx, input: PreviewInput) {
  const text = await previewedText(ctx, input);
  const lang = messageLanguage(text.language);
  const { values, taxpayer } = await sampleValues(ctx, input, text, lang);
  const whatsapp = text.channel === 'whatsapp';
  const rendered = whatsapp ? renderWhatsAppText(text.body, values) : renderTemplate(text.body, values);
  const sms = whatsapp ? null : smsInfo(rendered);
  return {
    text: rendered,
    channel: text.channel,
    characters: sms ? sms.characters : rendered.length,
    smsParts: sms?.parts ?? null,
    encoding: sms?.encoding ?? null,
    ucs2Characters: sms?.ucs2Characters ?? [],
    whatsappParameters: whatsapp ? metaParameterValues(text.body, values) : null,
    metaText: whatsapp ? toMetaTemplate(text.body).text : null,
    issues: await templateIssues(ctx, text),
    taxpayer,
  };
}

async function previewedText(ctx: Ctx, input: PreviewInput): Promise<CheckedText> {
  if (input.draft) return { ...input.draft, metaName: input.draft.metaName ?? null };
  return getVersion(ctx.db, input.id as number);
}

async function sampleValues(ctx: Ctx, input: PreviewInput, text: CheckedText, lang: Language) {
  const settings = await readSettings(ctx.db);
  const agency = messageAgency(settings);
  if (input.sample === 'longest') return { values: await longestValuesFor(ctx, text.language), taxpayer: null };
  if (input.sample === 'example') return { values: templateValues({ ...SAMPLE_MESSAGE, agency }, lang), taxpayer: null };
  return taxpayerValues(ctx, input, text.purpose, { agency, today: calendarDate(ctx.app.clock.now(), settings.timezone) }, lang);
}

/** One real taxpayer: their unpaid bills for a reminder, their last paid bill for a thank-you. */
async function taxpayerValues(
  ctx: Ctx,
  input: PreviewInput,
  purpose: string,
  message: Pick<MessageData, 'agency' | 'today'>,
  lang: Language,
): Promise<{ values: TemplateValues; taxpayer: { id: number; npwpd: string | null; name: string; bills: number } }> {
  const { taxpayerId, npwpd = '' } = input;
  const found = await findTaxpayer(ctx.db, taxpayerId !== undefined ? { id: taxpayerId } : { npwpd });
  if (!found) throw new UserError('PREVIEW_TAXPAYER_NOT_FOUND', taxpayerId !== undefined ? { field: 'taxpayerId', value: taxpayerId } : { field: 'npwpd', value: npwpd });
  const status = purpose === 'thank_you' ? 'paid' : 'unpaid';
  const bills = await taxpayerBills(ctx.db, found.id, status, status === 'paid' ? 1 : PREVIEW_BILLS_LIMIT);
  if (bills.length === 0) throw new UserError('PREVIEW_NO_BILLS', { name: found.name, status });
  const values = templateValues({ ...message, taxpayer: { name: found.name, npwpd: found.npwpd ?? '' }, bills }, lang);
  return { values, taxpayer: { ...found, bills: bills.length } };
}
