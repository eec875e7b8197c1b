import type { Command } from 'commander';
import { CHANNELS, GATEWAY_KINDS, MESSAGE_STATES, type MessageFilters } from '../../shared/api/messages.js';
import { failureReasonLine } from '../../shared/reminders/failure-reasons.js';
import type { Out } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import { startSimulator } from '../gateways/index.js';
import { lastDispatchResult } from '../reminders/message-procedures.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';
import { addSmsGatewayOptions, registerGatewayShow, setSmsGateway, type SmsGatewayFlags, usesSmsHttpFlags } from './sms-gateway-options.js';

const int = (v: string) => Number.parseInt(v, 10);

interface FilterFlags {
  state?: string;
  npwpd?: string;
  search?: string;
  stage?: string;
  channel?: string;
  from?: string;
  to?: string;
}

/** A code's explanation in both languages, for `--json` (which keeps the code itself beside it). */
function reasonText(code: string | null): { id: string; en: string } {
  return { id: failureReasonLine(code, 'id'), en: failureReasonLine(code, 'en') };
}

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
  const filterOptions = (command: Command) =>
    command
      .option('--state <state>', MESSAGE_STATES.join('|'))
      .option('--npwpd <npwpd>', "one taxpayer's messages (the NPWPD exactly)")
      .option('--search <text>', 'part of an NPWPD, a name or a number (0812…, +62 812…)')
      .option('--stage <code>', 'a stage, e.g. H-7')
      .option('--channel <channel>', CHANNELS.join('|'))
      .option('--from <date>', 'planned on or after YYYY-MM-DD')
      .option('--to <date>', 'planned on or before YYYY-MM-DD');
  const filtersOf = (opts: FilterFlags): MessageFilters => {
    if (opts.state && !(MESSAGE_STATES as readonly string[]).includes(opts.state)) throw new UserError('INVALID_INPUT', { field: '--state', detail: MESSAGE_STATES.join(', ') });
    if (opts.channel && !(CHANNELS as readonly string[]).includes(opts.channel)) throw new UserError('INVALID_INPUT', { field: '--channel', detail: CHANNELS.join(', ') });
    return { state: opts.state as MessageFilters['state'], npwpd: opts.npwpd, search: opts.search, stage: opts.stage, channel: opts.channel as MessageFilters['channel'], from: opts.from, to: opts.to };
  };

  filterOptions(messages.command('list').description('messages, oldest first, filtered in the database'))
    .option('--limit <n>', 'at most this many messages (default: all)', int)
    .action(async (opts: FilterFlags & { limit?: number }) => {
      await withApp(globals(), async ({ call }) => {
        const filters = filtersOf(opts);
        const rows: Out<'messages.list'>['messages'] = [];
        const wanted = opts.limit ?? Number.POSITIVE_INFINITY;
        let afterId: number | null = 0;
        while (afterId !== null && rows.length < wanted) {
          const page: Out<'messages.list'> = await call('messages.list', { ...filters, limit: Math.min(5000, wanted - rows.length), afterId });
          rows.push(...page.messages);
          afterId = page.nextAfterId;
        }
        const listed = rows.map((m) => ({ ...m, reason_text: m.errorCode ? reasonText(m.errorCode) : null }));
        emit(globals(), { messages: listed }, () => table(rows, ['id', 'npwpd', 'name', 'stage', 'channel', 'recipient', 'state', 'attempts', 'errorCode', 'updatedAt']));
      });
    });
  filterOptions(messages.command('summary').description('counts by state, channel and stage; failures by reason, explained'))
    .action(async (opts: FilterFlags) => {
      await withApp(globals(), async ({ call }) => {
        const s = await call('messages.summary', filtersOf(opts));
        const failures = s.failures.map((f) => ({ ...f, reason_text: reasonText(f.code) }));
        emit(globals(), { ...s, failures }, () =>
          [
            `messages   ${s.total}`,
            ...MESSAGE_STATES.map((state) => `${state.padEnd(10)} ${s.byState[state]}`),
            `opt-outs   ${s.optOuts}`,
            `unknown: ${s.needsDecision} need an officer's decision`,
            ...(failures.length ? ['', 'gagal menurut alasan / failures by reason:'] : []),
            ...failures.flatMap((f) => [
              `  ${(f.code ?? '-').padEnd(10)} ${f.messages} pesan/messages, ${f.taxpayers} WP (${f.examples.map((e) => e.name).join(', ')}${f.taxpayers > f.examples.length ? ', …' : ''})`,
              `             ${failureReasonLine(f.code, 'id')}`,
              `             ${failureReasonLine(f.code, 'en')}`,
            ]),
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
    .option('--sms-report-url <url>', 'where SMS delivery reports go (POST /sms/send): the URL `gateway set sms` printed')
    .action(async (opts: { host: string; port: number; latencyMs: number; failRate: number; readRate: number; rateLimit: number; webhook?: string; appSecret?: string; smsReportUrl?: string }) => {
      const simulator = await startSimulator({
        host: opts.host,
        port: opts.port,
        latencyMs: opts.latencyMs,
        failRate: opts.failRate,
        readRate: opts.readRate,
        rateLimit: opts.rateLimit,
        webhookUrl: opts.webhook ?? null,
        appSecret: opts.appSecret ?? process.env.SIPEKA_SIMULATOR_APP_SECRET ?? '',
        smsDlrUrl: opts.smsReportUrl ?? null,
      });
      emit(globals(), { url: simulator.url }, () => `WhatsApp simulator at ${simulator.url}  (Ctrl+C to stop; GET /_sim/messages lists what it received)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await simulator.close();
    });

  const gateway = program.command('gateway').description("how each channel is sent: the built-in simulator until configured");
  registerGatewayShow(gateway, globals);
  addSmsGatewayOptions(gateway.command('set <channel>'))
    .description(`configure a channel (${CHANNELS.join('|')}); secrets also from SIPEKA_GATEWAY_ACCESS_TOKEN, _APP_SECRET, _VERIFY_TOKEN`)
    .option('--kind <kind>', `${GATEWAY_KINDS.join('|')} (sms_http when an SMS provider flag is given)`)
    .option('--base-url <url>', 'API base URL (default https://graph.facebook.com)')
    .option('--api-version <v>', 'Graph API version, e.g. v21.0')
    .option('--phone-number-id <id>', 'the WhatsApp business phone number id')
    .option('--rate <n>', 'messages a second (0: unlimited)', Number.parseFloat)
    .option('--daily-cap <n>', 'unique recipients per 24 hours (the WhatsApp tier)', int)
    .option('--timeout-ms <n>', 'HTTP timeout', int)
    .option('--max-attempts <n>', 'attempts before a transient error becomes a failure', int)
    .action(async (channel: string, opts: { kind?: string; baseUrl?: string; apiVersion?: string; phoneNumberId?: string; dailyCap?: number } & SmsGatewayFlags) => {
      if (!(CHANNELS as readonly string[]).includes(channel)) throw new UserError('INVALID_INPUT', { field: 'channel', detail: CHANNELS.join(', ') });
      const kind = opts.kind ?? (usesSmsHttpFlags(opts) ? 'sms_http' : '');
      if (!(GATEWAY_KINDS as readonly string[]).includes(kind)) throw new UserError('INVALID_INPUT', { field: '--kind', detail: GATEWAY_KINDS.join(', ') });
      if (kind === 'sms_http' && channel !== 'sms') throw new UserError('INVALID_INPUT', { field: '--kind', detail: 'sms_http sends SMS only' });
      if (kind === 'sms_http') return setSmsGateway(opts, globals());
      await withApp(globals(), async ({ call }) => {
        const env = process.env;
        const r = await call('gateways.set', {
          channel: channel as (typeof CHANNELS)[number],
          kind: kind as (typeof GATEWAY_KINDS)[number],
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
