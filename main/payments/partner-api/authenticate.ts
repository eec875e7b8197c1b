import type { App } from '../../api/context.js';
import { addressAllowed, partnerForAuth, type PartnerForAuth } from '../partner-secrets.js';
import { hmacSha512Base64, signatureMatches, timestampFresh } from './signature.js';

export type Refusal = 'unknown_partner' | 'address' | 'timestamp' | 'signature' | 'token';

export type Authenticated = { ok: true; partner: PartnerForAuth } | { ok: false; refusal: Refusal };

/**
 * Who is calling, checked in the order that reveals least: an unknown or inactive partner, then
 * the caller's address, then the timestamp, then the HMAC over `stringToSign` with the
 * partner's secret. Nothing is read from the body before this passes.
 */
export async function authenticate(
  app: App,
  claimed: { partnerId: string; address: string; timestamp: string; signature: string },
  stringToSign: string,
): Promise<Authenticated> {
  const partner = claimed.partnerId ? await partnerForAuth(app.ledger.db, claimed.partnerId, app.location.dataDir) : null;
  if (!partner || !partner.active) return { ok: false, refusal: 'unknown_partner' };
  if (!addressAllowed(partner.allowlist, claimed.address)) return { ok: false, refusal: 'address' };
  if (!timestampFresh(claimed.timestamp, app.clock.now())) return { ok: false, refusal: 'timestamp' };
  if (!signatureMatches(claimed.signature, hmacSha512Base64(partner.secret, stringToSign))) return { ok: false, refusal: 'signature' };
  return { ok: true, partner };
}

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  unknown_partner: 'Partner tidak dikenal atau tidak aktif',
  address: 'Alamat pemanggil tidak diizinkan untuk partner ini',
  timestamp: 'Timestamp tidak sah atau selisih lebih dari 5 menit',
  signature: 'Tanda tangan tidak sah',
  token: 'Access token tidak sah atau kedaluwarsa',
};
