import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Inserts many rows through Kysely at close to the driver's own speed. Kysely builds a syntax
 * tree for every value of a multi-row insert, which for an import of 500,000 bills costs more
 * than the database's work; here the statement is compiled once per batch size (by Kysely, so
 * it stays dialect-neutral) and only the parameters change from batch to batch. Batches of 200
 * rows stay far below both engines' parameter limits and measured fastest on SQLite.
 */
export async function bulkInsert<DB, T extends keyof DB & string, R extends keyof DB[T] & string = never>(
  db: Kysely<DB>,
  table: T,
  columns: readonly (keyof DB[T] & string)[],
  rows: readonly object[],
  options: { returning?: readonly R[]; batchSize?: number } = {},
): Promise<Pick<DB[T], R>[]> {
  const batchSize = options.batchSize ?? 200;
  const cache = new Map<number, string>();
  const returned: Pick<DB[T], R>[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize) as Record<string, unknown>[];
    let sql = cache.get(batch.length);
    if (!sql) {
      const template = batch.map(() => Object.fromEntries(columns.map((c) => [c, null])));
      const insert = db.insertInto(table).values(template as never);
      sql = (options.returning?.length ? insert.returning(options.returning as never) : insert).compile().sql;
      cache.set(batch.length, sql);
    }
    const parameters: unknown[] = [];
    for (const row of batch) for (const column of columns) parameters.push(row[column] ?? null);
    const result = await db.executeQuery<Pick<DB[T], R>>(CompiledQuery.raw(sql, parameters));
    if (options.returning?.length) returned.push(...result.rows);
  }
  return returned;
}
