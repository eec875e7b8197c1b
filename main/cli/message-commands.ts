import type { Command } from 'commander';
import { CHANNELS, GATEWAY_KINDS, MESSAGE_STATES } from '../../shared/api/messages.js';
import type { Out } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import { startSimulator } from '../gateways/index.js';
import { lastDispatchResult } from '../reminders/message-procedures.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

const int = (v: string) => Number.parseInt(v, 10);

export function registerMessageCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('dispatch')
    .description('send queued messages through the gateways (one dispatcher per ledger at a time)')
    .option('--limit <n>', 'at most this many messages', int)
    .option('--until-empty', 'keep going while retries are pending, until nothing is queued')
    .option('--concurrency <n>', 'messages in flight at once (default 16)', int)
    .action(async (opts: { limit?: number; untilEmpty?: boolean; concurrency?: number }) => {
      await withApp(globals(), async ({ app, call }) => {
        const job = await call('dispatch.start', { limit: opts.limit, untilEmpty: opts.untilEmpty ?? false, concurrency: opts.concurrency });
        // Ctrl+C stops handing out messages; those in flight are recorded before exiting.
        const cancel = () => app.jobs.cancel(job.id);
        process.once('SIGINT', cancel);
        process.once('SIGTERM', cancel);
        const done = await app.jobs.wait(job.id, 100);
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
        if (done.state === 'failed' && done.error) throw new UserError(done.error.code, done.error.params as Record<string, string>);
        const r = { ...lastDispatchResult(app) } as Record<string, unknown>;
        emit(globals(), r, () => `sent ${String(r.sent)}, failed ${String(r.failed)}, retried ${String(r.retried)}, unknown ${String(r.unknown)}, cancelled ${String(r.cancelled)} (${String(r.rate_per_s)}/s)${r.stopped ? `; stopped: ${String(r.stopped)}` : ''}`);
      });
    });

  const messages = program.command('messages').description('the outbox: every planned message and how far it got');
  messages
    .command('list')
    .description('messages, oldest first')
    .option('--state <state>', MESSAGE_STATES.join('|'))
    .option('--npwpd <npwpd>', "one taxpayer's messages")
    .action(async (opts: { state?: (typeof MESSAGE_STATES)[number]; npwpd?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const rows: Out<'messages.list'>['messages'] = [];
        let afterId: number | null = 0;
        while (afterId !== null) {
          const page: Out<'messages.list'> = await call('messages.list', { state: opts.state, npwpd: opts.npwpd, limit: 5000, afterId });
          rows.push(...page.messages);
          afterId = page.nextAfterId;
        }
        emit(globals(), { messages: rows }, () => table(rows, ['id', 'npwpd', 'name', 'stage', 'channel', 'recipient', 'state', 'attempts', 'errorCode', 'updatedAt']));
      });
    });
  messages
    .command('summary')
    .description('counts by state and channel')
    .action(async () => {
      await withApp(globals(), async ({ call }) => {
        const s = await call('messages.summary', {});
        emit(globals(), s, () =>
          [
            `messages   ${s.total}`,
            ...MESSAGE_STATES.map((state) => `${state.padEnd(10)} ${s.byState[state]}`),
            `opt-outs   ${s.optOuts}`,
            `unknown: ${s.needsDecision} need an officer's decision`,
          ].join('\n'),
        );
      });
    });

  messages
    .command('resolve <id>')
    .description('decide an unknown message: requeue (send again), sent or failed')
    .requiredOption('--decision <d>', 'requeue|sent|failed')
    .option('--note <text>', 'why, for the timeline and the audit log')
    .action(async (id: string, opts: { decision: 'requeue' | 'sent' | 'failed'; note?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('messages.resolve', { id: int(id), decision: opts.decision, note: opts.note });
        emit(globals(), r, () => `message #${r.id}: ${r.state}`);
      });
    });

  program
    .command('simulator')
    .description('a WhatsApp Cloud API stand-in: answers sends, then calls the webhook with statuses')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0: a free one)', int, 0)
    .option('--latency-ms <n>', 'delay before each answer', int, 0)
    .option('--fail-rate <f>', 'share of sends that fail (half 5xx at once, half a failed status later)', Number.parseFloat, 0)
    .option('--read-rate <r>', 'share of delivered messages read', Number.parseFloat, 0.8)
    .option('--rate-limit <n>', 'messages a second before 429 / 130429 (0: unlimited)', int, 80)
    .option('--webhook <url>', 'where statuses go, e.g. http://127.0.0.1:8750/webhooks/whatsapp')
    .option('--app-secret <secret>', 'signs the webhooks (default SIPEKA_SIMULATOR_APP_SECRET)')
    .action(async (opts: { host: string; port: number; latencyMs: number; failRate: number; readRate: number; rateLimit: number; webhook?: string; appSecret?: string }) => {
      const simulator = await startSimulator({
        host: opts.host,
        port: opts.port,
        latencyMs: opts.latencyMs,
        failRate: opts.failRate,
        readRate: opts.readRate,
        rateLimit: opts.rateLimit,
        webhookUrl: opts.webhook ?? null,
        appSecret: opts.appSecret ?? process.env.SIPEKA_SIMULATOR_APP_SECRET ?? '',
      });
      emit(globals(), { url: simulator.url }, () => `WhatsApp simulator at ${simulator.url}  (Ctrl+C to stop; GET /_sim/messages lists what it received)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await simulator.close();
    });

  const gateway = program.command('gateway').description("how each channel is sent: the built-in simulator until configured");
  gateway
    .command('set <channel>')
    .description(`configure a channel (${CHANNELS.join('|')}); secrets also from SIPEKA_GATEWAY_ACCESS_TOKEN, _APP_SECRET, _VERIFY_TOKEN`)
    .requiredOption('--kind <kind>', GATEWAY_KINDS.join('|'))
    .option('--base-url <url>', 'API base URL (default https://graph.facebook.com)')
    .option('--api-version <v>', 'Graph API version, e.g. v21.0')
    .option('--phone-number-id <id>', 'the WhatsApp business phone number id')
    .option('--rate <n>', 'messages a second (0: unlimited)', Number.parseFloat)
    .option('--daily-cap <n>', 'unique recipients per 24 hours (the WhatsApp tier)', int)
    .option('--timeout-ms <n>', 'HTTP timeout', int)
    .option('--max-attempts <n>', 'attempts before a transient error becomes a failure', int)
    .action(async (channel: string, opts: { kind: string; baseUrl?: string; apiVersion?: string; phoneNumberId?: string; rate?: number; dailyCap?: number; timeoutMs?: number; maxAttempts?: number }) => {
      if (!(CHANNELS as readonly string[]).includes(channel)) throw new UserError('INVALID_INPUT', { field: 'channel', detail: CHANNELS.join(', ') });
      if (!(GATEWAY_KINDS as readonly string[]).includes(opts.kind)) throw new UserError('INVALID_INPUT', { field: '--kind', detail: GATEWAY_KINDS.join(', ') });
      await withApp(globals(), async ({ call }) => {
        const env = process.env;
        const r = await call('gateways.set', {
          channel: channel as (typeof CHANNELS)[number],
          kind: opts.kind as (typeof GATEWAY_KINDS)[number],
          baseUrl: opts.baseUrl,
          version: opts.apiVersion,
          phoneNumberId: opts.phoneNumberId,
          ratePerSecond: opts.rate,
          dailyCap: opts.dailyCap,
          timeoutMs: opts.timeoutMs,
          maxAttempts: opts.maxAttempts,
          accessToken: env.SIPEKA_GATEWAY_ACCESS_TOKEN || undefined,
          appSecret: env.SIPEKA_GATEWAY_APP_SECRET || undefined,
          verifyToken: env.SIPEKA_GATEWAY_VERIFY_TOKEN || undefined,
        });
        emit(globals(), r, () => `${r.channel}: ${r.kind} ${JSON.stringify(r.config)} (secrets stored: ${r.secretsSet.join(', ') || 'none'})`);
      });
    });
  gateway
    .command('test <channel>')
    .description('send one template message (default hello_world) to a number')
    .requiredOption('--to <e164>', 'recipient, +62…')
    .option('--template <name>', 'approved template name', 'hello_world')
    .action(async (channel: string, opts: { to: string; template: string }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('gateways.test', { channel: channel as (typeof CHANNELS)[number], to: opts.to, template: opts.template });
        emit(globals(), r, () => `${r.gateway} accepted the message: ${r.id}`);
      });
    });
}
