import { afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Engine } from '../../main/db/engine.js';

/**
 * The engines the integration tests run on. SQLite always; PostgreSQL when
 * SIPEKA_TEST_PG_URL names a server where we may create databases (`.ci/run` starts one).
 * On CI a missing PostgreSQL is an error, not a silent skip.
 */
export function testEngines(): Engine[] {
  if (process.env.SIPEKA_TEST_PG_URL) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('CI must run the suite on PostgreSQL too: set SIPEKA_TEST_PG_URL (.ci/run does)');
  return ['sqlite'];
}

export interface TestDatabase {
  engine: Engine;
  /** `--db` for SQLite, `--database-url` for PostgreSQL. */
  db?: string;
  databaseUrl?: string;
  dir: string;
  /** CLI flags that point at this database. */
  flags: string[];
  drop(): Promise<void>;
}

/** A fresh, empty ledger location: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-test-'));
  if (engine === 'sqlite') {
    const db = path.join(dir, 'sipeka.db');
    return { engine, db, dir, flags: ['--db', db], drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.SIPEKA_TEST_PG_URL as string;
  const name = `sipeka_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine,
    databaseUrl,
    dir,
    flags: ['--database-url', databaseUrl],
    drop: async () => {
      await dropWithRetry(adminUrl, name);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `drop … with (force)` ends the database's other sessions, and is refused (42501) when one of
 * them is a server process our role may not signal, such as an autovacuum worker that happened
 * to start on the fresh database: that worker finishes in moments, so try again.
 */
async function dropWithRetry(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt >= 10) throw err;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Fresh ledgers for one test file, each dropped after its test: `const fresh = freshDatabases();`. */
export function freshDatabases(): (engine: Engine) => Promise<TestDatabase> {
  const opened: TestDatabase[] = [];
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.drop();
  });
  return async (engine) => {
    const d = await freshDatabase(engine);
    opened.push(d);
    return d;
  };
}
