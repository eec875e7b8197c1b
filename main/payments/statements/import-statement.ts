import type { Kysely } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Database } from '../../db/schema.js';
import { readSettings } from '../../platform/settings.js';
import type { ReconClass } from '../reconciliation/classes.js';
import { EXCEPTION_CLASSES } from '../reconciliation/classes.js';
import { rematchDays } from '../reconciliation/rematch.js';
import { readStatement } from './read-statement.js';
import type { StatementMapping } from './statement-columns.js';
import { profileMapping, saveProfile } from './statement-profiles.js';

export interface StatementImportInput {
  file: string;
  fileName: string;
  sha256: string;
  mapping?: StatementMapping | undefined;
  actor: string;
  now: Date;
}

export interface StatementImportResult {
  importId: number | null;
  fileName: string;
  sha256: string;
  lines: number;
  credits: number;
  debits: number;
  matched: number;
  exceptions: Record<Exclude<ReconClass, 'matched'>, number>;
  duplicates: number;
  days: string[];
  lockedDays: string[];
}

/**
 * Imports a bank statement inside the caller's transaction: reads it (a bad cell rejects the
 * whole file before anything is written), stores the lines not seen before, remembers the
 * mapping the treasurer gave for this layout, and matches the days the new credits fall on.
 * The same file again, or lines an earlier statement already brought, add nothing and are
 * counted as duplicates.
 */
export async function importStatement(db: Kysely<Database>, input: StatementImportInput): Promise<StatementImportResult> {
  const { timezone } = await readSettings(db);
  const statement = await readStatement(input.file, {
    fileName: input.fileName,
    mapping: input.mapping,
    profileFor: (key) => profileMapping(db, key),
    timeZone: timezone,
  });
  const base = { fileName: input.fileName, sha256: input.sha256, lines: statement.lines.length, credits: 0, debits: 0, matched: 0, exceptions: emptyExceptions(), days: [], lockedDays: [] };
  const sameFile = await db.selectFrom('statement_imports').select('id').where('sha256', '=', input.sha256).executeTakeFirst();
  if (sameFile) return { ...base, importId: null, duplicates: statement.lines.length };

  const known = new Set<string>();
  const keys = statement.lines.map((l) => l.key);
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('statement_lines').select('line_key').where('line_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) known.add(r.line_key);
  }
  const fresh = statement.lines.filter((l) => !known.has(l.key));
  const credits = fresh.filter((l) => l.direction === 'C');
  const dates = fresh.map((l) => l.date).sort();
  if (input.mapping) await saveProfile(db, statement.headerKey, statement.headers, input.mapping, input.actor, input.now);
  const created = await db
    .insertInto('statement_imports')
    .values({
      file_name: input.fileName,
      sha256: input.sha256,
      header_key: statement.headerKey,
      lines: fresh.length,
      credits: credits.length,
      duplicates: statement.lines.length - fresh.length,
      first_date: dates[0] ?? null,
      last_date: dates[dates.length - 1] ?? null,
      imported_by: input.actor,
      imported_at: input.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const importId = Number(created.id);
  const inserted = await bulkInsert(
    db,
    'statement_lines',
    ['import_id', 'line_key', 'row_number', 'value_date', 'description', 'reference', 'direction', 'amount'],
    fresh.map((l) => ({ import_id: importId, line_key: l.key, row_number: l.rowNumber, value_date: l.date, description: l.description, reference: l.reference, direction: l.direction, amount: l.amount })),
    { returning: ['id', 'direction'] },
  );
  const { days, lockedDays } = await rematchDays(db, [...new Set(credits.map((c) => c.date))]);
  const counted = await classCounts(db, inserted.filter((r) => r.direction === 'C').map((r) => Number(r.id)));
  for (const r of await paymentSideCounts(db, days)) counted[r.class as ReconClass] = (counted[r.class as ReconClass] ?? 0) + Number(r.n);
  return {
    ...base,
    importId,
    credits: credits.length,
    debits: fresh.length - credits.length,
    matched: counted.matched ?? 0,
    exceptions: { ...emptyExceptions(), ...Object.fromEntries(EXCEPTION_CLASSES.map((c) => [c, counted[c] ?? 0])) },
    duplicates: statement.lines.length - fresh.length,
    days,
    lockedDays,
  };
}

function emptyExceptions(): Record<Exclude<ReconClass, 'matched'>, number> {
  return Object.fromEntries(EXCEPTION_CLASSES.map((c) => [c, 0])) as Record<Exclude<ReconClass, 'matched'>, number>;
}

/** Payments and ledger-paid bills of the statement's days that no credit explains. */
function paymentSideCounts(db: Kysely<Database>, days: string[]) {
  if (days.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recon_items')
    .select(['class', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', 'in', days)
    .where('source', '!=', 'credit')
    .groupBy('class')
    .execute();
}

/** The classes the new credits got. */
async function classCounts(db: Kysely<Database>, lineIds: number[]): Promise<Partial<Record<ReconClass, number>>> {
  const counts: Partial<Record<ReconClass, number>> = {};
  for (let i = 0; i < lineIds.length; i += 500) {
    const rows = await db
      .selectFrom('recon_items')
      .select(['class', (eb) => eb.fn.countAll<number>().as('n')])
      .where('line_id', 'in', lineIds.slice(i, i + 500))
      .groupBy('class')
      .execute();
    for (const r of rows) counts[r.class as ReconClass] = (counts[r.class as ReconClass] ?? 0) + Number(r.n);
  }
  return counts;
}
