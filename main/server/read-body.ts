import type { IncomingMessage } from 'node:http';
import { UserError } from '../../shared/errors.js';

/** Reads a request body up to `limit` bytes; a larger body is refused before it is buffered. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new UserError('BODY_TOO_LARGE', { limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new UserError('BODY_TOO_LARGE', { limit });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(body: Buffer, contentType: string | undefined): unknown {
  if (!contentType?.toLowerCase().startsWith('application/json')) {
    throw new UserError('BAD_JSON', { detail: 'Content-Type must be application/json' });
  }
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new UserError('BAD_JSON', { detail: (err as Error).message });
  }
}
