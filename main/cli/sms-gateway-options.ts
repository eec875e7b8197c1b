import fs from 'node:fs';
import type { Command } from 'commander';
import type { In, Out } from '../../shared/api/index.js';
import { SMS_DLR_STATUSES } from '../../shared/api/gateways.js';
import { UserError } from '../../shared/errors.js';
import { emit, type GlobalOptions, readStdin } from './output.js';
import { withApp } from './session.js';

/** `gateway set sms --url …`: the generic SMS provider's flags, beside the WhatsApp ones. */
export interface SmsGatewayFlags {
  url?: string;
  method?: string;
  bodyFormat?: string;
  field?: string[];
  sender?: string;
  authHeader?: string;
  authBasic?: string;
  authNone?: boolean;
  secretStdin?: boolean;
  secretFile?: string;
  idPath?: string;
  errorPath?: string;
  successPath?: string;
  successValue?: string;
  permanentError?: string[];
  transientError?: string[];
  dlrIdField?: string;
  dlrStatusField?: string;
  dlrErrorField?: string;
  dlrRefField?: string;
  dlrMap?: string[];
  publicUrl?: string;
  newDlrToken?: boolean;
  rate?: number;
  timeoutMs?: number;
  maxAttempts?: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Flags only a generic SMS provider has: any of them means `--kind sms_http`. */
const SMS_ONLY: (keyof SmsGatewayFlags)[] = ['url', 'method', 'bodyFormat', 'field', 'sender', 'authHeader', 'authBasic', 'authNone', 'secretStdin', 'secretFile', 'idPath', 'errorPath', 'successPath', 'successValue', 'permanentError', 'transientError', 'dlrIdField', 'dlrStatusField', 'dlrErrorField', 'dlrRefField', 'dlrMap', 'publicUrl', 'newDlrToken'];

export function usesSmsHttpFlags(flags: SmsGatewayFlags): boolean {
  return SMS_ONLY.some((flag) => flags[flag] !== undefined);
}

export function addSmsGatewayOptions(command: Command): Command {
  return command
    .option('--url <url>', 'SMS (sms_http): the provider\'s send URL')
    .option('--method <m>', 'SMS: POST|GET')
    .option('--body-format <f>', 'SMS: json|form|query')
    .option('--field <name=template>', 'SMS: a request field, repeatable; {to} {to_local} {to_msisdn} {text} {ref} {sender} {secret}', collect)
    .option('--sender <id>', 'SMS: the registered sender id, for {sender}')
    .option('--auth-header <name>', 'SMS: send the secret as this header (Authorization, X-Api-Key)')
    .option('--auth-basic <user>', 'SMS: HTTP basic auth as this user, the secret as password')
    .option('--auth-none', 'SMS: no auth header (the secret may still go in a {secret} field)')
    .option('--secret-stdin', 'SMS: read the secret from standard input')
    .option('--secret-file <file>', 'SMS: read the secret from a file')
    .option('--id-path <path>', 'SMS: where the answer holds the message id, e.g. data.message_id')
    .option('--error-path <path>', 'SMS: where an answer holds the error code')
    .option('--success-path <path>', 'SMS: with --success-value, how a successful answer reads')
    .option('--success-value <v>', 'SMS: the value at --success-path meaning success, e.g. OK')
    .option('--permanent-error <code>', 'SMS: a provider code meaning an invalid number, repeatable', collect)
    .option('--transient-error <code>', 'SMS: a provider code worth a retry, repeatable', collect)
    .option('--dlr-id-field <path>', 'SMS delivery reports: the message id field')
    .option('--dlr-status-field <path>', 'SMS delivery reports: the status field')
    .option('--dlr-error-field <path>', 'SMS delivery reports: the error code field')
    .option('--dlr-ref-field <path>', 'SMS delivery reports: where the provider echoes {ref}')
    .option('--dlr-map <STATUS=ours>', `SMS delivery reports: provider status → ${SMS_DLR_STATUSES.join('|')}, repeatable`, collect)
    .option('--public-url <url>', 'SMS: how the provider reaches this server, for the delivery-report URL')
    .option('--new-dlr-token', 'SMS: a new delivery-report URL (the old one stops working)');
}

/** Configures the SMS channel's generic HTTP provider and prints the delivery-report URL to give it. */
export async function setSmsGateway(flags: SmsGatewayFlags, globals: GlobalOptions): Promise<void> {
  const input = await smsGatewayInput(flags);
  await withApp(globals, async ({ call }) => {
    const r = await call('gateways.setSms', input);
    emit(globals, r, () => describeSmsGateway(r));
  });
}

export async function smsGatewayInput(flags: SmsGatewayFlags): Promise<In<'gateways.setSms'>> {
  return {
    url: flags.url,
    method: oneOf('--method', flags.method?.toUpperCase(), ['POST', 'GET'] as const),
    bodyFormat: oneOf('--body-format', flags.bodyFormat, ['json', 'form', 'query'] as const),
    fields: flags.field ? pairs('--field', flags.field) : undefined,
    sender: flags.sender,
    auth: authOf(flags),
    idPath: flags.idPath,
    errorPath: flags.errorPath,
    successPath: flags.successPath,
    successValue: flags.successValue,
    permanentErrors: flags.permanentError,
    transientErrors: flags.transientError,
    timeoutMs: flags.timeoutMs,
    ratePerSecond: flags.rate,
    maxAttempts: flags.maxAttempts,
    dlrIdField: flags.dlrIdField,
    dlrStatusField: flags.dlrStatusField,
    dlrErrorField: flags.dlrErrorField,
    dlrRefField: flags.dlrRefField,
    dlrStatusMap: flags.dlrMap ? statusMap(flags.dlrMap) : undefined,
    publicUrl: flags.publicUrl,
    authSecret: await secretOf(flags),
    newDlrToken: flags.newDlrToken ?? false,
  };
}

function describeSmsGateway(r: Out<'gateways.setSms'>): string {
  const secrets = Object.entries(r.secrets).map(([name, masked]) => `${name} ${masked}`).join(', ');
  return [`sms: sms_http ${String(r.config.method)} ${String(r.config.url)}`, `secrets: ${secrets}`, `delivery reports: give the provider ${r.dlrUrl}`].join('\n');
}

/** Every channel's gateway, secrets masked. */
export function registerGatewayShow(gateway: Command, globals: () => GlobalOptions): void {
  gateway
    .command('show')
    .description('each channel\'s gateway: kind, settings, secrets masked, the SMS delivery-report URL (token masked)')
    .action(async () => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('gateways.show', {});
        emit(globals(), r, () =>
          r.gateways
            .map((g) => {
              if (!g.configured) return `${g.channel}: built-in simulator (not configured)`;
              const secrets = Object.entries(g.secrets).map(([name, masked]) => `${name} ${masked}`).join(', ') || 'none';
              return [`${g.channel}: ${g.kind} ${JSON.stringify(g.config)}`, `  secrets: ${secrets}`, ...(g.dlrUrl ? [`  delivery reports: ${g.dlrUrl}`] : [])].join('\n');
            })
            .join('\n'),
        );
      });
    });
}

