import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { normaliseEmailCell, normalisePhoneCell } from '../../shared/contacts/index.js';
import { bulkInsert } from '../db/bulk-insert.js';
import type { ContactChangesTable, ContactsTable, Database } from '../db/schema.js';
import { restoreStashed } from './contact-stash.js';
import { phoneColumns, reachOf } from './contact-state.js';
import { officeNumbers, recountSharedNumbers } from './shared-numbers.js';

const CHUNK = 500;
/** Who changed a cell when the export did. */
export const EXPORT_ACTOR = 'SIMPADA';

export interface RefreshResult {
  created: number;
  updated: number;
  conflicts: number;
}

/**
 * Brings the contacts of these taxpayers in line with their export cells, inside the caller's
 * transaction (the import's). A cell the export did not change is left alone, so officers'
 * fixes and gateways' reports survive re-imports; a changed cell an officer had fixed becomes a
 * conflict for the officer to settle instead of silently overwriting either side.
 */
export async function refreshContacts(trx: Kysely<Database>, taxpayerIds: readonly number[], now: Date): Promise<RefreshResult> {
  const result: RefreshResult = { created: 0, updated: 0, conflicts: 0 };
  const office = await officeNumbers(trx);
  const at = now.toISOString();
  for (let i = 0; i < taxpayerIds.length; i += CHUNK) {
    const ids = taxpayerIds.slice(i, i + CHUNK);
    const [taxpayers, contacts] = await Promise.all([
      trx.selectFrom('taxpayers').select(['id', 'taxpayer_key', 'raw_phone', 'raw_email']).where('id', 'in', ids).execute(),
      trx.selectFrom('contacts').selectAll().where('taxpayer_id', 'in', ids).execute(),
    ]);
    const byTaxpayer = new Map(contacts.map((c) => [c.taxpayer_id, c]));
    // A taxpayer an undo removed, imported again: its officers' and gateways' work comes back first.
    const restored = await restoreStashed(trx, taxpayers.filter((t) => !byTaxpayer.has(t.id)), office, at);
    for (const [taxpayerId, contact] of restored) byTaxpayer.set(taxpayerId, contact);
    result.created += restored.size;
    const inserts: Insertable<ContactsTable>[] = [];
    const history: Insertable<ContactChangesTable>[] = [];
    for (const t of taxpayers) {
      const existing = byTaxpayer.get(t.id);
      if (!existing) {
        inserts.push(contactFromExport(t, office, at));
        continue;
      }
      const update = await updateFromExport(trx, existing, t, office, at, history);
      if (!update) continue;
      await trx.updateTable('contacts').set(update).where('id', '=', existing.id).execute();
      result.updated += 1;
      if (update.has_conflict && !existing.has_conflict) result.conflicts += 1;
    }
    if (inserts.length) await bulkInsert(trx, 'contacts', CONTACT_COLUMNS, inserts);
    if (history.length) await bulkInsert(trx, 'contact_changes', HISTORY_COLUMNS, history);
    result.created += inserts.length;
  }
  // Also after an undo that only removed taxpayers: their numbers are used by fewer now.
  await recountSharedNumbers(trx);
  return result;
}

