import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSimulatorGateway, type RunningSimulator, startSimulator, stopBuiltInSimulator } from '../../main/gateways/index.js';
import { runSync, type SyncSource } from '../../main/ledger/index.js';
import { planReminders } from '../../main/reminders/index.js';
import { dispatchOutbox } from '../../main/reminders/dispatcher.js';
import { type RunningServer, startServer } from '../../main/server/index.js';
import type { In } from '../../shared/api/index.js';
import { runCli } from '../support/cli.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

const SECRET = 'kunci-api-penyedia-sms-rahasia-7781';
/** Taxpayer 0's number ends in 0000: the simulator's dead range. */
const phone = (i: number) => `+62813555500${String(i).padStart(2, '0')}`;
const npwpd = (i: number) => `P.2.01100${String(i).padStart(2, '0')}.16.02`;

/** The simulator's SMS side as a provider would be configured on the screen or with `gateway set sms`. */
const simulatorShape = (url: string, publicUrl: string): In<'gateways.setSms'> => ({
  url,
  bodyFormat: 'form',
  fields: { to: '{to_msisdn}', text: '{text}', ref: '{ref}' },
  auth: { kind: 'header', header: 'X-Api-Key' },
  authSecret: SECRET,
  successPath: 'status',
  successValue: 'OK',
  errorPath: 'code',
  idPath: 'message_id',
  permanentErrors: ['INVALID_NUMBER', 'UNDELIV'],
  dlrIdField: 'message_id',
  dlrStatusField: 'status',
  dlrErrorField: 'err',
  dlrRefField: 'ref',
  ratePerSecond: 0,
  publicUrl,
});

