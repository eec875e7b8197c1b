import type { App } from '../../api/context.js';
import type { PartnerCall, Reply } from './reply.js';
import { logRequest } from './request-log.js';
import { handleSnapToken, handleSnapVa } from './snap.js';
import { snap, type SnapService } from './snap-codes.js';
import { handleV1, v1Error } from './v1.js';

interface Route {
  api: 'v1' | 'snap';
  /** The SNAP service whose codes this route answers with. */
  service: SnapService | null;
  handle(app: App, call: PartnerCall): Promise<Reply>;
}

export const PARTNER_ROUTES: Record<string, Route> = {
  '/v1/inquiry': { api: 'v1', service: null, handle: (app, call) => handleV1(app, call, 'inquiry') },
  '/v1/payment': { api: 'v1', service: null, handle: (app, call) => handleV1(app, call, 'payment') },
  '/v1.0/access-token/b2b': { api: 'snap', service: 'token', handle: handleSnapToken },
  '/v1.0/transfer-va/inquiry': { api: 'snap', service: 'inquiry', handle: (app, call) => handleSnapVa(app, call, 'inquiry') },
  '/v1.0/transfer-va/payment': { api: 'snap', service: 'payment', handle: (app, call) => handleSnapVa(app, call, 'payment') },
};

export function routeOf(path: string): Route | null {
  return Object.hasOwn(PARTNER_ROUTES, path) ? (PARTNER_ROUTES[path] as Route) : null;
}

/**
 * Answers one routed call. A failure inside (the database gone, a bug) is "temporarily
 * unavailable", never success: `91`/503 for v1, SNAP's general error; the transaction that
 * failed has recorded nothing.
 */
export async function answerPartnerCall(app: App, route: Route, call: PartnerCall): Promise<Reply> {
  try {
    return await route.handle(app, call);
  } catch (err) {
    app.logger.error('partner api: a call failed', { endpoint: call.endpoint, error: (err as Error).message });
    const reply = unavailable(route);
    await logRequest(app.ledger.db, call, { partnerId: null, taxId: null, idempotencyKey: null }, reply, app.clock.now()).catch(() => undefined);
    return reply;
  }
}

export function unavailable(route: Route): Reply {
  return route.service === null ? v1Error(503, '91', 'Layanan sedang tidak tersedia, silakan ulangi') : snap.generalError(route.service);
}

/** A body over the cap is refused before it is read in full. */
export function tooLarge(route: Route, limit: number): Reply {
  return route.service === null ? v1Error(413, '30', `Isi permintaan melebihi ${limit} bita`) : snap.invalidFormat(route.service, 'body');
}
