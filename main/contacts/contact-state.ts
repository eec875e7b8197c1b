import type { PhoneCandidate, PhoneCell } from '../../shared/contacts/index.js';
import type { ContactsTable } from '../db/schema.js';

/** A candidate as stored: what the cell said, plus what gateways have since told us about it. */
export interface StoredCandidate extends Omit<PhoneCandidate, 'reason'> {
  /** The parser's reason, or `reported_invalid` from a gateway. */
  reason?: string | undefined;
  /** A gateway reported this number is not on WhatsApp (SMS may still reach it). */
  noWhatsapp?: boolean;
}

export type PhoneColumns = Pick<
  ContactsTable,
  'phone_status' | 'phone_reason' | 'wa_phone' | 'sms_phone' | 'landline' | 'alternates' | 'candidates' | 'mobile_count' | 'wa_unavailable'
>;

/**
 * The stored phone columns of one contact, derived from its candidates in order (the first
 * mobile is the primary). The cell's own status only matters when it yielded no usable
 * candidate: a cell too long to parse is `invalid` although it has no candidates.
 */
export function phoneColumns(candidates: readonly StoredCandidate[], cell: { status: PhoneCell['status']; reason?: string | undefined }): PhoneColumns {
  const mobiles = unique(candidates.filter((c) => c.status === 'valid' && c.e164).map((c) => c.e164 as string));
  const landlines = unique(candidates.filter((c) => c.status === 'landline' && c.e164).map((c) => c.e164 as string));
  const noWhatsapp = new Set(candidates.filter((c) => c.noWhatsapp && c.e164).map((c) => c.e164 as string));
  const primary = mobiles[0] ?? null;
  const wa = mobiles.find((m) => !noWhatsapp.has(m)) ?? null;
  const status = mobiles.length ? 'valid' : landlines.length ? 'landline' : candidates.length ? 'invalid' : cell.status === 'invalid' ? 'invalid' : 'missing';
  const firstInvalid = candidates.find((c) => c.status === 'invalid');
  return {
    phone_status: status,
    phone_reason: status === 'invalid' ? (firstInvalid?.reason ?? cell.reason ?? null) : null,
    wa_phone: wa,
    sms_phone: primary,
    landline: landlines[0] ?? null,
    alternates: JSON.stringify([...mobiles, ...landlines].filter((n) => n !== primary)),
    candidates: JSON.stringify(candidates),
    mobile_count: mobiles.length,
    wa_unavailable: mobiles.length > 0 && wa === null ? 1 : 0,
  };
}

/**
 * The best channel that reaches a taxpayer: WhatsApp, else SMS, else nobody. A number marked
 * as the office's or a consultant's reaches nobody we mean to remind.
 */
export function reachOf(columns: Pick<PhoneColumns, 'wa_phone' | 'sms_phone'>, officeNumbers: ReadonlySet<string>): ContactsTable['reach'] {
  if (columns.wa_phone && !officeNumbers.has(columns.wa_phone)) return 'whatsapp';
  if (columns.sms_phone && !officeNumbers.has(columns.sms_phone)) return 'sms';
  return 'none';
}

export function parseCandidates(json: string): StoredCandidate[] {
  return JSON.parse(json) as StoredCandidate[];
}

export function parseAlternates(json: string): string[] {
  return JSON.parse(json) as string[];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
