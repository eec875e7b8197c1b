import type { Kysely } from 'kysely';
import type { App } from '../api/context.js';
import { bulkInsert } from '../db/bulk-insert.js';
import type { Database } from '../db/schema.js';
import { expandNewMessages } from './message-bills.js';
import { computeLedgerRollups, computeMessageRollups } from './rollup-compute.js';
import { computeInWorker } from './rollup-in-worker.js';
import type { ComputedPart } from './rollup-tables.js';
import { ledgerVersion, outboxVersion } from './rollup-version.js';

type Part = 'ledger' | 'messages';

export interface RollupStatus {
  /** When the oldest of the figures shown were built (null before the first build). */
  builtAt: string | null;
  /** Parts rebuilt by this call, with how long each took. */
  rebuilt: { part: Part; ms: number }[];
  /** A rebuild is running in the background: the figures shown are from `builtAt`. */
  refreshing: boolean;
}

/**
 * Gateway statuses arrive all day while a dispatch runs; rebuilding the message figures for each
 * would cost seconds at a million messages, so they may lag this long behind the outbox (the
 * screen says when its figures were built).
 */
export const MESSAGES_MAX_AGE_MS = 60_000;

export interface RollupPolicy {
  /**
   * From this many bills (for the ledger part) or messages (for the messages part), a stale part
   * is rebuilt in the background while the screen shows the previous build with its time; below
   * it, inline, so a small office always sees figures as of now. Sized so an inline rebuild stays
   * within the dashboard's 200 ms budget. Counted from the largest id (no scan).
   */
  backgroundFromRows: number;
}

const DEFAULT_POLICY: RollupPolicy = { backgroundFromRows: 50_000 };
const policies = new WeakMap<App, RollupPolicy>();
const inFlight = new WeakMap<App, Promise<RollupStatus>>();
const background = new WeakMap<App, { done: Promise<void>; stop: () => Promise<void> }>();

/** Changes when a rebuild moves to the background (tests, and the bench). */
export function setRollupPolicy(app: App, policy: Partial<RollupPolicy>): void {
  policies.set(app, { ...DEFAULT_POLICY, ...policies.get(app), ...policy });
}

/**
 * Makes the dashboard's rollups current enough, then the queries read them. A part is rebuilt
 * when the fingerprint of what it derives from differs from the one stored with it; otherwise
 * this costs the few primary-key reads of the fingerprints. A small ledger is rebuilt inline; a
 * large one in the background (see RollupPolicy), which the caller awaits only when nothing was
 * ever built. Concurrent callers share one check.
 */
export function freshRollups(app: App): Promise<RollupStatus> {
  const running = inFlight.get(app);
  if (running) return running;
  const started = refresh(app).finally(() => inFlight.delete(app));
  inFlight.set(app, started);
  return started;
}

/** Resolves once no background rebuild is running (tests and the bench wait on it). */
export async function rollupsSettled(app: App): Promise<void> {
  for (let job = background.get(app); job; job = background.get(app)) await job.done;
}

/** Ends a background rebuild at once (the app is closing); what was stored stays. */
export async function stopRollups(app: App): Promise<void> {
  const job = background.get(app);
  if (!job) return;
  await job.stop();
  await job.done;
}

