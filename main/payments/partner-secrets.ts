import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { openSecrets, sealSecrets } from '../platform/secret-box.js';

export { addressAllowed } from './ip-allowlist.js';

export interface PartnerForAuth {
  id: string;
  active: boolean;
  /** The secret exactly as shown to the partner once; the HMAC key is its UTF-8 text. */
  secret: string;
  allowlist: string[];
  vaPrefix: string;
}

/**
 * What the partner API needs to check a request's signature and origin. HMAC needs the secret
 * itself, so it is sealed with the data directory's key (platform/secret-box), never hashed;
 * `dataDir` is `app.location.dataDir`.
 */
export async function partnerForAuth(db: Kysely<Database>, partnerId: string, dataDir: string): Promise<PartnerForAuth | null> {
  const row = await db.selectFrom('partners').select(['id', 'active', 'secret_sealed', 'ip_allowlist', 'va_prefix']).where('id', '=', partnerId).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    active: row.active === 1,
    secret: openPartnerSecret(dataDir, row.secret_sealed),
    allowlist: JSON.parse(row.ip_allowlist) as string[],
    vaPrefix: row.va_prefix,
  };
}

/** 32 random bytes, base64url: safe to paste into a bank's configuration screen. */
export function newPartnerSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sealPartnerSecret(dataDir: string, secret: string): string {
  return sealSecrets(dataDir, { secret });
}

function openPartnerSecret(dataDir: string, sealed: string): string {
  const { secret } = openSecrets(dataDir, sealed);
  if (!secret) throw new Error('sealed partner secret holds no secret');
  return secret;
}
