import { z } from 'zod';
import { MAX_CELL_LENGTH, isNoInformation } from './phone.js';

export type EmailStatus = 'valid' | 'invalid' | 'missing';

export interface EmailCell {
  status: EmailStatus;
  /** The first valid address, trimmed and lower-cased. */
  email: string | null;
  /** Every other valid address, in cell order, without duplicates. */
  alternates: string[];
}

/**
 * Reads one email cell: addresses separated by `;` `,` `/` or whitespace, placeholders such as
 * `Email kosong / Tidak Ada`. Valid means what zod's `z.email()` accepts, so an address kept
 * here also passes the API's schemas.
 */
export function normaliseEmailCell(raw: string | null | undefined): EmailCell {
  if (raw == null) return { status: 'missing', email: null, alternates: [] };
  const trimmed = raw.trim();
  if (trimmed.length > MAX_CELL_LENGTH) return { status: 'invalid', email: null, alternates: [] };
  const valid: string[] = [];
  const words: string[] = [];
  let unreadable = false;
  for (const token of trimmed.toLowerCase().split(SEPARATORS)) {
    const piece = token.replace(MAILTO, '').replace(EDGE_PUNCTUATION, '');
    if (piece === '' || /^0+$/.test(piece)) continue;
    if (!piece.includes('@')) words.push(piece);
    else if (!z.regexes.email.test(piece)) unreadable = true;
    else if (!valid.includes(piece)) valid.push(piece);
  }
  const [email = null, ...alternates] = valid;
  if (email) return { status: 'valid', email, alternates };
  const status = unreadable || !isNoInformation(words, EMAIL_LABELS) ? 'invalid' : 'missing';
  return { status, email: null, alternates: [] };
}

/** Whitespace (incl. non-breaking and zero-width), list separators and the brackets of `Budi <budi@x.id>`. */
const SEPARATORS = /[\s\u200b,;/<>()[\]"]+/;
const MAILTO = /^mailto:/;
/** Sentence dots, Excel's leading apostrophe, dashes used as filler, a label's colon. */
const EDGE_PUNCTUATION = /^[.'`:\-–—]+|[.'`:\-–—]+$/g;
const EMAIL_LABELS = new Set(['email', 'e-mail', 'e', 'mail', 'surel', 'alamat']);
