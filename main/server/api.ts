import type { IncomingMessage, ServerResponse } from 'node:http';
import { contract, isProcedureName } from '../../shared/api/index.js';
import { type Language, UserError } from '../../shared/errors.js';
import type { App, SessionPort } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { toErrorBody } from '../api/errors.js';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { parseJsonBody, readBody } from './read-body.js';

const API_BODY_LIMIT = 1024 * 1024;

/** `POST /api/<procedure>`: the renderer's transport over HTTP. No domain logic lives here. */
export async function handleApi(app: App, req: IncomingMessage, res: ServerResponse, procedure: string): Promise<void> {
  const lang: Language = req.headers['x-sipeka-lang'] === 'en' ? 'en' : 'id';
  let cookie: string | null = null;
  const session: SessionPort = {
    token: readCookie(req.headers.cookie, SESSION_COOKIE),
    set(token) {
      this.token = token;
      cookie = sessionCookie(token, isTls(req));
    },
  };
  try {
    if (req.method !== 'POST') throw new UserError('UNKNOWN_PROCEDURE', { procedure: `${req.method} ${procedure}` });
    const limit = (isProcedureName(procedure) && contract[procedure].bodyLimit) || API_BODY_LIMIT;
    const input = parseJsonBody(await readBody(req, limit), req.headers['content-type']);
    const output = await dispatch(app, { procedure, input, session, origin: `http:${req.socket.remoteAddress ?? '?'}` });
    send(res, 200, output, cookie);
  } catch (err) {
    const { status, body } = toErrorBody(app, err, lang, { procedure });
    // A refused session cookie is cleared so the browser stops sending it.
    if (err instanceof UserError && err.code === 'SESSION_EXPIRED') cookie = sessionCookie(null, isTls(req));
    send(res, status, body, cookie);
  }
}

function isTls(req: IncomingMessage): boolean {
  return 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
}

function send(res: ServerResponse, status: number, body: unknown, cookie: string | null): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (cookie) headers['set-cookie'] = cookie;
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}
