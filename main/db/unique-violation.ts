/**
 * True when a write broke a unique constraint: SQLite's `SQLITE_CONSTRAINT_UNIQUE` (or the
 * primary key's), PostgreSQL's SQLSTATE 23505. Unique constraints are the last line of defence
 * against concurrent duplicates; on PostgreSQL the violation aborts the transaction, so callers
 * retry the whole request in a new one, which then sees the row that won.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
