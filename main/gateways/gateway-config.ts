import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { UserError } from '../../shared/errors.js';
import type { App } from '../api/context.js';
import type { Database, GatewaysTable } from '../db/schema.js';
import { openSecrets, sealSecrets } from '../platform/secret-box.js';
import type { Gateway } from './gateway.js';
import { type RunningSimulator, startSimulator } from './simulator-server.js';
import { whatsAppCloudGateway } from './whatsapp-cloud.js';
import { smsHttpGateway } from './sms-http.js';
import { dlrPath, type SmsHttpConfig, smsHttpConfigSchema, type SmsSecrets, simulatorSmsConfig } from './sms-http-config.js';

export type Channel = GatewaysTable['channel'];
export type GatewayKind = GatewaysTable['kind'];

/** What `gateways.config` holds: nothing secret. */
export const gatewayConfigSchema = z.object({
  baseUrl: z.string().url().default('https://graph.facebook.com'),
  version: z.string().regex(/^v\d+\.\d+$/).default('v21.0'),
  phoneNumberId: z.string().min(1).default('SIMULATOR'),
  /** Meta's default throughput per business number. */
  ratePerSecond: z.number().min(0).default(80),
  /** Unique recipients per moving 24 hours (the WhatsApp tier); null: unlimited. */
  dailyCap: z.number().int().min(1).nullable().default(null),
  timeoutMs: z.number().int().min(100).default(15_000),
  maxAttempts: z.number().int().min(1).max(20).default(6),
  templateLanguage: z.string().default('id'),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** What `gateways.secrets` holds, sealed: the access token, the app secret, the webhook verify token. */
export interface GatewaySecrets {
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
}

export interface ResolvedGateway {
  channel: Channel;
  kind: GatewayKind;
  config: GatewayConfig;
  gateway: Gateway;
  appSecret: string | null;
  verifyToken: string | null;
}

/** The simulator `sipeka serve` starts for a channel with no configured gateway. */
let builtIn: { simulator: RunningSimulator; appSecret: string; verifyToken: string; smsDlrToken: string } | null = null;

/**
 * A new install never messages real people: when no gateway is configured, serve starts the
 * simulator in-process, its webhooks pointed back at this server.
 */
export async function ensureSimulatorGateway(app: App, serverUrl: string): Promise<RunningSimulator | null> {
  const configured = await app.ledger.db.selectFrom('gateways').select('channel').execute();
  if (configured.length === 2 || builtIn) return builtIn?.simulator ?? null;
  const appSecret = randomBytes(24).toString('hex');
  // SMS goes through the generic sms_http client to the simulator's SMS side, reports back here.
  const smsDlrToken = randomBytes(24).toString('hex');
  const webhookUrl = new URL('webhooks/whatsapp', serverUrl).toString();
  const simulator = await startSimulator({ webhookUrl, appSecret, smsDlrUrl: new URL(dlrPath(smsDlrToken), serverUrl).toString(), rateLimit: 0, unref: true });
  builtIn = { simulator, appSecret, verifyToken: randomBytes(12).toString('hex'), smsDlrToken };
  app.logger.info(`WhatsApp and SMS go to the built-in simulator at ${simulator.url} (no gateway configured)`);
  return simulator;
}

export async function stopBuiltInSimulator(): Promise<void> {
  const running = builtIn;
  builtIn = null;
  await running?.simulator.close();
}

/** The gateway a channel sends through: the configured one, else the built-in simulator. */
export async function resolveGateway(app: App, channel: Channel): Promise<ResolvedGateway> {
  const row = await app.ledger.db.selectFrom('gateways').selectAll().where('channel', '=', channel).executeTakeFirst();
  if (!row) {
    if (!builtIn) {
      // A command-line dispatch with nothing configured: a private simulator, no webhooks.
      const appSecret = randomBytes(24).toString('hex');
      builtIn = { simulator: await startSimulator({ rateLimit: 0, unref: true }), appSecret, verifyToken: randomBytes(12).toString('hex'), smsDlrToken: randomBytes(24).toString('hex') };
    }
    if (channel === 'sms') return smsResolved('simulator', simulatorSmsConfig(builtIn.simulator.url), null);
    const config = gatewayConfigSchema.parse({ baseUrl: builtIn.simulator.url, ratePerSecond: 0 });
    return { channel, kind: 'simulator', config, gateway: cloudGateway('simulator', config, {}), appSecret: builtIn.appSecret, verifyToken: builtIn.verifyToken };
  }
  if (row.kind === 'sms_http') {
    if (channel !== 'sms') throw new UserError('GATEWAY_KIND_UNSUPPORTED', { kind: row.kind, channel });
    const smsSecrets: SmsSecrets = row.secrets ? openSecrets(app.location.dataDir, row.secrets) : {};
    return smsResolved('sms_http', smsHttpConfigSchema.parse(JSON.parse(row.config)), smsSecrets.authSecret ?? null);
  }
  const config = gatewayConfigSchema.parse(JSON.parse(row.config));
  const secrets: GatewaySecrets = row.secrets ? openSecrets(app.location.dataDir, row.secrets) : {};
  return { channel, kind: row.kind, config, gateway: cloudGateway(row.kind, config, secrets), appSecret: secrets.appSecret ?? null, verifyToken: secrets.verifyToken ?? null };
}

/** The app secret webhooks are signed with, and the verify token Meta's subscription check sends. */
export async function webhookSecrets(app: App): Promise<{ appSecret: string | null; verifyToken: string | null }> {
  const row = await app.ledger.db.selectFrom('gateways').select('secrets').where('channel', '=', 'whatsapp').executeTakeFirst();
  if (!row) return { appSecret: builtIn?.appSecret ?? null, verifyToken: builtIn?.verifyToken ?? null };
  const secrets: GatewaySecrets = row.secrets ? openSecrets(app.location.dataDir, row.secrets) : {};
  return { appSecret: secrets.appSecret ?? null, verifyToken: secrets.verifyToken ?? null };
}

/** How SMS delivery reports are read, and the token their URL must carry; null: no SMS provider takes reports. */
export async function smsDeliverySettings(app: App): Promise<{ config: SmsHttpConfig; token: string } | null> {
  const row = await app.ledger.db.selectFrom('gateways').select(['kind', 'config', 'secrets']).where('channel', '=', 'sms').executeTakeFirst();
  if (!row) return builtIn ? { config: simulatorSmsConfig(builtIn.simulator.url), token: builtIn.smsDlrToken } : null;
  if (row.kind !== 'sms_http' || !row.secrets) return null;
  const secrets: SmsSecrets = openSecrets(app.location.dataDir, row.secrets);
  return secrets.dlrToken ? { config: smsHttpConfigSchema.parse(JSON.parse(row.config)), token: secrets.dlrToken } : null;
}

export interface GatewaySetting {
  channel: Channel;
  kind: GatewayKind;
  config: Partial<GatewayConfig>;
  secrets: GatewaySecrets;
}

/** Saves a channel's gateway; secrets not given keep their stored value. Returns the row without secrets. */
export async function saveGateway(db: Kysely<Database>, dataDir: string, setting: GatewaySetting, by: string, now: Date) {
  // A generic SMS provider has settings of its own: `saveSmsGateway` (gateways.setSms) stores them.
  if (setting.kind === 'sms_http') throw new UserError('INVALID_INPUT', { field: 'kind', detail: 'sms_http is configured with gateways.setSms (sipeka gateway set sms --url …)' });
  const existing = await db.selectFrom('gateways').selectAll().where('channel', '=', setting.channel).executeTakeFirst();
  const before = existing ? gatewayConfigSchema.parse(JSON.parse(existing.config)) : {};
  const config = gatewayConfigSchema.parse({ ...before, ...stripUndefined(setting.config) });
  const oldSecrets: GatewaySecrets = existing?.secrets ? openSecrets(dataDir, existing.secrets) : {};
  const secrets = { ...oldSecrets, ...stripUndefined(setting.secrets) } as Record<string, string>;
  const row = {
    channel: setting.channel,
    kind: setting.kind,
    config: JSON.stringify(config),
    secrets: Object.keys(secrets).length > 0 ? sealSecrets(dataDir, secrets) : null,
    updated_by: by,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('gateways')
    .values(row)
    .onConflict((oc) => oc.column('channel').doUpdateSet({ kind: row.kind, config: row.config, secrets: row.secrets, updated_by: by, updated_at: row.updated_at }))
    .execute();
  return { channel: row.channel, kind: row.kind, config, secretsSet: Object.keys(secrets).sort(), before: existing ? { kind: existing.kind, config: before } : null };
}

/** The dispatcher's view of an SMS provider: its rate and attempts; it has no daily cap. */
function smsResolved(kind: GatewayKind, sms: SmsHttpConfig, secret: string | null): ResolvedGateway {
  const config = gatewayConfigSchema.parse({ baseUrl: sms.url, ratePerSecond: sms.ratePerSecond, timeoutMs: sms.timeoutMs, maxAttempts: sms.maxAttempts });
  return { channel: 'sms', kind, config, gateway: smsHttpGateway(sms, secret, kind), appSecret: null, verifyToken: null };
}

function cloudGateway(kind: GatewayKind, config: GatewayConfig, secrets: GatewaySecrets): Gateway {
  return whatsAppCloudGateway({ ...config, accessToken: secrets.accessToken ?? 'simulator', lookup: kind === 'simulator' }, kind);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