function authOf(flags: SmsGatewayFlags): In<'gateways.setSms'>['auth'] {
  const chosen = [flags.authHeader !== undefined, flags.authBasic !== undefined, flags.authNone === true].filter(Boolean).length;
  if (chosen > 1) throw new UserError('INVALID_INPUT', { field: '--auth-header/--auth-basic/--auth-none', detail: 'choose one' });
  if (flags.authHeader !== undefined) return { kind: 'header', header: flags.authHeader };
  if (flags.authBasic !== undefined) return { kind: 'basic', username: flags.authBasic };
  return flags.authNone ? { kind: 'none' } : undefined;
}

/** The secret never comes from the command line, where `ps` and the shell history would show it. */
async function secretOf(flags: SmsGatewayFlags): Promise<string | undefined> {
  if (flags.secretStdin && flags.secretFile) throw new UserError('INVALID_INPUT', { field: '--secret-stdin/--secret-file', detail: 'choose one' });
  let secret: string | undefined;
  if (flags.secretStdin) secret = await readStdin();
  else if (flags.secretFile) {
    try {
      secret = fs.readFileSync(flags.secretFile, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new UserError('FILE_NOT_FOUND', { path: flags.secretFile });
    }
  } else secret = process.env.SIPEKA_GATEWAY_SMS_SECRET || undefined;
  if (secret !== undefined && secret.trim() === '') throw new UserError('INVALID_INPUT', { field: 'secret', detail: 'empty' });
  return secret;
}

function pairs(flag: string, values: string[]): Record<string, string> {
  return Object.fromEntries(
    values.map((v) => {
      const at = v.indexOf('=');
      if (at < 1) throw new UserError('INVALID_INPUT', { field: flag, detail: `"${v}" is not NAME=VALUE` });
      return [v.slice(0, at), v.slice(at + 1)];
    }),
  );
}

function statusMap(values: string[]): Record<string, (typeof SMS_DLR_STATUSES)[number]> {
  const map = pairs('--dlr-map', values);
  for (const [status, ours] of Object.entries(map)) oneOf(`--dlr-map ${status}`, ours, SMS_DLR_STATUSES);
  return map as Record<string, (typeof SMS_DLR_STATUSES)[number]>;
}

function oneOf<const T extends readonly string[]>(flag: string, value: string | undefined, allowed: T): T[number] | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UserError('INVALID_INPUT', { field: flag, detail: allowed.join(', ') });
  return value as T[number];
}
