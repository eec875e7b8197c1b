import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ContactChangesTable, ContactsTable, Database } from '../db/schema.js';
import { reachOf } from './contact-state.js';

const CHUNK = 500;

/** Migration 0009: what officers and gateways taught us about a removed taxpayer's contact. */
export interface ContactStashTable {
  taxpayer_key: string;
  contact: string;
  changes: string;
  run_id: number;
  stashed_at: string;
}

type StashedContact = Omit<Selectable<ContactsTable>, 'id' | 'taxpayer_id'>;
type StashedChange = Omit<Selectable<ContactChangesTable>, 'id' | 'taxpayer_id'>;

/**
 * Before an undo removes the taxpayers its run created: every contact of theirs holding work
 * the export cannot give back (an officer's fix or choice, a gateway's report, their history)
 * is kept under the taxpayer's key. Importing the taxpayer again brings it back
 * (`restoreStashed`), so undoing a wrong import and importing the right one loses nothing.
 * Contacts that only mirror their export cells are not kept: the import recreates them.
 */
export async function stashContactsOfRun(trx: Kysely<Database>, createdByRunId: number, now: Date): Promise<number> {
  const worked = await trx
    .selectFrom('contacts as c')
    .innerJoin('taxpayers as t', 't.id', 'c.taxpayer_id')
    .selectAll('c')
    .select('t.taxpayer_key')
    .where('t.created_run_id', '=', createdByRunId)
    .where((eb) =>
      eb.or([
        eb('c.phone_source', '<>', 'export'),
        eb('c.email_source', '<>', 'export'),
        eb('c.primary_confirmed', '=', 1),
        eb.exists(eb.selectFrom('contact_changes as h').select('h.id').whereRef('h.taxpayer_id', '=', 'c.taxpayer_id')),
      ]),
    )
    .orderBy('c.taxpayer_id')
    .execute();
  const db = trx.withTables<{ contact_stash: ContactStashTable }>();
  for (let i = 0; i < worked.length; i += CHUNK) {
    const chunk = worked.slice(i, i + CHUNK);
    const history = await trx
      .selectFrom('contact_changes')
      .selectAll()
      .where('taxpayer_id', 'in', chunk.map((c) => c.taxpayer_id))
      .orderBy('id')
      .execute();
    for (const { id: _id, taxpayer_id, taxpayer_key, ...contact } of chunk) {
      const changes = history.filter((h) => h.taxpayer_id === taxpayer_id).map(({ id: _h, taxpayer_id: _t, ...change }) => change);
      const row = { taxpayer_key, contact: JSON.stringify(contact), changes: JSON.stringify(changes), run_id: createdByRunId, stashed_at: now.toISOString() };
      await db
        .insertInto('contact_stash')
        .values(row)
        .onConflict((oc) => oc.column('taxpayer_key').doUpdateSet({ contact: row.contact, changes: row.changes, run_id: row.run_id, stashed_at: row.stashed_at }))
        .execute();
    }
  }
  return worked.length;
}

/**
 * The kept contacts of these newly imported taxpayers, written back with their history (and
 * removed from the stash). The caller then treats them as existing contacts, so an export cell
 * that changed meanwhile is settled exactly as on any re-import: an officer's fix against it
 * becomes a conflict, anything else follows the export.
 */
export async function restoreStashed(
  trx: Kysely<Database>,
  taxpayers: readonly { id: number; taxpayer_key: string }[],
  office: ReadonlySet<string>,
  at: string,
): Promise<Map<number, Selectable<ContactsTable>>> {
  const restored = new Map<number, Selectable<ContactsTable>>();
  if (taxpayers.length === 0) return restored;
  const db = trx.withTables<{ contact_stash: ContactStashTable }>();
  const stashes = await db.selectFrom('contact_stash').selectAll().where('taxpayer_key', 'in', taxpayers.map((t) => t.taxpayer_key)).execute();
  if (stashes.length === 0) return restored;
  const byKey = new Map(taxpayers.map((t) => [t.taxpayer_key, t.id]));
  for (const stash of stashes) {
    const taxpayerId = byKey.get(stash.taxpayer_key) as number;
    const kept = JSON.parse(stash.contact) as StashedContact;
    // Numbers marked as the office's since are not reachable, whatever they were then.
    const contact = { ...kept, taxpayer_id: taxpayerId, reach: reachOf(kept, office), updated_at: at };
    const inserted = await trx.insertInto('contacts').values(contact).returningAll().executeTakeFirstOrThrow();
    const changes = (JSON.parse(stash.changes) as StashedChange[]).map((c): Insertable<ContactChangesTable> => ({ ...c, taxpayer_id: taxpayerId }));
    if (changes.length) await trx.insertInto('contact_changes').values(changes).execute();
    restored.set(taxpayerId, inserted);
  }
  await db.deleteFrom('contact_stash').where('taxpayer_key', 'in', stashes.map((s) => s.taxpayer_key)).execute();
  return restored;
}