describe.each(testEngines())('generic SMS HTTP gateway (%s)', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let server: RunningServer;
  let simulator: RunningSimulator | null = null;
  let provider: FakeProvider | null = null;

  afterEach(async () => {
    await simulator?.close();
    await provider?.close();
    simulator = null;
    provider = null;
    await server?.close();
    await t?.close();
  });

  /** `count` taxpayers with a bill due in 7 days; only SMS templates approved, so the plan is all SMS. */
  async function ledgerWithSmsReminders(count: number): Promise<void> {
    t = await createTestApp(engine);
    await seedUsers(t);
    admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    const bills = Array.from({ length: count }, (_, i) =>
      snapshotBill(`KB-SMS-${i}`, { npwpd: npwpd(i), namaWp: `Warung Sms ${i}`, rawPhone: `0${phone(i).slice(3)}`, dueDate: '2026-11-30' }),
    );
    const source: SyncSource = { fileName: 'sms.xlsx', sha256: 'sms', sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
    await runSync(t.app.ledger.db, source, { dryRun: false, actor: 'test', now: t.clock.now() });
    await t.app.ledger.db.updateTable('templates').set({ status: 'approved', decided_by: 'head', decided_at: t.clock.now().toISOString() }).where('channel', '=', 'sms').execute();
    const plan = await planReminders(t.app.ledger.db, { actor: 'test', now: t.clock.now() });
    expect(plan.by_channel).toEqual({ whatsapp: 0, sms: count });
    server = await startServer(t.app, { port: 0 });
  }

  const outbox = () => t.app.ledger.db.selectFrom('outbox').select(['id', 'recipient', 'state', 'attempts', 'gateway', 'gateway_message_id', 'error_code']).orderBy('id').execute();
  const contactOf = (i: number) =>
    t.app.ledger.db
      .selectFrom('contacts')
      .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
      .select(['contacts.sms_phone', 'contacts.phone_source'])
      .where('taxpayers.npwpd', '=', npwpd(i))
      .executeTakeFirstOrThrow();
  const report = (path: string, fields: Record<string, string>) =>
    fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  it('sends planned SMS reminders through sms_http to the simulator; its delivery reports end them delivered, or failed with the contact marked', async () => {
    await ledgerWithSmsReminders(5);
    // The report URL must exist before the simulator that posts to it; the send URL is set once it runs.
    const first = await admin.call('gateways.setSms', simulatorShape('http://127.0.0.1:9/sms/send', server.url));
    simulator = await startSimulator({ smsDlrUrl: first.dlrUrl, smsApiKey: SECRET, statusDelayMs: 20, seed: 5 });
    const set = await admin.call('gateways.setSms', { url: `${simulator.url}/sms/send` });
    expect(set.dlrUrl).toBe(first.dlrUrl);
    expect(set.dlrUrl.startsWith(`${server.url}webhooks/sms/`)).toBe(true);

    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 5, failed: 0, retried: 0, unknown: 0 });
    await waitFor(async () => (await outbox()).every((m) => m.state === 'delivered' || m.state === 'failed'));
    const rows = await outbox();
    expect(rows.every((m) => m.gateway === 'sms_http' && m.gateway_message_id?.startsWith('sms-'))).toBe(true);
    // Taxpayer 0's number ends in 0000, the simulator's dead range: accepted, then undeliverable.
    expect(rows.map((m) => [m.recipient, m.state, m.error_code])).toEqual([0, 1, 2, 3, 4].map((i) => [phone(i), i === 0 ? 'failed' : 'delivered', i === 0 ? 'UNDELIV' : null]));
    const dead = await contactOf(0);
    expect(dead).toEqual({ sms_phone: null, phone_source: 'delivery' });
    expect(await contactOf(1)).toEqual({ sms_phone: phone(1), phone_source: 'export' });
    expect(simulator.received.map((m) => m.to).sort()).toEqual(rows.map((m) => m.recipient.slice(1)).sort());
    expect(simulator.received.find((m) => m.to === phone(0).slice(1))?.text).toContain('Warung Sms 0');
    expect(simulator.duplicates()).toBe(0);
  });

  it('a new install sends SMS through the generic client to the built-in simulator, whose reports come back to serve', async () => {
    await ledgerWithSmsReminders(3);
    const builtIn = await ensureSimulatorGateway(t.app, server.url);
    try {
      expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 3 });
      expect(builtIn?.received.map((m) => m.id.startsWith('sms-'))).toEqual([true, true, true]);
      await waitFor(async () => (await outbox()).every((m) => m.state === 'delivered' || m.state === 'failed'));
      expect((await outbox()).map((m) => [m.gateway, m.state])).toEqual([['simulator', 'failed'], ['simulator', 'delivered'], ['simulator', 'delivered']]);
      expect((await admin.call('gateways.show', {})).gateways.map((g) => [g.channel, g.configured])).toEqual([['whatsapp', false], ['sms', false]]);
    } finally {
      await stopBuiltInSimulator();
    }
  });

  it('changes nothing on a report to a wrong token, and applies the same report at the right one', async () => {
    await ledgerWithSmsReminders(1);
    const set = await admin.call('gateways.setSms', simulatorShape('http://127.0.0.1:9/sms/send', server.url));
    simulator = await startSimulator({ smsApiKey: SECRET, seed: 5 });
    await admin.call('gateways.setSms', { url: `${simulator.url}/sms/send` });
    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 1 });
    const [sent] = await outbox();
    const delivered = { message_id: sent?.gateway_message_id ?? '', status: 'DELIVRD', err: '000' };
    const token = new URL(set.dlrUrl).pathname.split('/').at(-1) as string;
    expect((await report(`webhooks/sms/${token.slice(0, -1)}x`, delivered)).status).toBe(404);
    expect((await report('webhooks/sms/', delivered)).status).toBe(404);
    expect((await fetch(new URL(`webhooks/sms/nope?${new URLSearchParams(delivered).toString()}`, server.url))).status).toBe(404);
    expect((await outbox())[0]?.state).toBe('sent');
    expect(await t.app.ledger.db.selectFrom('message_events').select('id').where('state', '=', 'delivered').execute()).toHaveLength(0);

    const accepted = await report(new URL(set.dlrUrl).pathname, delivered);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ applied: 1, ignored: 0 });
    // A late ACCEPTD after DELIVRD, as a GET with a query this time, does not move the message back.
    const late = await fetch(`${set.dlrUrl}?${new URLSearchParams({ ...delivered, status: 'ACCEPTD' }).toString()}`);
    expect(await late.json()).toMatchObject({ applied: 0, stale: 1 });
    expect((await report(new URL(set.dlrUrl).pathname, { message_id: 'x' })).status).toBe(200);
    const unreadable = await fetch(set.dlrUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message_id":' });
    expect(unreadable.status).toBe(400);
    expect((await outbox())[0]?.state).toBe('delivered');
  });

  it('fails an invalid number at once and marks the contact; retries 429 and 5xx until the provider takes the message', async () => {
    await ledgerWithSmsReminders(3);
    provider = await fakeProvider((fields, attempt) => {
      if (fields.nohp === `0${phone(1).slice(3)}`) return attempt === 1 ? [429, { status: 'ERROR', code: 'THROTTLED' }] : attempt === 2 ? [503, { status: 'ERROR', code: 'BUSY' }] : [200, { status: 'OK', data: { id: `p-${fields.ref}` } }];
      if (fields.nohp === `0${phone(2).slice(3)}`) return [200, { status: 'ERROR', code: 'INVALID_NUMBER' }];
      return [200, { status: 'OK', data: { id: `p-${fields.ref}` } }];
    });
    await admin.call('gateways.setSms', {
      url: provider.url,
      bodyFormat: 'form',
      fields: { nohp: '{to_local}', pesan: '{text}', ref: '{ref}' },
      auth: { kind: 'header', header: 'X-Api-Key' },
      authSecret: SECRET,
      successPath: 'status',
      successValue: 'OK',
      errorPath: 'code',
      idPath: 'data.id',
      permanentErrors: ['INVALID_NUMBER'],
      ratePerSecond: 0,
    });
    expect(await dispatchOutbox(t.app, { concurrency: 1 })).toMatchObject({ sent: 1, retried: 1, failed: 1 });
    const invalid = (await outbox()).find((m) => m.recipient === phone(2));
    expect(invalid).toMatchObject({ state: 'failed', attempts: 1, error_code: 'INVALID_NUMBER' });
    expect(await contactOf(2)).toEqual({ sms_phone: null, phone_source: 'delivery' });

    t.clock.advance(10 * 60_000);
    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 0, retried: 1 });
    t.clock.advance(10 * 60_000);
    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 1, retried: 0 });
    const retried = (await outbox()).find((m) => m.recipient === phone(1));
    expect(retried).toMatchObject({ state: 'sent', attempts: 3, gateway_message_id: `p-${retried?.id}` });
    expect(provider.requests.every((r) => r.apiKey === SECRET && r.contentType === 'application/x-www-form-urlencoded')).toBe(true);
    expect(provider.requests.filter((r) => r.fields.nohp === `0${phone(1).slice(3)}`)).toHaveLength(3);
  });

  it('never shows or logs the secret: gateway show masks it, the audit log and the log file do not hold it', async () => {
    await ledgerWithSmsReminders(1);
    const set = await admin.call('gateways.setSms', simulatorShape('http://127.0.0.1:9/sms/send', server.url));
    const token = new URL(set.dlrUrl).pathname.split('/').at(-1) as string;
    expect(set.secrets).toEqual({ authSecret: `****${SECRET.slice(-4)}`, dlrToken: `****${token.slice(-4)}` });
    // Refused sends and refused reports are what gets logged: neither may carry the secret.
    await report('webhooks/sms/wrong-token', { message_id: 'x', status: 'DELIVRD' });
    await dispatchOutbox(t.app);
    const shown = JSON.stringify(await admin.call('gateways.show', {}));
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(token);
    expect(shown).toContain('"authSecret":"****');
    const audit = JSON.stringify(await t.app.ledger.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).toContain('gateways.setSms');
    expect(audit).not.toContain(SECRET);
    await waitFor(async () => fs.existsSync(t.app.logger.file) && fs.readFileSync(t.app.logger.file, 'utf8').includes('sms delivery report: refused'));
    const log = fs.readFileSync(t.app.logger.file, 'utf8');
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(token);
    const row = await t.app.ledger.db.selectFrom('gateways').selectAll().where('channel', '=', 'sms').executeTakeFirstOrThrow();
    expect(`${row.config}${row.secrets}`).not.toContain(SECRET);
  });

  it('configures the SMS provider from the command line (secret on stdin, never printed) and sends a test SMS through it', async () => {
    t = await createTestApp(engine);
    simulator = await startSimulator({ smsApiKey: SECRET, seed: 2 });
    const flags = [...t.database.flags, '--json'];
    const env = { SIPEKA_DATA_DIR: t.database.dir };
    const set = await runCli(
      [
        ...flags, 'gateway', 'set', 'sms', '--url', `${simulator.url}/sms/send`, '--method', 'post', '--body-format', 'form',
        '--field', 'to={to_msisdn}', '--field', 'text={text}', '--field', 'ref={ref}', '--auth-header', 'X-Api-Key', '--secret-stdin',
        '--id-path', 'message_id', '--success-path', 'status', '--success-value', 'OK', '--error-path', 'code', '--permanent-error', 'INVALID_NUMBER',
        '--dlr-id-field', 'message_id', '--dlr-status-field', 'status', '--dlr-map', 'DELIVRD=delivered', '--dlr-map', 'UNDELIV=failed',
        '--public-url', 'https://sipeka.bppd-oki.test/', '--rate', '5',
      ],
      { env, stdin: `${SECRET}\n` },
    );
    expect(set.code, set.stderr).toBe(0);
    const answer = set.json();
    expect(answer).toMatchObject({ channel: 'sms', kind: 'sms_http', config: { method: 'POST', bodyFormat: 'form', ratePerSecond: 5, dlrStatusMap: { DELIVRD: 'delivered', UNDELIV: 'failed' } } });
    expect(answer.dlrUrl).toMatch(/^https:\/\/sipeka\.bppd-oki\.test\/webhooks\/sms\/[\w-]{20,}$/);
    expect(answer.secrets.authSecret).toBe(`****${SECRET.slice(-4)}`);
    expect(set.stdout + set.stderr).not.toContain(SECRET);

    const test = await runCli([...flags, 'gateway', 'test', 'sms', '--to', '+6281234567891'], { env });
    expect(test.code, test.stderr).toBe(0);
    expect(test.json()).toMatchObject({ gateway: 'sms_http', id: expect.stringMatching(/^sms-/) });
    expect(simulator.received).toHaveLength(1);
    expect(simulator.received[0]).toMatchObject({ to: '6281234567891', text: 'SI PEKA test' });

    const show = await runCli([...flags, 'gateway', 'show'], { env });
    expect(show.code, show.stderr).toBe(0);
    const sms = show.json().gateways.find((g: { channel: string }) => g.channel === 'sms');
    expect(sms).toMatchObject({ kind: 'sms_http', configured: true, secrets: { authSecret: `****${SECRET.slice(-4)}` } });
    expect(sms.dlrUrl).toMatch(/\/webhooks\/sms\/\*\*\*\*[\w-]{4}$/);
    expect(show.stdout).not.toContain(SECRET);
    expect(show.stdout).not.toContain(new URL(answer.dlrUrl).pathname);
  });
});

interface FakeProvider {
  url: string;
  requests: { fields: Record<string, string>; apiKey: string | undefined; contentType: string | undefined }[];
  close(): Promise<void>;
}

/** A provider that takes a form and an API key header, answering from a script per number and attempt. */
async function fakeProvider(answer: (fields: Record<string, string>, attempt: number) => [number, unknown]): Promise<FakeProvider> {
  const requests: FakeProvider['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const apiKey = req.headers['x-api-key'] as string | undefined;
      requests.push({ fields, apiKey, contentType: req.headers['content-type'] });
      const attempt = requests.filter((r) => r.fields.nohp === fields.nohp).length;
      const [status, body] = apiKey === SECRET ? answer(fields, attempt) : [401, { status: 'ERROR', code: 'UNAUTHORIZED' }];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sms`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
