import { UserError } from '../../shared/errors.js';
import { checkTemplate, type TemplateIssue, type TemplatePurpose, type TemplateValues } from '../../shared/templates/index.js';
import type { Ctx } from '../api/context.js';
import { calendarDate } from '../platform/clock.js';
import { readSettings } from '../platform/settings.js';
import { cachedLedgerExtremes } from './ledger-extremes.js';
import { longestValues } from './longest-values.js';
import { messageAgency, messageLanguage } from './message-agency.js';

export interface CheckedText {
  channel: 'whatsapp' | 'sms';
  purpose: string;
  body: string;
  metaName: string | null;
  language: string;
}

/** The longest value of each placeholder in this ledger, worded in the template's language. */
export async function longestValuesFor(ctx: Pick<Ctx, 'db' | 'app'>, language: string): Promise<TemplateValues> {
  const lang = messageLanguage(language);
  const settings = await readSettings(ctx.db);
  const today = calendarDate(ctx.app.clock.now(), settings.timezone);
  return longestValues(await cachedLedgerExtremes(ctx.app, ctx.db), messageAgency(settings), today, lang);
}

/** The editor's checks, measured against the ledger's longest values. */
export async function templateIssues(ctx: Pick<Ctx, 'db' | 'app'>, text: CheckedText): Promise<TemplateIssue[]> {
  return checkText(text, await longestValuesFor(ctx, text.language));
}

export function checkText(text: CheckedText, longest: TemplateValues): TemplateIssue[] {
  // Purposes are stored only through the contract's enum, so the cast names what is already true.
  return checkTemplate({ ...text, purpose: text.purpose as TemplatePurpose }, longest);
}

/** Submitting and approving refuse a text with errors; warnings are the head's judgement. */
export async function assertNoErrors(ctx: Pick<Ctx, 'db' | 'app'>, id: number, text: CheckedText, action: string): Promise<void> {
  const errors = (await templateIssues(ctx, text)).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new UserError('TEMPLATE_HAS_ERRORS', { id, count: errors.length, codes: [...new Set(errors.map((e) => e.code))].join(', '), action });
}
