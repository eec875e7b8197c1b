import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError } from './gateway.js';
import { readAnswer, smsHttpGateway } from './sms-http.js';
import { type SmsHttpConfig, smsHttpConfigSchema } from './sms-http-config.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A provider that records each request and answers what the test scripted. */
describe('generic SMS HTTP gateway', () => {
  let server: http.Server;
  let base: string;
  const seen: Seen[] = [];
  let answer: { status: number; body: string; delayMs?: number } = { status: 200, body: '{}' };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        setTimeout(() => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(answer.body);
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  beforeEach(() => {
    seen.length = 0;
    answer = { status: 200, body: '{}' };
  });

  const config = (over: Record<string, unknown> = {}): SmsHttpConfig => smsHttpConfigSchema.parse({ url: `${base}/api/send`, timeoutMs: 1000, ...over });
  const message = { ref: '42', to: '+6281234567890', channel: 'sms' as const, text: 'Yth. Warung Uji, pajak Rp 1.000.000 jatuh tempo 30-11-2026.' };
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as GatewayError);

  it('posts a form with the number in each form the provider asks for and the key in its header', async () => {
    answer = { status: 200, body: JSON.stringify({ status: 'OK', data: { message_id: 'prov-1' } }) };
    const gateway = smsHttpGateway(
      config({ bodyFormat: 'form', fields: { msisdn: '{to_msisdn}', local: '{to_local}', e164: '{to}', msg: '{text}', cid: '{ref}', from: '{sender}' }, sender: 'BPPD OKI', auth: { kind: 'header', header: 'X-Api-Key' }, idPath: 'data.message_id' }),
      'kunci-rahasia-penyedia-1',
    );
    expect(await gateway.send(message)).toEqual({ id: 'prov-1' });
    const request = seen[0] as Seen;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['x-api-key']).toBe('kunci-rahasia-penyedia-1');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ msisdn: '6281234567890', local: '081234567890', e164: '+6281234567890', msg: message.text, cid: '42', from: 'BPPD OKI' });
  });

  it('sends nested JSON with basic auth and reads the id from a list in the answer', async () => {
    answer = { status: 200, body: JSON.stringify({ messages: [{ id: 987654, status: 'queued' }] }) };
    const gateway = smsHttpGateway(config({ fields: { 'messages.0.to': '{to_msisdn}', 'messages.0.body': '{text}', client_ref: '{ref}' }, auth: { kind: 'basic', username: 'bppd' }, idPath: 'messages.0.id' }), 'sandi-basic');
    expect(await gateway.send(message)).toEqual({ id: '987654' });
    const request = seen[0] as Seen;
    expect(JSON.parse(request.body)).toEqual({ messages: [{ to: '6281234567890', body: message.text }], client_ref: '42' });
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('bppd:sandi-basic').toString('base64')}`);
  });

  it('puts the fields, the key among them, in the query of a GET', async () => {
    answer = { status: 200, body: JSON.stringify({ message_id: 'g-1' }) };
    const gateway = smsHttpGateway(config({ method: 'GET', bodyFormat: 'query', fields: { userkey: 'bppd', passkey: '{secret}', nohp: '{to_local}', pesan: '{text}' } }), 'pass-123');
    expect(await gateway.send(message)).toEqual({ id: 'g-1' });
    const url = new URL((seen[0] as Seen).url, base);
    expect((seen[0] as Seen).method).toBe('GET');
    expect(Object.fromEntries(url.searchParams)).toEqual({ userkey: 'bppd', passkey: 'pass-123', nohp: '081234567890', pesan: message.text });
  });

  it('fails at once, naming an invalid number, on a listed provider code in a 200 answer', async () => {
    answer = { status: 200, body: JSON.stringify({ status: 'ERROR', code: 'INVALID_NUMBER' }) };
    const gateway = smsHttpGateway(config({ successPath: 'status', successValue: 'OK', errorPath: 'code', permanentErrors: ['INVALID_NUMBER'] }), null);
    expect(await failure(gateway.send(message))).toMatchObject({ kind: 'permanent', code: 'INVALID_NUMBER', numberProblem: 'invalid_number' });
  });

  it('retries 429, 5xx and codes listed as transient; refuses other codes for good', async () => {
    const gateway = smsHttpGateway(config({ successPath: 'status', successValue: 'OK', errorPath: 'code', transientErrors: ['NO_BALANCE'] }), null);
    answer = { status: 429, body: '{"status":"ERROR","code":"THROTTLED"}' };
    expect(await failure(gateway.send(message))).toMatchObject({ kind: 'transient', code: 'THROTTLED' });
    answer = { status: 502, body: '<html>Bad gateway</html>' };
    expect(await failure(gateway.send(message))).toMatchObject({ kind: 'transient', code: 'HTTP_502' });
    answer = { status: 200, body: '{"status":"ERROR","code":"NO_BALANCE"}' };
    expect(await failure(gateway.send(message))).toMatchObject({ kind: 'transient', code: 'NO_BALANCE' });
    answer = { status: 200, body: '{"status":"ERROR","code":"SENDER_NOT_REGISTERED"}' };
    expect(await failure(gateway.send(message))).toMatchObject({ kind: 'permanent', code: 'SENDER_NOT_REGISTERED', numberProblem: null });
  });

  it('treats an accepted answer without a message id as ambiguous: the provider may have the message', async () => {
    answer = { status: 200, body: 'OK' };
    expect(await failure(smsHttpGateway(config(), null).send(message))).toMatchObject({ kind: 'ambiguous', code: 'NO_ID' });
  });

  it('retries a refused connection but not a timeout, and no error carries the secret', async () => {
    const secret = 'kunci-yang-tidak-boleh-bocor';
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = smsHttpGateway(smsHttpConfigSchema.parse({ url: `http://127.0.0.1:${port}/send`, fields: { key: '{secret}', to: '{to}', text: '{text}' }, method: 'GET', bodyFormat: 'query' }), secret);
    const refused = await failure(gone.send(message));
    expect(refused).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
    answer = { status: 200, body: '{"message_id":"late"}', delayMs: 400 };
    const timedOut = await failure(smsHttpGateway(config({ timeoutMs: 100, auth: { kind: 'header', header: 'Authorization' } }), `Bearer ${secret}`).send(message));
    expect(timedOut).toBeInstanceOf(GatewayError);
    expect(timedOut).toMatchObject({ kind: 'ambiguous', code: 'TIMEOUT' });
    answer = { status: 400, body: JSON.stringify({ error: `bad key ${secret}` }) };
    const echoed = await failure(smsHttpGateway(config({ errorPath: 'error', fields: { key: '{secret}', to: '{to}', text: '{text}' } }), secret).send(message));
    expect(echoed?.kind).toBe('permanent');
    for (const e of [refused, timedOut, echoed]) expect(`${e?.message} ${e?.code} ${e?.detail}`).not.toContain(secret);
  });

  it('reads "error": 0 in a successful answer as no error', () => {
    const c = config({ errorPath: 'error', idPath: 'id' });
    expect(readAnswer(c, 200, '{"error":0,"id":"x1"}')).toEqual({ id: 'x1' });
    expect(readAnswer(c, 200, '{"error":"E21","id":null}')).toMatchObject({ kind: 'permanent', code: 'E21' });
  });

  it('refuses a configuration that cannot send: no text, no number, an unknown placeholder, a GET with a body', () => {
    const issues = (over: Record<string, unknown>) => smsHttpConfigSchema.safeParse({ url: 'http://x.test/', ...over }).error?.issues.map((i) => i.message).join('; ');
    expect(issues({ fields: { to: '{to}' } })).toContain('{text}');
    expect(issues({ fields: { text: '{text}' } })).toContain('number');
    expect(issues({ fields: { to: '{to}', text: '{txt}' } })).toContain('unknown placeholder {txt}');
    expect(issues({ method: 'GET', bodyFormat: 'json' })).toContain('query');
    expect(issues({ fields: { '__proto__.x': '{to}', text: '{text}' } })).toContain('not a usable field name');
  });
});