/** Contacts for taxpayers that have none yet (a ledger imported before contacts existed). */
export async function ensureContacts(db: Kysely<Database>, now: Date): Promise<number> {
  const [taxpayers, contacts] = await Promise.all([
    db.selectFrom('taxpayers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  if (Number(taxpayers.n) === Number(contacts.n)) return 0;
  return db.transaction().execute(async (trx) => {
    const missing = await trx
      .selectFrom('taxpayers as t')
      .leftJoin('contacts as c', 'c.taxpayer_id', 't.id')
      .select('t.id')
      .where('c.id', 'is', null)
      .execute();
    const result = await refreshContacts(trx, missing.map((r) => r.id), now);
    return result.created;
  });
}

type Cells = { id: number; raw_phone: string | null; raw_email: string | null };

function contactFromExport(t: Cells, office: ReadonlySet<string>, at: string): Insertable<ContactsTable> {
  const phone = exportPhone(t.raw_phone);
  const email = normaliseEmailCell(t.raw_email);
  return {
    taxpayer_id: t.id,
    export_phone_raw: t.raw_phone,
    export_email_raw: t.raw_email,
    ...phone,
    phone_source: 'export',
    primary_confirmed: 0,
    phone_conflict: null,
    email: email.email,
    email_status: email.status,
    email_source: 'export',
    email_conflict: null,
    has_conflict: 0,
    reach: reachOf(phone, office),
    verified_at: null,
    updated_at: at,
  };
}

async function updateFromExport(
  trx: Kysely<Database>,
  existing: Selectable<ContactsTable>,
  t: Cells,
  office: ReadonlySet<string>,
  at: string,
  history: Insertable<ContactChangesTable>[],
): Promise<Updateable<ContactsTable> | null> {
  const phoneChanged = existing.export_phone_raw !== t.raw_phone;
  const emailChanged = existing.export_email_raw !== t.raw_email;
  if (!phoneChanged && !emailChanged) return null;
  const update: Updateable<ContactsTable> = { export_phone_raw: t.raw_phone, export_email_raw: t.raw_email, updated_at: at };
  if (phoneChanged) {
    const phone = exportPhone(t.raw_phone);
    if (existing.phone_source === 'officer') {
      // The export now says what the officer said (SIMPADA fixed it at the source), or went back to
      // the cell the officer fixed against (an undo): nothing to settle. Anything else is a conflict.
      const agrees = (phone.sms_phone ?? phone.landline) !== null && (phone.sms_phone ?? phone.landline) === (existing.sms_phone ?? existing.landline);
      const previous = cellBeforeConflict(existing.phone_conflict, existing.export_phone_raw);
      if (agrees || previous === t.raw_phone) update.phone_conflict = null;
      else {
        update.phone_conflict = JSON.stringify({ raw: t.raw_phone, at, previous });
        history.push(conflictRow(t.id, 'phone_conflict', existing.export_phone_raw, t.raw_phone, at));
      }
    } else {
      const restored = await stashFor(trx, t.id, existing.export_phone_raw, t.raw_phone);
      Object.assign(update, restored ?? { ...phone, phone_source: 'export', primary_confirmed: phone.sms_phone === existing.sms_phone ? existing.primary_confirmed : 0 }, { phone_conflict: null });
      update.reach = reachOf({ wa_phone: update.wa_phone ?? null, sms_phone: update.sms_phone ?? null }, office);
      // What a gateway or an officer taught us about the old cell would be lost: keep it with the
      // change, so an undo (or SIMPADA going back to that cell) brings it back.
      if (existing.phone_source === 'delivery' || existing.primary_confirmed) history.push(stashRow(t.id, existing, t.raw_phone, at));
    }
  }
  if (emailChanged) {
    const email = normaliseEmailCell(t.raw_email);
    if (existing.email_source === 'officer') {
      const previous = cellBeforeConflict(existing.email_conflict, existing.export_email_raw);
      if ((email.email !== null && email.email === existing.email) || previous === t.raw_email) update.email_conflict = null;
      else {
        update.email_conflict = JSON.stringify({ raw: t.raw_email, at, previous });
        history.push(conflictRow(t.id, 'email_conflict', existing.export_email_raw, t.raw_email, at));
      }
    } else {
      Object.assign(update, { email: email.email, email_status: email.status, email_source: 'export', email_conflict: null });
    }
  }
  const phoneConflict = 'phone_conflict' in update ? update.phone_conflict : existing.phone_conflict;
  const emailConflict = 'email_conflict' in update ? update.email_conflict : existing.email_conflict;
  update.has_conflict = phoneConflict || emailConflict ? 1 : 0;
  return update;
}

/** The export cell an officer's fix was made against, kept across successive conflicting exports. */
function cellBeforeConflict(conflict: string | null, exportRaw: string | null): string | null {
  if (!conflict) return exportRaw;
  return (JSON.parse(conflict) as { previous?: string | null }).previous ?? null;
}

const STASHED = ['phone_status', 'phone_reason', 'wa_phone', 'sms_phone', 'landline', 'alternates', 'candidates', 'mobile_count', 'wa_unavailable', 'phone_source', 'primary_confirmed', 'verified_at'] as const;

function stashRow(taxpayerId: number, existing: Selectable<ContactsTable>, newRaw: string | null, at: string): Insertable<ContactChangesTable> {
  const stash = Object.fromEntries(STASHED.map((k) => [k, existing[k]]));
  return { taxpayer_id: taxpayerId, field: 'phone', old_value: existing.export_phone_raw, new_value: newRaw, source: 'export', reason: null, actor: EXPORT_ACTOR, at, stash: JSON.stringify(stash) };
}

/** The contact as it was before the export changed `from` into `to`, when it changes right back. */
async function stashFor(trx: Kysely<Database>, taxpayerId: number, current: string | null, incoming: string | null): Promise<Updateable<ContactsTable> | null> {
  const row = await trx
    .selectFrom('contact_changes')
    .select(['old_value', 'new_value', 'stash'])
    .where('taxpayer_id', '=', taxpayerId)
    .where('stash', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.old_value !== incoming || row.new_value !== current) return null;
  return JSON.parse(row.stash as string) as Updateable<ContactsTable>;
}

export function exportPhone(raw: string | null) {
  const cell = normalisePhoneCell(raw);
  return phoneColumns(cell.candidates, cell);
}

/** The export changed a cell an officer had fixed: recorded as the export's change, old cell to new. */
function conflictRow(taxpayerId: number, field: 'phone_conflict' | 'email_conflict', oldRaw: string | null, newRaw: string | null, at: string): Insertable<ContactChangesTable> {
  return { taxpayer_id: taxpayerId, field, old_value: oldRaw, new_value: newRaw, source: 'export', reason: null, actor: EXPORT_ACTOR, at, stash: null };
}

const CONTACT_COLUMNS = [
  'taxpayer_id', 'export_phone_raw', 'export_email_raw', 'phone_status', 'phone_reason', 'wa_phone', 'sms_phone', 'landline', 'alternates', 'candidates',
  'phone_source', 'mobile_count', 'primary_confirmed', 'wa_unavailable', 'phone_conflict', 'email', 'email_status', 'email_source', 'email_conflict',
  'has_conflict', 'reach', 'verified_at', 'updated_at',
] as const;
export const HISTORY_COLUMNS = ['taxpayer_id', 'field', 'old_value', 'new_value', 'source', 'reason', 'actor', 'at', 'stash'] as const;
