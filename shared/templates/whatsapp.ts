import { PLACEHOLDER_NAMES, type PlaceholderName, type TemplateValues } from './placeholders.js';
import { renderTemplate } from './render.js';
import { scanBody } from './scan.js';
import { MISSING, oneLineBillList } from './values.js';

/**
 * WhatsApp Cloud API templates. Meta stores a body with numbered variables `{{1}}`, `{{2}}`, …
 * and each message sends the values in that order; our templates keep named placeholders, so
 * both directions are derived here from the one body.
 */
export interface MetaTemplate {
  /** The body as submitted to Meta, placeholders numbered in order of appearance. */
  text: string;
  /** `parameters[n - 1]` is the placeholder behind `{{n}}`. */
  parameters: PlaceholderName[];
}

/** Meta's limit on a template body. */
export const WHATSAPP_BODY_LIMIT = 1024;

/**
 * Every occurrence gets its own number, also a repeated placeholder: Meta wants the variables
 * numbered 1, 2, 3… in the order they appear, with no number used twice.
 */
export function toMetaTemplate(body: string): MetaTemplate {
  const parameters: PlaceholderName[] = [];
  const text = scanBody(body)
    .tokens.map((token) => {
      if (token.kind === 'text') return token.text;
      parameters.push(token.name);
      return `{{${parameters.length}}}`;
    })
    .join('');
  return { text, parameters };
}

/** The values to send with the template, in the order of `toMetaTemplate(body).parameters`. */
export function metaParameterValues(body: string, values: Readonly<TemplateValues>): string[] {
  return toMetaTemplate(body).parameters.map((name) => metaParameterValue(name, values[name]));
}

/** The message as the recipient reads it on WhatsApp: the body with the values Meta accepts. */
export function renderWhatsAppText(body: string, values: Readonly<TemplateValues>): string {
  const sendable = Object.fromEntries(PLACEHOLDER_NAMES.map((name) => [name, metaParameterValue(name, values[name])])) as TemplateValues;
  return renderTemplate(body, sendable);
}

/**
 * Meta refuses a parameter with a line break, a tab or more than four spaces in a row (error
 * 132018), and an empty one. The bill list becomes one line (`1. …; 2. …`); any other value
 * has its whitespace runs reduced to one space.
 */
export function metaParameterValue(name: PlaceholderName, value: string): string {
  const oneLine = name === 'daftar_tagihan' ? oneLineBillList(value) : value;
  const collapsed = oneLine.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
  return collapsed === '' ? MISSING : collapsed;
}

/** Meta's rule for a template name: lower-case letters, digits and underscores, at most 512. */
export function isValidMetaName(name: string): boolean {
  return /^[a-z0-9_]{1,512}$/.test(name);
}

export interface MetaBodyViolation {
  /**
   * `variable_at_edge`: Meta rejects a body that starts or ends with a variable (whitespace
   * around the body does not count as text). `variables_adjacent`: two variables with only
   * whitespace between them; BSPs document it as a rejection reason, Meta's own guide is less
   * explicit, so the checks only warn.
   */
  rule: 'variable_at_edge' | 'variables_adjacent';
  placeholder: PlaceholderName;
  start: number;
  end: number;
}

export function metaBodyViolations(body: string): MetaBodyViolation[] {
  const tokens = scanBody(body).tokens.filter((token) => token.kind === 'placeholder' || token.text.trim() !== '');
  const violations: MetaBodyViolation[] = [];
  const edges = new Set([tokens[0], tokens[tokens.length - 1]]);
  for (const token of edges) {
    if (token?.kind === 'placeholder') violations.push({ rule: 'variable_at_edge', placeholder: token.name, start: token.start, end: token.end });
  }
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (token.kind === 'placeholder' && previous?.kind === 'placeholder') {
      violations.push({ rule: 'variables_adjacent', placeholder: token.name, start: previous.start, end: token.end });
    }
  });
  return violations;
}
