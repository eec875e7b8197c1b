import type { TemplateValues } from './placeholders.js';
import { scanBody } from './scan.js';

/**
 * The body with every known placeholder replaced by its value. Unknown and malformed
 * placeholders stay as typed: the checks report them, and a preview that hid them would hide
 * the mistake.
 */
export function renderTemplate(body: string, values: Readonly<TemplateValues>): string {
  return scanBody(body)
    .tokens.map((token) => (token.kind === 'placeholder' ? values[token.name] : token.text))
    .join('');
}
