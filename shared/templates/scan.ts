import { isPlaceholderName, type PlaceholderName } from './placeholders.js';

/**
 * A template body cut into literal text and placeholders. Offsets are UTF-16 indices into the
 * body (`end` exclusive), the same as a textarea's selection, so the editor can underline a
 * problem exactly where it was typed.
 */
export type BodyToken =
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'placeholder'; name: PlaceholderName; start: number; end: number };

export type MalformedReason =
  /** `{nama_wp` — no closing brace on the same line */
  | 'unclosed'
  /** `nama_wp}` — a closing brace without an opening one */
  | 'unopened'
  /** `{}` */
  | 'empty'
  /** `{{1}}` or `{{nama_wp}}` — Meta's numbered form typed by hand; the app numbers variables itself */
  | 'double_braces';

export type ScanProblem =
  | { kind: 'unknown_placeholder'; name: string; suggestion: PlaceholderName | null; start: number; end: number }
  | { kind: 'malformed_placeholder'; reason: MalformedReason; text: string; start: number; end: number };

export interface ScannedBody {
  /** Covers the whole body in order; unknown and malformed placeholders are literal text. */
  tokens: BodyToken[];
  /** In order of their start. */
  problems: ScanProblem[];
}

export function scanBody(body: string): ScannedBody {
  const tokens: BodyToken[] = [];
  const problems: ScanProblem[] = [];
  let textStart = 0;
  let i = 0;
  while (i < body.length) {
    const char = body[i];
    if (char === '{') {
      const double = DOUBLE_BRACES.exec(body.slice(i));
      if (double) {
        problems.push(malformed('double_braces', body, i, i + double[0].length));
        i += double[0].length;
        continue;
      }
      const single = SINGLE_BRACES.exec(body.slice(i));
      if (!single) {
        const run = NAME_RUN_AFTER.exec(body.slice(i + 1))?.[0] ?? '';
        problems.push(malformed('unclosed', body, i, i + 1 + run.length));
        i += 1;
        continue;
      }
      const inner = single[1] ?? '';
      const end = i + single[0].length;
      if (isPlaceholderName(inner)) {
        if (i > textStart) tokens.push({ kind: 'text', text: body.slice(textStart, i), start: textStart, end: i });
        tokens.push({ kind: 'placeholder', name: inner, start: i, end });
        textStart = end;
      } else if (inner.trim() === '') {
        problems.push(malformed('empty', body, i, end));
      } else {
        problems.push({ kind: 'unknown_placeholder', name: inner, suggestion: suggest(inner), start: i, end });
      }
      i = end;
    } else if (char === '}') {
      const run = NAME_RUN_BEFORE.exec(body.slice(textStart, i))?.[0] ?? '';
      problems.push(malformed('unopened', body, i - run.length, i + 1));
      i += 1;
    } else {
      i += 1;
    }
  }
  if (body.length > textStart) tokens.push({ kind: 'text', text: body.slice(textStart), start: textStart, end: body.length });
  return { tokens, problems };
}

/** `{{…}}` with no brace inside and no line break. */
const DOUBLE_BRACES = /^\{\{[^{}\n]*\}\}/;
/** `{…}` with no brace inside and no line break: a placeholder, known or not. */
const SINGLE_BRACES = /^\{([^{}\n]*)\}/;
/** The name-like text a stray brace belongs to, underlined with it. */
const NAME_RUN_AFTER = /^[\p{L}\p{N}_]+/u;
const NAME_RUN_BEFORE = /[\p{L}\p{N}_]+$/u;

function malformed(reason: MalformedReason, body: string, start: number, end: number): ScanProblem {
  return { kind: 'malformed_placeholder', reason, text: body.slice(start, end), start, end };
}

/** `{Nama_WP}`, `{ nama wp }`, `{nama-wp}` → `nama_wp`: what the officer most likely meant. */
function suggest(inner: string): PlaceholderName | null {
  const guess = inner.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return isPlaceholderName(guess) ? guess : null;
}
