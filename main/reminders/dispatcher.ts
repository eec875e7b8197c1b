import type { Kysely } from 'kysely';
import type { App } from '../api/context.js';
import type { Database } from '../db/schema.js';
import { type Channel, GatewayError, type ResolvedGateway, resolveGateway, TokenBucket } from '../gateways/index.js';
import { type OutboxRow, claimMessage, recordFailure, recordSent } from './dispatch-claim.js';
import { acquireDispatchLease, type DispatchLease } from './dispatch-lease.js';
import { markInterrupted, resolveUnknown } from './dispatch-recovery.js';

export interface DispatchResult {
  sent: number;
  failed: number;
  retried: number;
  unknown: number;
  cancelled: number;
  /** Messages accepted by the gateway per second of dispatching. */
  rate_per_s: number;
  /** Messages found `sending` at start (a crashed run) and now `unknown`. */
  interrupted: number;
  /** `unknown` messages the gateway confirmed having. */
  confirmed: number;
  /** Why the run stopped early: the daily cap of unique recipients, a cancel, or another dispatcher took the lease over. */
  stopped: 'daily_cap' | 'cancelled' | 'lease_lost' | null;
}

/** Pause and resume, shared between a running dispatch and the procedures that steer it. */
export class DispatchControl {
  paused = false;
  private waiters: (() => void)[] = [];
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
    for (const wake of this.waiters.splice(0)) wake();
  }
  async whilePaused(signal?: AbortSignal): Promise<void> {
    while (this.paused && !signal?.aborted) await new Promise<void>((r) => {
      this.waiters.push(r);
      setTimeout(r, 250);
    });
  }
}

export interface DispatchOptions {
  /** At most this many messages handed to gateways. */
  limit?: number;
  /** Keep going while retries are pending, until no message is queued. */
  untilEmpty?: boolean;
  /** Messages in flight at once. */
  concurrency?: number;
  signal?: AbortSignal;
  control?: DispatchControl;
  onProgress?: (done: number, result: DispatchResult) => void;
  /** The dispatch lease, taken by the caller (dispatch.start) so a refusal reaches it at once; taken here when absent. */
  lease?: DispatchLease;
  /** Overrides the gateway per channel (tests, benches). */
  gateways?: (channel: Channel) => Promise<ResolvedGateway>;
}

const BATCH = 500;

/**
 * Sends queued messages whose time has come: each is claimed (`sending`, committed), checked
 * again against its bills and opt-outs, sent, and its answer recorded. Starts by turning
 * messages a crashed run left `sending` into `unknown`.
 */
export async function dispatchOutbox(app: App, options: DispatchOptions = {}): Promise<DispatchResult> {
  // Before anything else: markInterrupted would turn another live dispatcher's in-flight rows into `unknown`.
  const lease = options.lease ?? (await acquireDispatchLease(app.ledger.db, { now: () => app.clock.now() }));
  try {
    return await dispatchUnderLease(app, options, lease);
  } finally {
    if (!options.lease) await lease.release();
  }
}

