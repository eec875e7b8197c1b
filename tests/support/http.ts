import type { RunningServer } from '../../main/server/index.js';

/** A tiny cookie-keeping HTTP client, as a browser tab would be. */
export class HttpClient {
  cookie: string | null = null;
  constructor(private readonly base: string) {}

  async post(path: string, body: unknown, init: { raw?: string; contentType?: string } = {}): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    const res = await fetch(new URL(path, this.base), { method: 'POST', headers, body: init.raw ?? JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    return { status: res.status, json: await res.json() };
  }

  call(procedure: string, input: unknown = {}) {
    return this.post(`/api/${procedure}`, input);
  }
}

export function clientFor(server: RunningServer): HttpClient {
  return new HttpClient(server.url);
}