async function refresh(app: App, attempt = 0): Promise<RollupStatus> {
  const db = app.ledger.db;
  const policy = policies.get(app) ?? DEFAULT_POLICY;
  const stored = await readState(db);
  const ledger = await ledgerVersion(db);
  const messages = `${ledger}|${await outboxVersion(db)}`;
  const now = app.clock.now();
  const stale: Part[] = [];
  if (stored.get('ledger')?.version !== ledger) stale.push('ledger');
  const built = stored.get('messages');
  // Paid dates decide the funnel, so a ledger change always rebuilds the message figures too.
  const ledgerMoved = built?.version.split('|')[0] !== ledger;
  const outboxMoved = built?.version !== messages;
  const old = !built || now.getTime() - Date.parse(built.built_at) >= MESSAGES_MAX_AGE_MS;
  if (ledgerMoved || (outboxMoved && old)) stale.push('messages');

  const rebuilt: RollupStatus['rebuilt'] = [];
  const later: Part[] = [];
  for (const part of stale) {
    if ((await sizeOf(db, part)) >= policy.backgroundFromRows) {
      later.push(part);
      continue;
    }
    try {
      rebuilt.push(await rebuildInline(db, part, now));
    } catch (err) {
      // Figures a little old (the screen says from when) beat no dashboard while the writer is busy.
      if (!stored.has(part)) throw err;
      app.logger.warn('dashboard rollups not rebuilt; showing the previous build', { part, error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (later.length > 0 && !background.has(app)) startBackground(app, later);
  if (later.some((part) => !stored.has(part))) {
    // Nothing was ever built: this caller waits for the first build, but on the worker, so the
    // rest of the office (payments included) is not held up meanwhile.
    await rollupsSettled(app);
    const state = await readState(db);
    if (later.some((part) => !state.has(part))) {
      if (attempt > 0) throw new Error('the dashboard rollups could not be built; see the log');
      return refresh(app, attempt + 1);
    }
    return statusOf(state, rebuilt, app);
  }
  const state = rebuilt.length > 0 ? await readState(db) : stored;
  return statusOf(state, rebuilt, app);
}

function statusOf(state: Map<Part, { built_at: string }>, rebuilt: RollupStatus['rebuilt'], app: App): RollupStatus {
  const times = [...state.values()].map((r) => r.built_at).sort();
  return { builtAt: times[0] ?? null, rebuilt, refreshing: background.has(app) };
}

async function readState(db: Kysely<Database>) {
  const rows = await db.selectFrom('dashboard_rollup_state').selectAll().execute();
  return new Map(rows.map((r) => [r.part as Part, r]));
}

async function sizeOf(db: Kysely<Database>, part: Part): Promise<number> {
  const table = part === 'ledger' ? 'bills' : 'outbox';
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Computes and writes a part in one transaction: the caller waits for figures as of now. */
async function rebuildInline(db: Kysely<Database>, part: Part, now: Date) {
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    if (part === 'messages') await expandNewMessages(trx, (insert) => insert(trx));
    await writePart(trx, part === 'ledger' ? await computeLedgerRollups(trx) : await computeMessageRollups(trx), now, performance.now() - started);
  });
  return { part, ms: Math.round(performance.now() - started) };
}

/**
 * Rebuilds parts while the screens keep reading the previous build. Computing only reads: on
 * SQLite it runs on a worker thread with its own connection, so neither this process's requests
 * nor the writer wait for it; only the final replacement of the rollup rows takes the writer,
 * briefly.
 */
function startBackground(app: App, parts: Part[]): void {
  let stopped = false;
  let stopWorker: (() => Promise<void>) | null = null;
  const run = async () => {
    for (const part of parts) {
      if (stopped) return;
      const started = performance.now();
      if (part === 'messages') await expandNewMessages(app.ledger.db, (insert) => app.ledger.db.transaction().execute(insert));
      if (stopped) return;
      let computed: ComputedPart;
      if (app.ledger.engine === 'sqlite') {
        const job = computeInWorker({ dbFile: app.location.dbFile, part });
        stopWorker = job.stop;
        computed = await job.result;
        stopWorker = null;
      } else {
        computed = part === 'ledger' ? await computeLedgerRollups(app.ledger.reader) : await computeMessageRollups(app.ledger.reader);
      }
      if (stopped) return;
      await app.ledger.db.transaction().execute((trx) => writePart(trx, computed, app.clock.now(), performance.now() - started));
    }
  };
  const done = run()
    .catch((err: unknown) => {
      if (!stopped) app.logger.warn('dashboard rollups not rebuilt in the background; the previous build stays', { parts, error: err instanceof Error ? err.message : String(err) });
    })
    .finally(() => background.delete(app));
  background.set(app, {
    done,
    stop: async () => {
      stopped = true;
      await stopWorker?.();
    },
  });
}

/** Replaces a part's rows and records the version they were computed at. */
async function writePart(trx: Kysely<Database>, computed: ComputedPart, now: Date, ms: number): Promise<void> {
  for (const { table, rows } of computed.tables) {
    await trx.deleteFrom(table.name).execute();
    await bulkInsert(trx, table.name, [...table.keys, ...table.sums] as never, rows);
  }
  const row = { part: computed.part, version: computed.version, built_at: now.toISOString(), build_ms: Math.round(ms) };
  await trx
    .insertInto('dashboard_rollup_state')
    .values(row)
    .onConflict((oc) => oc.column('part').doUpdateSet({ version: row.version, built_at: row.built_at, build_ms: row.build_ms }))
    .execute();
}
