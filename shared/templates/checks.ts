import type { Language } from '../errors.js';
import { KF03_REQUIREMENTS, PAYMENT_REQUIREMENTS, placeholdersFor, type MessageRequirement, type TemplateValues } from './placeholders.js';
import { renderTemplate } from './render.js';
import { LONG_SAMPLE_MESSAGE, SAMPLE_MESSAGE } from './samples.js';
import { scanBody, type ScannedBody } from './scan.js';
import { smsInfo } from './sms.js';
import { templateValues } from './values.js';
import { WHATSAPP_BODY_LIMIT, isValidMetaName, metaBodyViolations, renderWhatsAppText, toMetaTemplate } from './whatsapp.js';

export const TEMPLATE_CHANNELS = ['whatsapp', 'sms'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** The reminder stages of domain.md ("Reminders") and the thanks after payment. */
export const TEMPLATE_PURPOSES = ['H-14', 'H-7', 'H-3', 'H+1', 'H+7', 'H+30', 'thank_you'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export function isReminderPurpose(purpose: TemplatePurpose): boolean {
  return purpose !== 'thank_you';
}

/** The UI words each code in both languages from `params`; this module writes no sentences. */
export const TEMPLATE_ISSUE_CODES = [
  /** error: nothing but whitespace */
  'empty_body',
  /** error; params.name, params.suggestion (a known name or '') */
  'unknown_placeholder',
  /** error; params.reason: 'unclosed' | 'unopened' | 'empty' | 'double_braces', params.text */
  'malformed_placeholder',
  /** error, reminders only, one per requirement; params.requirement: 'name' | 'tax_type' | 'object' | 'amount' | 'due_date', params.placeholders */
  'missing_required',
  /** warning, reminders only; params.requirement: 'payment_code' | 'how_to_pay', params.placeholders */
  'missing_payment_info',
  /** error; params.length, params.limit (1024) */
  'too_long_whatsapp',
  /** error: a WhatsApp template needs the name it is registered under at Meta */
  'meta_name_missing',
  /** error; params.name */
  'meta_name_invalid',
  /** error; params.placeholder */
  'meta_variable_at_edge',
  /** warning; params.placeholder (the second of the two) */
  'meta_variables_adjacent',
  /** warning; params.parts, params.limit (3), params.encoding, params.length */
  'sms_many_parts',
  /** warning; params.characters (space-separated), params.count */
  'sms_ucs2',
] as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[number];

export interface TemplateIssue {
  code: TemplateIssueCode;
  severity: 'error' | 'warning';
  /** UTF-16 offsets into the body, where the issue can be pointed at. */
  start?: number;
  end?: number;
  params: Record<string, string | number>;
}

export interface TemplateDraft {
  channel: TemplateChannel;
  purpose: TemplatePurpose;
  body: string;
  metaName?: string | null;
  language: string;
}

/** More parts than this and the officer is warned: each part is billed as one SMS. */
export const SMS_PARTS_WARNING_ABOVE = 3;

/**
 * Everything wrong with a template, for the editor to show while the officer types and for the
 * approval to refuse on errors. Lengths are measured with `longestValues` when the caller has
 * them (the longest of real data); otherwise WhatsApp, whose limit is a hard rejection, is
 * measured with the built-in worst case and SMS, where parts only cost money, with the typical
 * sample.
 */
export function checkTemplate(template: TemplateDraft, longestValues?: TemplateValues): TemplateIssue[] {
  if (template.body.trim() === '') return [{ code: 'empty_body', severity: 'error', params: {} }];
  const scanned = scanBody(template.body);
  const lang: Language = template.language === 'en' ? 'en' : 'id';
  return [
    ...placeholderIssues(scanned),
    ...(isReminderPurpose(template.purpose) ? contentIssues(scanned) : []),
    ...(template.channel === 'whatsapp'
      ? whatsappIssues(template, longestValues ?? templateValues(LONG_SAMPLE_MESSAGE, lang))
      : smsIssues(template.body, longestValues ?? templateValues(SAMPLE_MESSAGE, lang))),
  ];
}

function placeholderIssues({ problems }: ScannedBody): TemplateIssue[] {
  return problems.map((problem): TemplateIssue =>
    problem.kind === 'unknown_placeholder'
      ? { code: 'unknown_placeholder', severity: 'error', start: problem.start, end: problem.end, params: { name: problem.name, suggestion: problem.suggestion ?? '' } }
      : { code: 'malformed_placeholder', severity: 'error', start: problem.start, end: problem.end, params: { reason: problem.reason, text: problem.text } },
  );
}

function contentIssues({ tokens }: ScannedBody): TemplateIssue[] {
  const used = new Set(tokens.flatMap((token) => (token.kind === 'placeholder' ? [token.name] : [])));
  const missing = (requirement: MessageRequirement) => !placeholdersFor(requirement).some((name) => used.has(name));
  const params = (requirement: MessageRequirement) => ({ requirement, placeholders: placeholdersFor(requirement).join(', ') });
  return [
    ...KF03_REQUIREMENTS.filter(missing).map((r): TemplateIssue => ({ code: 'missing_required', severity: 'error', params: params(r) })),
    ...PAYMENT_REQUIREMENTS.filter(missing).map((r): TemplateIssue => ({ code: 'missing_payment_info', severity: 'warning', params: params(r) })),
  ];
}

function whatsappIssues(template: TemplateDraft, values: TemplateValues): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const name = template.metaName?.trim() ?? '';
  if (name === '') issues.push({ code: 'meta_name_missing', severity: 'error', params: {} });
  else if (!isValidMetaName(name)) issues.push({ code: 'meta_name_invalid', severity: 'error', params: { name } });

  // Meta counts the registered body (with {{n}}) and the message as sent; either may be the longer.
  // UTF-16 units: an emoji counts 2, which errs on the safe side should Meta count it as 1.
  const length = Math.max(renderWhatsAppText(template.body, values).length, toMetaTemplate(template.body).text.length);
  if (length > WHATSAPP_BODY_LIMIT) issues.push({ code: 'too_long_whatsapp', severity: 'error', params: { length, limit: WHATSAPP_BODY_LIMIT } });

  for (const violation of metaBodyViolations(template.body)) {
    const { start, end, placeholder } = violation;
    issues.push(
      violation.rule === 'variable_at_edge'
        ? { code: 'meta_variable_at_edge', severity: 'error', start, end, params: { placeholder } }
        : { code: 'meta_variables_adjacent', severity: 'warning', start, end, params: { placeholder } },
    );
  }
  return issues;
}

function smsIssues(body: string, values: TemplateValues): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const info = smsInfo(renderTemplate(body, values));
  if (info.parts > SMS_PARTS_WARNING_ABOVE) {
    issues.push({ code: 'sms_many_parts', severity: 'warning', params: { parts: info.parts, limit: SMS_PARTS_WARNING_ABOVE, encoding: info.encoding, length: info.characters } });
  }
  if (info.encoding === 'UCS-2') {
    const at = firstIndexOfAny(body, new Set(info.ucs2Characters));
    issues.push({
      code: 'sms_ucs2',
      severity: 'warning',
      ...(at ? { start: at.start, end: at.end } : {}),
      params: { characters: info.ucs2Characters.join(' '), count: info.ucs2Characters.length },
    });
  }
  return issues;
}

/** Where the first of these characters sits in the body; none when only a value brought them in. */
function firstIndexOfAny(body: string, characters: ReadonlySet<string>): { start: number; end: number } | null {
  let index = 0;
  for (const char of body) {
    if (characters.has(char)) return { start: index, end: index + char.length };
    index += char.length;
  }
  return null;
}
