import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signatures partners put on their calls (partner-api.md §2 and §4). Pure: the same
 * functions sign in the tests and the bench, so a partner's integrator can be shown them.
 */

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacSha512Base64(secret: string, text: string): string {
  return createHmac('sha512', secret).update(text, 'utf8').digest('base64');
}

/** v1: `METHOD:PATH:hex(sha256(body bytes)):TIMESTAMP`, over the bytes exactly as sent. */
export function v1StringToSign(method: string, path: string, body: Buffer | string, timestamp: string): string {
  return `${method.toUpperCase()}:${path}:${sha256Hex(body)}:${timestamp}`;
}

/** SNAP access token: `X-CLIENT-KEY|X-TIMESTAMP`, signed with the partner's secret (see ADR 0009). */
export function snapTokenStringToSign(clientKey: string, timestamp: string): string {
  return `${clientKey}|${timestamp}`;
}

/** SNAP transactional calls: `METHOD:PATH:ACCESS_TOKEN:lowercase(hex(sha256(minified body))):TIMESTAMP`. */
export function snapStringToSign(method: string, path: string, accessToken: string, minifiedBody: string, timestamp: string): string {
  return `${method.toUpperCase()}:${path}:${accessToken}:${sha256Hex(minifiedBody).toLowerCase()}:${timestamp}`;
}

/** SNAP signs the body without insignificant whitespace: re-serialising the parsed JSON gives exactly that. */
export function minifyJson(parsed: unknown): string {
  return JSON.stringify(parsed);
}

/** Compares in constant time, so the time to refuse says nothing about how much was right. */
export function signatureMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** ISO 8601 with an explicit offset (`Z` or `+07:00`); anything else is no timestamp. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** True when the timestamp is well-formed and within five minutes of the server's clock, either side. */
export function timestampFresh(timestamp: string, now: Date): boolean {
  if (!TIMESTAMP.test(timestamp)) return false;
  const at = Date.parse(timestamp);
  return Number.isFinite(at) && Math.abs(at - now.getTime()) <= TIMESTAMP_TOLERANCE_MS;
}
