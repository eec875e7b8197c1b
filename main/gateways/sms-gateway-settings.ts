import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import { openSecrets, sealSecrets } from '../platform/secret-box.js';
import { maskSecrets } from './secret-mask.js';
import { dlrPath, type SmsHttpConfig, smsHttpConfigSchema, type SmsSecrets } from './sms-http-config.js';

/** Where the delivery-report URL points when the administrator has not said how providers reach us: `sipeka serve`'s default. */
const LOCAL_SERVER = 'http://127.0.0.1:8750/';

export interface SmsGatewaySetting {
  /** Settings to change; the others keep their stored value. */
  config: Partial<SmsHttpConfig>;
  authSecret?: string | undefined;
  newDlrToken: boolean;
}

export interface SavedSmsGateway {
  config: SmsHttpConfig;
  /** Secret name → masked value. */
  secrets: Record<string, string>;
  dlrUrl: string;
  /** Which secrets this save set, for the audit log (names only). */
  secretsChanged: string[];
  before: { kind: string; config: unknown } | null;
}

/**
 * Points the SMS channel at a generic HTTP provider. A delivery-report token is made the first
 * time (and on request): the report URL carries it, so only the provider can post reports.
 */
export async function saveSmsGateway(db: Kysely<Database>, dataDir: string, setting: SmsGatewaySetting, by: string, now: Date): Promise<SavedSmsGateway> {
  const existing = await db.selectFrom('gateways').selectAll().where('channel', '=', 'sms').executeTakeFirst();
  const stored = existing?.kind === 'sms_http' ? (JSON.parse(existing.config) as Partial<SmsHttpConfig>) : {};
  const parsed = smsHttpConfigSchema.safeParse({ ...stored, ...withoutUndefined(setting.config) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError('GATEWAY_CONFIG_INVALID', { field: issue?.path.join('.') || 'config', detail: issue?.message ?? 'invalid' });
  }
  const config = parsed.data;
  const oldSecrets: SmsSecrets = existing?.kind === 'sms_http' && existing.secrets ? openSecrets(dataDir, existing.secrets) : {};
  const secrets: SmsSecrets = { ...oldSecrets };
  const secretsChanged: string[] = [];
  if (setting.authSecret !== undefined) {
    secrets.authSecret = setting.authSecret;
    secretsChanged.push('authSecret');
  }
  if (!secrets.dlrToken || setting.newDlrToken) {
    secrets.dlrToken = randomBytes(24).toString('base64url');
    secretsChanged.push('dlrToken');
  }
  const need = secretNeed(config);
  if (need && !secrets.authSecret) throw new UserError('GATEWAY_SECRET_MISSING', { need });
  const row = {
    channel: 'sms' as const,
    kind: 'sms_http' as const,
    config: JSON.stringify(config),
    secrets: sealSecrets(dataDir, secrets as Record<string, string>),
    updated_by: by,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('gateways')
    .values(row)
    .onConflict((oc) => oc.column('channel').doUpdateSet({ kind: row.kind, config: row.config, secrets: row.secrets, updated_by: by, updated_at: row.updated_at }))
    .execute();
  return {
    config,
    secrets: maskSecrets(secrets as Record<string, string>),
    dlrUrl: dlrUrl(config, secrets.dlrToken),
    secretsChanged,
    before: existing ? { kind: existing.kind, config: JSON.parse(existing.config) as unknown } : null,
  };
}

export function dlrUrl(config: Pick<SmsHttpConfig, 'publicUrl'>, token: string): string {
  const base = config.publicUrl ?? LOCAL_SERVER;
  return new URL(dlrPath(token), base.endsWith('/') ? base : `${base}/`).toString();
}

/** What the configuration says the secret is for; null when it needs none. */
function secretNeed(config: SmsHttpConfig): string | null {
  if (config.auth.kind === 'header') return `header ${config.auth.header}`;
  if (config.auth.kind === 'basic') return `basic auth password for ${config.auth.username}`;
  return Object.values(config.fields).some((t) => t.includes('{secret}')) ? '{secret} in the fields' : null;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
