import type { Kysely } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import type { ColumnField, Mapping, MappingProfile } from './import/index.js';

interface StoredMapping {
  headers: string[];
  columns: ColumnField[];
}

/** Mapping profiles: an officer maps an unknown header row once; the same header is then mapped silently. */
export async function loadProfiles(db: Kysely<Database>): Promise<(MappingProfile & { name: string; headers: string[]; createdBy: string; createdAt: string })[]> {
  const rows = await db.selectFrom('mapping_profiles').selectAll().orderBy('name').execute();
  return rows.map((row) => {
    const stored = JSON.parse(row.mapping) as StoredMapping;
    return { name: row.name, headerKey: row.header_key, columns: stored.columns, headers: stored.headers, createdBy: row.created_by, createdAt: row.created_at };
  });
}

export async function profileByName(db: Kysely<Database>, name: string): Promise<MappingProfile> {
  const found = (await loadProfiles(db)).find((p) => p.name === name);
  if (!found) throw new UserError('PROFILE_NOT_FOUND', { name });
  return found;
}

/** Saves (or replaces) the profile for this header row under a name. */
export async function saveProfile(db: Kysely<Database>, name: string, mapping: Mapping, by: string, now: Date): Promise<void> {
  const value: StoredMapping = { headers: mapping.columns.map((c) => c.header), columns: mapping.columns.map((c) => c.field) };
  await db.deleteFrom('mapping_profiles').where((eb) => eb.or([eb('name', '=', name), eb('header_key', '=', mapping.headerKey)])).execute();
  await db.insertInto('mapping_profiles').values({ name, header_key: mapping.headerKey, mapping: JSON.stringify(value), created_by: by, created_at: now.toISOString() }).execute();
}
