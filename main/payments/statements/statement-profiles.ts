import type { Kysely } from 'kysely';
import { UserError } from '../../../shared/errors.js';
import { columnLetter } from '../../ledger/import/index.js';
import type { Database } from '../../db/schema.js';
import { FIELD_WORDS, STATEMENT_FIELDS, type StatementMapping } from './statement-columns.js';

/** The mapping remembered for a statement layout (its header key), if any. */
export async function profileMapping(db: Kysely<Database>, headerKey: string): Promise<StatementMapping | null> {
  const row = await db.selectFrom('statement_profiles').select('mapping').where('header_key', '=', headerKey).executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as StatementMapping) : null;
}

/** Remembers the treasurer's mapping for this layout, so the bank's next statement needs none. */
export async function saveProfile(db: Kysely<Database>, headerKey: string, headers: string[], mapping: StatementMapping, by: string, now: Date): Promise<void> {
  const values = { headers: JSON.stringify(headers), mapping: JSON.stringify(mapping), created_by: by, created_at: now.toISOString() };
  const updated = await db.updateTable('statement_profiles').set(values).where('header_key', '=', headerKey).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('statement_profiles').values({ header_key: headerKey, ...values }).execute();
}

/**
 * `A=tanggal,B=keterangan,E=kredit` (column letters or 1-based numbers, Indonesian or English
 * field names) as a mapping.
 */
export function parseMappingText(text: string): StatementMapping {
  const mapping: StatementMapping = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [column, word] = entry.split('=').map((s) => s.trim());
    const field = word ? FIELD_WORDS[word.toLowerCase()] : undefined;
    const index = column ? columnIndex(column) : null;
    if (!field || index === null) throw new UserError('STATEMENT_BAD_MAPPING', { entry, fields: STATEMENT_FIELDS.join(', ') });
    mapping[field] = index;
  }
  return mapping;
}

function columnIndex(column: string): number | null {
  if (/^\d+$/.test(column)) return Number(column) >= 1 ? Number(column) - 1 : null;
  if (!/^[A-Z]{1,3}$/i.test(column)) return null;
  let n = 0;
  for (const ch of column.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A mapping as the CLI writes it, for messages and the import report. */
export function mappingText(mapping: StatementMapping): string {
  return Object.entries(mapping)
    .map(([field, index]) => `${columnLetter(index)}=${field}`)
    .join(',');
}
