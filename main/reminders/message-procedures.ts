import type { Kysely } from 'kysely';
import type { ProcedureName } from '../../shared/api/index.js';
import type { MessageFilters } from '../../shared/api/messages.js';
import { UserError } from '../../shared/errors.js';
import type { App, Ctx } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import type { Database } from '../db/schema.js';
import { GatewayError, resolveGateway, saveGateway } from '../gateways/index.js';
import type { JobView } from '../platform/jobs.js';
import { acquireDispatchLease, currentLeaseHolder } from './dispatch-lease.js';
import { DispatchControl, type DispatchResult, dispatchOutbox } from './dispatcher.js';
import { filterMessages } from './message-search.js';
import { summariseMessages } from './message-summary.js';

// The SMS provider's settings and the gateway listing live in the gateways module (main/gateways/procedures.ts).
type Names = Exclude<Extract<ProcedureName, `messages.${string}` | `dispatch.${string}` | `gateways.${string}`>, 'gateways.setSms' | 'gateways.show'>;

/** The one dispatch a process runs at a time, so pause, resume and cancel know what to steer. */
const running = new WeakMap<App, { jobId: string; control: DispatchControl }>();
const lastResults = new WeakMap<App, DispatchResult>();

/** What the last dispatch of this process did, even when it was cancelled. */
export function lastDispatchResult(app: App): DispatchResult | null {
  return lastResults.get(app) ?? null;
}

