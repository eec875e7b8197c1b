import type { Kysely, Updateable } from 'kysely';
import { MAX_CELL_LENGTH, normaliseEmailCell, normalisePhoneCell } from '../../shared/contacts/index.js';
import { UserError } from '../../shared/errors.js';
import type { ContactsTable, Database } from '../db/schema.js';
import { parseCandidates, phoneColumns, reachOf } from './contact-state.js';
import { type ContactRef, type ContactRow, findContact, taxpayerLabel } from './find-contact.js';
import { exportPhone } from './refresh.js';
import { unparseablePhone } from './unparseable-phone.js';
import { officeNumbers, recountSharedNumbers } from './shared-numbers.js';

export interface Officer {
  username: string;
  now: Date;
}

/**
 * An officer's phone number for a taxpayer. It must be a number (mobile or landline) before
 * anything is written; from then on it outranks the export until the export changes that cell.
 */
export async function fixPhone(trx: Kysely<Database>, ref: ContactRef, typed: string, reason: string | null, by: Officer): Promise<ContactRow> {
  if (typed.length > MAX_CELL_LENGTH) throw new UserError('CONTACT_VALUE_TOO_LONG', { field: 'phone', length: typed.length, max: MAX_CELL_LENGTH });
  const cell = normalisePhoneCell(typed);
  if (cell.status !== 'valid' && cell.status !== 'landline') {
    throw unparseablePhone(typed, cell);
  }
  const contact = await findContact(trx, ref);
  const phone = phoneColumns(cell.candidates.filter((c) => c.status !== 'invalid'), cell);
  await writePhone(trx, contact, { ...phone, phone_source: 'officer', primary_confirmed: 1, phone_conflict: null }, by);
  await record(trx, contact, 'phone', currentNumber(contact), phone.sms_phone ?? phone.landline, reason, by);
  return findContact(trx, { taxpayerId: contact.taxpayer_id });
}

export async function fixEmail(trx: Kysely<Database>, ref: ContactRef, typed: string, reason: string | null, by: Officer): Promise<ContactRow> {
  if (typed.length > MAX_CELL_LENGTH) throw new UserError('CONTACT_VALUE_TOO_LONG', { field: 'email', length: typed.length, max: MAX_CELL_LENGTH });
  const cell = normaliseEmailCell(typed);
  if (cell.status !== 'valid') throw new UserError('CONTACT_EMAIL_INVALID', { value: typed });
  const contact = await findContact(trx, ref);
  const conflicts = { email_conflict: null, has_conflict: contact.phone_conflict ? 1 : 0 };
  await trx
    .updateTable('contacts')
    .set({ email: cell.email, email_status: 'valid', email_source: 'officer', ...conflicts, verified_at: by.now.toISOString(), updated_at: by.now.toISOString() })
    .where('id', '=', contact.id)
    .execute();
  await record(trx, contact, 'email', contact.email ?? contact.export_email_raw, cell.email, reason, by);
  return findContact(trx, { taxpayerId: contact.taxpayer_id });
}

/**
 * The officer picks which of a cell's mobile numbers reminders go to; with no number given,
 * the current primary is confirmed (the bulk action for many two-number cells).
 */
export async function choosePrimary(trx: Kysely<Database>, ref: ContactRef, phone: string | null, by: Officer): Promise<ContactRow> {
  const contact = await findContact(trx, ref);
  const candidates = parseCandidates(contact.candidates);
  const chosen = phone ?? contact.sms_phone;
  const index = candidates.findIndex((c) => c.status === 'valid' && c.e164 === chosen);
  if (!chosen || index < 0) throw new UserError('CONTACT_NOT_A_CANDIDATE', { phone: phone ?? '-', taxpayer: taxpayerLabel(contact) });
  const reordered = [candidates[index], ...candidates.filter((_, i) => i !== index)] as typeof candidates;
  const columns = phoneColumns(reordered, { status: contact.phone_status, reason: contact.phone_reason ?? undefined });
  await writePhone(trx, contact, { ...columns, phone_source: 'officer', primary_confirmed: 1 }, by);
  await record(trx, contact, 'primary', contact.sms_phone, chosen, null, by);
  return findContact(trx, { taxpayerId: contact.taxpayer_id });
}