async function dispatchUnderLease(app: App, options: DispatchOptions, lease: DispatchLease): Promise<DispatchResult> {
  const db = app.ledger.db;
  const result: DispatchResult = { sent: 0, failed: 0, retried: 0, unknown: 0, cancelled: 0, rate_per_s: 0, interrupted: 0, confirmed: 0, stopped: null };
  const gatewayCache = new Map<Channel, Promise<ResolvedGateway>>();
  const gatewayFor = (channel: Channel) => {
    let found = gatewayCache.get(channel);
    if (!found) gatewayCache.set(channel, (found = (options.gateways ?? ((c: Channel) => resolveGateway(app, c)))(channel)));
    return found;
  };
  result.interrupted = await markInterrupted(app);
  result.confirmed = await resolveUnknown(app, gatewayFor);

  const buckets = new Map<Channel, TokenBucket>();
  const recipients = new Map<Channel, Set<string> | null>();
  const templates = new Map<number, { name: string | null; language: string }>();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const control = options.control ?? new DispatchControl();
  let handed = 0;
  let firstSend = 0;
  let lastAnswer = 0;
  let queue: number[] = [];
  /** Ids a worker holds, so a refill does not hand them out again. */
  const inFlight = new Set<number>();
  let refill: Promise<void> | null = null;
  let exhausted = false;
  let stop = false;

  const fillQueue = async () => {
    const now = app.clock.now().toISOString();
    const rows = await db
      .selectFrom('outbox')
      .select('id')
      .where('state', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .where('not_before', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    queue = rows.map((r) => r.id).filter((id) => !inFlight.has(id));
    if (queue.length === 0 && rows.length > 0) {
      // Everything due is in a worker's hands already: let them finish.
      await new Promise((r) => setTimeout(r, 20));
      return;
    }
    if (queue.length > 0) return;
    if (!options.untilEmpty) {
      exhausted = true;
      return;
    }
    const pending = await db.selectFrom('outbox').select('next_attempt_at').where('state', '=', 'queued').orderBy('next_attempt_at').limit(1).executeTakeFirst();
    // Messages still outside their send window are tomorrow's work, not this run's.
    const pendingRetry = pending && (await db.selectFrom('outbox').select('id').where('state', '=', 'queued').where('attempts', '>', 0).where('not_before', '<=', now).limit(1).executeTakeFirst());
    if (!pending || !pendingRetry) {
      exhausted = true;
      return;
    }
    const wait = Math.min(1000, Math.max(20, new Date(pending.next_attempt_at).getTime() - app.clock.now().getTime()));
    await new Promise((r) => setTimeout(r, wait));
  };

  const nextId = async (): Promise<number | null> => {
    for (;;) {
      if (lease.lost && !stop) {
        result.stopped = 'lease_lost';
        stop = true;
      }
      if (stop || exhausted || options.signal?.aborted || handed >= limit) return null;
      const id = queue.shift();
      if (id !== undefined && !inFlight.has(id)) {
        inFlight.add(id);
        return id;
      }
      if (id !== undefined) continue;
      refill ??= fillQueue().finally(() => (refill = null));
      await refill;
    }
  };

  const worker = async () => {
    for (;;) {
      await control.whilePaused(options.signal);
      const id = await nextId();
      if (id === null) return;
      try {
        await handle(id);
      } finally {
        inFlight.delete(id);
      }
    }
  };

  const handle = async (id: number) => {
    const row = await db.selectFrom('outbox').select(['channel', 'recipient']).where('id', '=', id).where('state', '=', 'queued').executeTakeFirst();
    if (!row || handed >= limit) return;
    const resolved = await gatewayFor(row.channel);
    let bucket = buckets.get(row.channel);
    if (!bucket) buckets.set(row.channel, (bucket = new TokenBucket(resolved.config.ratePerSecond)));
    if (!recipients.has(row.channel)) recipients.set(row.channel, resolved.config.dailyCap === null ? null : await recentRecipients(db, row.channel, app.clock.now()));
    handed += 1;
    await bucket.take(options.signal).catch(() => undefined);
    if (options.signal?.aborted) return;
    const claim = await claimMessage(db, id, { gateway: resolved.kind, now: app.clock.now(), recipients: recipients.get(row.channel) ?? null, dailyCap: resolved.config.dailyCap });
    if (claim.kind !== 'claimed') {
      handed -= 1;
      if (claim.kind === 'cancelled') result.cancelled += 1;
      if (claim.kind === 'cap_reached') {
        result.stopped = 'daily_cap';
        stop = true;
      }
      return;
    }
    firstSend ||= performance.now();
    await send(claim.row, resolved);
    lastAnswer = performance.now();
    options.onProgress?.(result.sent + result.failed + result.retried + result.unknown + result.cancelled, result);
  };

  const send = async (row: OutboxRow, resolved: ResolvedGateway) => {
    const template = row.channel === 'whatsapp' ? await templateFor(db, templates, row.template_id, resolved) : null;
    if (row.channel === 'whatsapp' && !template) {
      result.failed += 1;
      await recordFailure(db, row, new GatewayError('permanent', 'NO_META_TEMPLATE', 'the message has no template approved by Meta'), app.clock.now(), resolved.config.maxAttempts);
      return;
    }
    try {
      const receipt = await resolved.gateway.send({
        ref: String(row.id),
        to: row.recipient,
        channel: row.channel,
        text: row.body,
        ...(template ? { template: { ...template, parameters: JSON.parse(row.parameters) as string[] } } : {}),
      });
      await recordSent(db, row.id, receipt.id, app.clock.now());
      result.sent += 1;
    } catch (err) {
      const error = err instanceof GatewayError ? err : new GatewayError('ambiguous', 'CLIENT_ERROR', (err as Error).message);
      const outcome = await recordFailure(db, row, error, app.clock.now(), resolved.config.maxAttempts);
      result[outcome] += 1;
      if (!(err instanceof GatewayError)) app.logger.error('dispatch: unexpected error while sending', { outbox: row.id, error: (err as Error).message });
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, () => worker()));
  if (options.signal?.aborted) result.stopped = 'cancelled';
  const seconds = (lastAnswer - firstSend) / 1000;
  result.rate_per_s = seconds > 0 ? Math.round((result.sent / seconds) * 10) / 10 : result.sent;
  return result;
}

async function templateFor(db: Kysely<Database>, cache: Map<number, { name: string | null; language: string }>, templateId: number | null, resolved: ResolvedGateway) {
  let found = templateId === null ? undefined : cache.get(templateId);
  if (templateId !== null && !found) {
    const t = await db.selectFrom('templates').select(['meta_name', 'language']).where('id', '=', templateId).executeTakeFirst();
    found = { name: t?.meta_name ?? null, language: t?.language ?? resolved.config.templateLanguage };
    cache.set(templateId, found);
  }
  // The simulator takes any name; Meta only the approved ones.
  if (!found?.name) return resolved.kind === 'simulator' ? { name: 'sipeka_pengingat', language: found?.language ?? resolved.config.templateLanguage } : null;
  return { name: found.name, language: found.language };
}

/** Unique recipients messaged on a channel in the moving 24 hours (WhatsApp's messaging limit). */
async function recentRecipients(db: Kysely<Database>, channel: Channel, now: Date): Promise<Set<string>> {
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const rows = await db.selectFrom('outbox').select('recipient').distinct().where('channel', '=', channel).where('sending_at', '>=', since).execute();
  return new Set(rows.map((r) => r.recipient));
}
