import { hmacSha512Base64, minifyJson, snapStringToSign, snapTokenStringToSign, v1StringToSign } from './signature.js';

export interface PartnerAnswer {
  status: number;
  json: Record<string, unknown>;
}

export interface SignOptions {
  /** Defaults to now in WIB (`+07:00`), as a bank in Indonesia stamps it. */
  timestamp?: string;
  /** Sign these bytes but send `body`: a tampered request. */
  signedBody?: string;
  headers?: Record<string, string>;
}

/**
 * Calls the partner API the way a bank does, signing every request (partner-api.md §2, §4).
 * The tests and the bench use it; it doubles as the reference an integrator can read.
 */
export class PartnerClient {
  constructor(
    private readonly base: string,
    readonly partnerId: string,
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A v1 call; `body` is sent as given when a string, else as its JSON. */
  async v1(path: string, body: unknown, options: SignOptions = {}): Promise<PartnerAnswer> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = options.timestamp ?? wibTimestamp(this.now());
    const signature = hmacSha512Base64(this.secret, v1StringToSign('POST', path, options.signedBody ?? raw, timestamp));
    return this.post(path, raw, { 'x-partner-id': this.partnerId, 'x-timestamp': timestamp, 'x-signature': signature, ...options.headers });
  }

  async snapToken(options: SignOptions = {}): Promise<PartnerAnswer> {
    const timestamp = options.timestamp ?? wibTimestamp(this.now());
    const signature = hmacSha512Base64(this.secret, snapTokenStringToSign(this.partnerId, timestamp));
    return this.post('/v1.0/access-token/b2b', JSON.stringify({ grantType: 'client_credentials' }), { 'x-client-key': this.partnerId, 'x-timestamp': timestamp, 'x-signature': signature, ...options.headers });
  }

  /** A SNAP transfer-va call with a token from snapToken(). */
  async snap(path: string, body: unknown, token: string, externalId: string, options: SignOptions = {}): Promise<PartnerAnswer> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body, null, 1);
    const timestamp = options.timestamp ?? wibTimestamp(this.now());
    const minified = options.signedBody ?? safeMinify(raw);
    const signature = hmacSha512Base64(this.secret, snapStringToSign('POST', path, token, minified, timestamp));
    return this.post(path, raw, {
      authorization: `Bearer ${token}`,
      'x-timestamp': timestamp,
      'x-signature': signature,
      'x-partner-id': this.partnerId,
      'x-external-id': externalId,
      'channel-id': '95231',
      ...options.headers,
    });
  }

  private async post(path: string, raw: string, headers: Record<string, string>): Promise<PartnerAnswer> {
    const res = await fetch(new URL(path, this.base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }
}

/** `2026-11-30T08:00:00.000+07:00`: the instant written in WIB. */
export function wibTimestamp(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
}

function safeMinify(raw: string): string {
  try {
    return minifyJson(JSON.parse(raw));
  } catch {
    return raw;
  }
}
