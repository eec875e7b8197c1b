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
  const key = `${dataDir}\u0000${partnerId}`;
  const cached = authCache.get(key);
  if (cached && cached.until > Date.now() && cached.generation === authGeneration) return cached.partner;
  const generation = authGeneration;
  const row = await db.selectFrom('partners').select(['id', 'active', 'secret_sealed', 'ip_allowlist', 'va_prefix']).where('id', '=', partnerId).executeTakeFirst();
  // Unknown ids are not remembered, so a partner added a moment ago is known at its first call.
  if (!row) return null;
  const partner = {
    id: row.id,
    active: row.active === 1,
    secret: openPartnerSecret(dataDir, row.secret_sealed),
    allowlist: JSON.parse(row.ip_allowlist) as string[],
    vaPrefix: row.va_prefix,
  };
  // A read that raced a change (generation moved meanwhile) is used once but not kept.
  if (generation === authGeneration) authCache.set(key, { partner, generation, until: Date.now() + AUTH_CACHE_MS });
  return partner;
}

/**
 * Reading and unsealing the partner on every call cost most of a millisecond, so the unsealed
 * partner is kept for AUTH_CACHE_MS. Safe because every change made through `partners.ts`
 * (this process) calls forgetPartnersForAuth at once, and a change made elsewhere (another
 * process, or SQL by hand) is bounded by the TTL: a disable or rotation then takes effect within
 * AUTH_CACHE_MS. Keyed by data directory too, as the secret is sealed with that directory's key.
 */
export const AUTH_CACHE_MS = 5_000;
const authCache = new Map<string, { partner: PartnerForAuth; generation: number; until: number }>();
let authGeneration = 0;

/** Called by every writer of `partners`: the next call reads the row again. */
export function forgetPartnersForAuth(): void {
  authGeneration += 1;
  authCache.clear();
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
