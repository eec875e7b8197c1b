import { GatewayError } from './gateway.js';

/**
 * A fetch that threw: a refused connection never reached the gateway, so it is safe to retry.
 * A timeout or a reset may have: the message could be on its way, so it is not resent blindly.
 * The detail is fetch's own message, which names neither the URL nor a header.
 */
export function networkError(err: unknown): GatewayError {
  const cause = (err as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (err as Error).name;
  // fetch refusing the request itself (a bad URL or port) sent nothing either.
  if (!cause && (err as Error).name === 'TypeError') return new GatewayError('transient', 'REQUEST_REFUSED', (err as Error).message);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new GatewayError('transient', code, (err as Error).message);
  }
  return new GatewayError('ambiguous', code === 'TimeoutError' ? 'TIMEOUT' : code, (err as Error).message);
}