export const messageProcedures: HandlerMap<Names> = {
  async 'messages.list'(ctx, { limit, order, afterId, beforeId, ...filters }) {
    // Keyset paging on the id: a page costs the same at the millionth message as at the first.
    let query = messageQuery(ctx.db, filters);
    query = order === 'newest' ? (beforeId === undefined ? query : query.where('outbox.id', '<', beforeId)).orderBy('outbox.id', 'desc') : query.where('outbox.id', '>', afterId).orderBy('outbox.id');
    const rows = await query.limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? (page.at(-1)?.id ?? null) : null;
    return { messages: page.map(toMessageRow), nextAfterId: order === 'oldest' ? next : null, nextBeforeId: order === 'newest' ? next : null };
  },

  async 'messages.summary'(ctx, filters) {
    return summariseMessages(ctx.db, filters);
  },

  async 'messages.timeline'(ctx, { taxpayerId }) {
    const rows = await messageQuery(ctx.db).select('outbox.body').where('outbox.taxpayer_id', '=', taxpayerId).orderBy('outbox.id', 'desc').limit(200).execute();
    const ids = rows.map((r) => r.id);
    const events = ids.length ? await ctx.db.selectFrom('message_events').selectAll().where('outbox_id', 'in', ids).orderBy('id').execute() : [];
    return {
      messages: rows.map((r) => ({
        ...toMessageRow(r),
        body: r.body,
        events: events.filter((e) => e.outbox_id === r.id).map((e) => ({ at: e.at, state: e.state, detail: e.detail })),
      })),
    };
  },

  async 'messages.resolve'(ctx, { id, decision, note }) {
    const row = await ctx.db.selectFrom('outbox').select(['id', 'state']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new UserError('MESSAGE_NOT_FOUND', { id });
    if (row.state !== 'unknown') throw new UserError('MESSAGE_NOT_UNKNOWN', { id, state: row.state });
    const at = ctx.app.clock.now().toISOString();
    const state = decision === 'requeue' ? 'queued' : decision;
    await ctx.db
      .updateTable('outbox')
      .set({ state, updated_at: at, next_attempt_at: at, ...(state === 'sent' ? { sent_at: at } : {}), ...(state === 'failed' ? { failed_at: at, error_code: 'OFFICER' } : {}) })
      .where('id', '=', id)
      .execute();
    await ctx.db.insertInto('message_events').values({ outbox_id: id, at, state, detail: `${ctx.actor?.username ?? '?'}: ${note ?? decision}` }).execute();
    await ctx.audit({ target: `outbox:${id}`, before: { state: row.state }, after: { state, note: note ?? null } });
    return { id, state };
  },

  async 'dispatch.start'(ctx, { limit, untilEmpty, concurrency }) {
    const current = runningJob(ctx.app);
    if (current) throw new UserError('DISPATCH_RUNNING', { jobId: current.job.id });
    // Taken here, not in the job, so a dispatcher running in another process is refused to the caller's face.
    const lease = await acquireDispatchLease(ctx.app.ledger.db, { now: () => ctx.app.clock.now() });
    const control = new DispatchControl();
    const owner = ctx.actor?.username ?? 'anonymous';
    const job = ctx.app.jobs.start('dispatch', owner, async (signal, report) => {
      const result = await dispatchOutbox(ctx.app, { limit, untilEmpty, concurrency, signal, control, lease, onProgress: (done) => report({ phase: control.paused ? 'paused' : 'sending', done, total: null }) }).finally(() => lease.release());
      lastResults.set(ctx.app, result);
      // A cancelled dispatch ends its job as cancelled; what it did is kept for `lastDispatchResult`.
      if (signal.aborted) throw new Error('dispatch cancelled');
      return result;
    });
    running.set(ctx.app, { jobId: job.id, control });
    await ctx.audit({ target: job.id, after: { limit: limit ?? null, untilEmpty } });
    return job;
  },

  async 'dispatch.pause'(ctx) {
    return steer(ctx, (c) => c.pause());
  },
  async 'dispatch.resume'(ctx) {
    return steer(ctx, (c) => c.resume());
  },
  async 'dispatch.cancel'(ctx) {
    return steer(ctx, (c, jobId) => {
      c.resume();
      ctx.app.jobs.cancel(jobId);
    });
  },
  async 'dispatch.status'(ctx) {
    const current = runningJob(ctx.app, true);
    // While this process dispatches, the lease is its own; otherwise it names whoever else is sending.
    const elsewhere = runningJob(ctx.app) ? null : await currentLeaseHolder(ctx.db, ctx.app.clock.now());
    return { job: current?.job ?? null, paused: current?.control.paused ?? false, elsewhere };
  },

  async 'gateways.set'(ctx, input) {
    const { channel, kind, accessToken, appSecret, verifyToken, ...config } = input;
    const saved = await saveGateway(ctx.db, ctx.app.location.dataDir, { channel, kind, config, secrets: { accessToken, appSecret, verifyToken } }, ctx.actor?.username ?? 'anonymous', ctx.app.clock.now());
    // The audit row names which secrets changed, never their values.
    await ctx.audit({ target: channel, before: saved.before, after: { kind, config: saved.config, secretsChanged: Object.keys({ accessToken, appSecret, verifyToken }).filter((k) => input[k as 'accessToken'] !== undefined) } });
    return { channel: saved.channel, kind: saved.kind, config: saved.config, secretsSet: saved.secretsSet };
  },

  async 'gateways.test'(ctx, { channel, to, template }) {
    const resolved = await resolveGateway(ctx.app, channel);
    try {
      const receipt = await resolved.gateway.send({ ref: `test-${Date.now()}`, to, channel, text: 'SI PEKA test', template: { name: template, language: 'en_US', parameters: [] } });
      await ctx.audit({ target: channel, after: { to, gateway: resolved.kind, id: receipt.id } });
      return { gateway: resolved.kind, id: receipt.id };
    } catch (err) {
      if (err instanceof GatewayError) throw new UserError('GATEWAY_TEST_FAILED', { channel, detail: `${err.code} ${err.detail}` });
      throw err;
    }
  },
};

function runningJob(app: App, includeFinished = false): { job: JobView; control: DispatchControl } | null {
  const entry = running.get(app);
  if (!entry) return null;
  const job = app.jobs.get(entry.jobId);
  if (job.state !== 'running' && !includeFinished) return null;
  return { job, control: entry.control };
}

async function steer(ctx: Ctx, act: (control: DispatchControl, jobId: string) => void) {
  const current = runningJob(ctx.app);
  if (!current) throw new UserError('DISPATCH_NOT_RUNNING');
  act(current.control, current.job.id);
  await ctx.audit({ target: current.job.id });
  return { job: ctx.app.jobs.get(current.job.id), paused: current.control.paused, elsewhere: null };
}

function messageQuery(db: Kysely<Database>, filters: MessageFilters = {}) {
  return filterMessages(db.selectFrom('outbox'), filters)
    .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
    .select([
      'outbox.id',
      'outbox.taxpayer_id',
      'taxpayers.npwpd',
      'taxpayers.name',
      'outbox.kind',
      'outbox.stage',
      'outbox.due_date',
      'outbox.channel',
      'outbox.recipient',
      'outbox.state',
      'outbox.attempts',
      'outbox.gateway',
      'outbox.gateway_message_id',
      'outbox.error_code',
      'outbox.error_detail',
      'outbox.not_before',
      'outbox.next_attempt_at',
      'outbox.sent_at',
      'outbox.delivered_at',
      'outbox.read_at',
      'outbox.failed_at',
      'outbox.updated_at',
    ]);
}

type MessageQueryRow = Awaited<ReturnType<ReturnType<typeof messageQuery>['execute']>>[number];

function toMessageRow(r: MessageQueryRow) {
  return {
    id: r.id,
    taxpayerId: Number(r.taxpayer_id),
    npwpd: r.npwpd,
    name: r.name,
    kind: r.kind,
    stage: r.stage,
    dueDate: r.due_date,
    channel: r.channel,
    recipient: r.recipient,
    state: r.state,
    attempts: r.attempts,
    gateway: r.gateway,
    gatewayMessageId: r.gateway_message_id,
    errorCode: r.error_code,
    errorDetail: r.error_detail,
    notBefore: r.not_before,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    deliveredAt: r.delivered_at,
    readAt: r.read_at,
    failedAt: r.failed_at,
    updatedAt: r.updated_at,
  };
}
