import type { Kysely, Selectable } from 'kysely';
import type { ContactProblem, ContactRowOut } from '../../shared/api/contacts.js';
import type { ContactsTable, Database } from '../db/schema.js';
import { parseAlternates, parseCandidates } from './contact-state.js';

export type ContactWithTaxpayer = Selectable<ContactsTable> & { npwpd: string | null; name: string; kecamatan: string | null };
type SharedInfo = { count: number; marking: 'office' | 'shared' | null };

/** Contacts as the screens and the CLI see them, with their problems and what the taxpayer owes. */
export async function toContactRows(db: Kysely<Database>, rows: ContactWithTaxpayer[], threshold: number): Promise<ContactRowOut[]> {
  if (rows.length === 0) return [];
  const phones = [...new Set(rows.map((r) => r.sms_phone).filter((p): p is string => Boolean(p)))];
  const ids = rows.map((r) => r.taxpayer_id);
  const [shared, unpaid] = await Promise.all([
    phones.length ? db.selectFrom('shared_numbers').select(['phone', 'taxpayer_count', 'marking']).where('phone', 'in', phones).execute() : Promise.resolve([]),
    db
      .selectFrom('bills')
      .select((eb) => ['taxpayer_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('principal').as('principal')])
      .where('status', '=', 'unpaid')
      .where('taxpayer_id', 'in', ids)
      .groupBy('taxpayer_id')
      .execute(),
  ]);
  const sharedBy = new Map(shared.map((s) => [s.phone, { count: Number(s.taxpayer_count), marking: s.marking }]));
  const unpaidBy = new Map(unpaid.map((u) => [u.taxpayer_id, u]));
  return rows.map((row) => {
    const owed = unpaidBy.get(row.taxpayer_id);
    return contactRow(row, row.sms_phone ? sharedBy.get(row.sms_phone) : undefined, threshold, { bills: Number(owed?.n ?? 0), principal: Number(owed?.principal ?? 0) });
  });
}

export function contactRow(row: ContactWithTaxpayer, shared: SharedInfo | undefined, threshold: number, unpaid: { bills: number; principal: number }): ContactRowOut {
  const sharedInfo = shared && (shared.count >= 2 || shared.marking) ? shared : null;
  return {
    taxpayerId: row.taxpayer_id,
    npwpd: row.npwpd,
    name: row.name,
    kecamatan: row.kecamatan,
    phoneRaw: row.export_phone_raw,
    phone: row.sms_phone,
    waPhone: row.wa_phone,
    landline: row.landline,
    phoneStatus: row.phone_status,
    phoneReason: row.phone_reason,
    alternates: parseAlternates(row.alternates),
    candidates: parseCandidates(row.candidates),
    primaryConfirmed: row.primary_confirmed === 1,
    shared: sharedInfo,
    emailRaw: row.export_email_raw,
    email: row.email,
    emailStatus: row.email_status,
    phoneSource: row.phone_source,
    emailSource: row.email_source,
    phoneConflict: row.phone_conflict ? (JSON.parse(row.phone_conflict) as { raw: string | null; at: string }) : null,
    emailConflict: row.email_conflict ? (JSON.parse(row.email_conflict) as { raw: string | null; at: string }) : null,
    reach: row.reach,
    verifiedAt: row.verified_at,
    problems: problemsOf(row, sharedInfo, threshold),
    unpaidBills: unpaid.bills,
    unpaidPrincipal: unpaid.principal,
  };
}

/** The same rules as the queue's SQL filters (contact-queue.ts), for one row. */
export function problemsOf(row: Selectable<ContactsTable>, shared: SharedInfo | null, threshold: number): ContactProblem[] {
  const problems: ContactProblem[] = [];
  if (row.has_conflict) problems.push('conflict');
  if (row.phone_status === 'invalid') problems.push('invalid');
  if (row.phone_status === 'missing') problems.push('missing');
  if (row.phone_status === 'landline') problems.push('landline');
  if (shared && shared.count >= threshold && shared.marking === null) problems.push('shared');
  if (row.mobile_count > 1 && !row.primary_confirmed) problems.push('several');
  if (row.wa_unavailable) problems.push('no_whatsapp');
  if (row.email_status === 'invalid') problems.push('invalid_email');
  if (shared?.marking === 'office') problems.push('office_number');
  return problems;
}