/**
 * Settles a conflict between an officer's fix and a later export: keep the officer's value,
 * or take what the export now says.
 */
export async function resolveConflict(trx: Kysely<Database>, ref: ContactRef, field: 'phone' | 'email', keep: 'officer' | 'export', by: Officer): Promise<ContactRow> {
  const contact = await findContact(trx, ref);
  const conflict = field === 'phone' ? contact.phone_conflict : contact.email_conflict;
  if (!conflict) throw new UserError('CONTACT_NO_CONFLICT', { taxpayer: taxpayerLabel(contact), field });
  const otherConflict = field === 'phone' ? contact.email_conflict : contact.phone_conflict;
  const at = by.now.toISOString();
  if (field === 'phone') {
    const update = keep === 'officer' ? {} : { ...exportPhone(contact.export_phone_raw), phone_source: 'export' as const, primary_confirmed: 0 };
    await writePhone(trx, contact, { ...update, phone_conflict: null }, by);
    const after = keep === 'officer' ? currentNumber(contact) : (update as { sms_phone?: string | null }).sms_phone ?? contact.export_phone_raw;
    await record(trx, contact, 'phone', currentNumber(contact), after, keep === 'officer' ? 'conflict: kept officer' : 'conflict: took export', by);
  } else {
    const email = normaliseEmailCell(contact.export_email_raw);
    const update = keep === 'officer' ? {} : { email: email.email, email_status: email.status, email_source: 'export' as const };
    await trx.updateTable('contacts').set({ ...update, email_conflict: null, has_conflict: otherConflict ? 1 : 0, updated_at: at }).where('id', '=', contact.id).execute();
    await record(trx, contact, 'email', contact.email, keep === 'officer' ? contact.email : email.email, keep === 'officer' ? 'conflict: kept officer' : 'conflict: took export', by);
  }
  return findContact(trx, { taxpayerId: contact.taxpayer_id });
}

/** Writes new phone columns with the best channel they give, and recounts the numbers involved. */
export async function writePhone(trx: Kysely<Database>, contact: ContactRow, update: Updateable<ContactsTable>, by: Officer): Promise<void> {
  const next = { wa_phone: contact.wa_phone, sms_phone: contact.sms_phone, phone_conflict: contact.phone_conflict, email_conflict: contact.email_conflict, ...update };
  const reach = reachOf(next, await officeNumbers(trx));
  update = { ...update, has_conflict: next.phone_conflict || next.email_conflict ? 1 : 0 };
  const verified = update.phone_source === 'officer' ? { verified_at: by.now.toISOString() } : {};
  await trx.updateTable('contacts').set({ ...update, ...verified, reach, updated_at: by.now.toISOString() }).where('id', '=', contact.id).execute();
  if (next.sms_phone !== contact.sms_phone) await recountSharedNumbers(trx, [contact.sms_phone, next.sms_phone]);
}

export async function record(
  trx: Kysely<Database>,
  contact: { taxpayer_id: number },
  field: 'phone' | 'email' | 'primary' | 'whatsapp',
  oldValue: string | null,
  newValue: string | null,
  reason: string | null,
  by: Officer & { source?: 'officer' | 'delivery' },
): Promise<void> {
  await trx
    .insertInto('contact_changes')
    .values({ taxpayer_id: contact.taxpayer_id, field, old_value: oldValue, new_value: newValue, source: by.source ?? 'officer', reason, actor: by.username, at: by.now.toISOString() })
    .execute();
}

/** What a reader would call the taxpayer's number now: the primary, a landline, or the raw cell. */
function currentNumber(contact: ContactRow): string | null {
  return contact.sms_phone ?? contact.landline ?? contact.export_phone_raw;
}
