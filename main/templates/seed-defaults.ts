import type { Kysely } from 'kysely';
import { DEFAULT_TEMPLATES } from '../../shared/templates/index.js';
import type { Database } from '../db/schema.js';
import { insertFirstVersion } from './template-store.js';
import { defaultMetaCategory } from './content.js';

/** Remembers the seeding, so a default an agency retired or deleted is never brought back. */
export const DEFAULTS_SEEDED_KEY = 'templates.defaults_seeded';
/** Defaults are nobody's work: any head may approve them. */
export const SYSTEM_AUTHOR = 'system';

/**
 * Gives a new ledger the default drafts (one per purpose and channel), once. A ledger that
 * already has templates (an upgrade) is only marked. Two processes starting together both try
 * to claim the marker; the loser's insert does nothing and it seeds nothing.
 */
export async function seedDefaultTemplates(db: Kysely<Database>, now: Date): Promise<number> {
  // The common case reads only: a CLI command must not take SQLite's write lock on every start.
  const done = await db.selectFrom('sipeka_meta').select('key').where('key', '=', DEFAULTS_SEEDED_KEY).executeTakeFirst();
  if (done) return 0;
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const empty = !(await trx.selectFrom('templates').select('id').limit(1).executeTakeFirst());
    const count = empty ? DEFAULT_TEMPLATES.length : 0;
    const claim = await trx
      .insertInto('sipeka_meta')
      .values({ key: DEFAULTS_SEEDED_KEY, value: JSON.stringify({ at, count }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0 || !empty) return 0;
    for (const d of DEFAULT_TEMPLATES) {
      const content = { name: d.name, channel: d.channel, language: d.language, purpose: d.purpose, body: d.body, metaName: d.metaName };
      await insertFirstVersion(trx, { ...content, metaCategory: defaultMetaCategory(d.channel) }, SYSTEM_AUTHOR, at);
    }
    return count;
  });
}
