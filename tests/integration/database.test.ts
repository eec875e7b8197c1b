import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../main/app.js';
import { checkLedger } from '../../main/db/check.js';
import { UserError } from '../../shared/errors.js';
import { freshDatabases, testEngines } from '../support/engines.js';

const fresh = freshDatabases();

async function refusal(run: () => Promise<unknown>): Promise<UserError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe.each(testEngines())('the ledger database on %s', (engine) => {
  it('migrates an empty database and passes its own check', async () => {
    const d = await fresh(engine);
    const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
    const report = await checkLedger(app.ledger);
    await closeApp(app);
    expect(report).toMatchObject({ ok: true, schema: '0009_contact_search', pendingMigrations: [] });
  });

  it('returns 64-bit sums as numbers', async () => {
    const d = await fresh(engine);
    const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
    await app.ledger.db.schema.createTable('money_probe').addColumn('amount', 'bigint').execute();
    await app.ledger.db
      .insertInto('money_probe' as never)
      .values([{ amount: 40_000_000_000 }, { amount: 2_500_000_000 }] as never)
      .execute();
    const { rows } = await sql<{ total: unknown; n: unknown; one: unknown }>`select sum(amount) as total, count(*) as n, max(amount) as one from money_probe`.execute(app.ledger.db);
    await closeApp(app);
    expect(rows[0]).toEqual({ total: 42_500_000_000, n: 2, one: 40_000_000_000 });
  });

  it('refuses a database that a newer SI PEKA has migrated, and leaves it untouched', async () => {
    const d = await fresh(engine);
    const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
    await sql`insert into kysely_migration (name, timestamp) values ('0999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(app.ledger.db);
    await closeApp(app);
    const err = await refusal(() => createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } }));
    expect(err.code).toBe('DB_SCHEMA_TOO_NEW');
    expect(err.message).toContain('0999_from_the_future');
  });
});

describe('the SQLite file', () => {
  it('refuses a text file passed as a database and leaves it byte for byte', async () => {
    const d = await fresh('sqlite');
    const file = path.join(d.dir, 'catatan.txt');
    const text = 'Daftar tunggakan\n'.repeat(20);
    fs.writeFileSync(file, text);
    const err = await refusal(() => createApp({ db: file, env: { SIPEKA_DATA_DIR: d.dir } }));
    expect(err.code).toBe('DB_NOT_SQLITE');
    expect(err.message).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it("refuses another application's SQLite database", async () => {
    const d = await fresh('sqlite');
    const file = path.join(d.dir, 'other.db');
    const { default: Sqlite } = await import('better-sqlite3');
    const other = new Sqlite(file);
    other.exec('create table notes (id integer primary key, body text)');
    other.close();
    const before = fs.readFileSync(file);
    const err = await refusal(() => createApp({ db: file, env: { SIPEKA_DATA_DIR: d.dir } }));
    expect(err.code).toBe('DB_NOT_SIPEKA');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a folder given as the database file', async () => {
    const d = await fresh('sqlite');
    const err = await refusal(() => createApp({ db: d.dir, env: { SIPEKA_DATA_DIR: d.dir } }));
    expect(err.code).toBe('DB_PATH_IS_DIR');
  });

  it('creates a missing data folder', async () => {
    const d = await fresh('sqlite');
    const file = path.join(d.dir, 'baru', 'lagi', 'sipeka.db');
    const app = await createApp({ db: file, env: { SIPEKA_DATA_DIR: path.join(d.dir, 'data') } });
    await closeApp(app);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(path.join(d.dir, 'data'))).toBe(true);
  });

  it('runs in WAL mode with foreign keys on', async () => {
    const d = await fresh('sqlite');
    const app = await createApp({ db: d.db, env: { SIPEKA_DATA_DIR: d.dir } });
    const mode = app.ledger.sqlite?.pragma('journal_mode', { simple: true });
    const fk = app.ledger.sqlite?.pragma('foreign_keys', { simple: true });
    await closeApp(app);
    expect(mode).toBe('wal');
    expect(fk).toBe(1);
  });
});
