import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeApp, createApp } from '../../main/app.js';
import { saveSmsGateway, startSimulator } from '../../main/gateways/index.js';
import { dispatchOutbox } from '../../main/reminders/dispatcher.js';
import { startServer } from '../../main/server/index.js';
import { seedOutbox } from '../support/outbox-fixture.js';
import { type Figure, round } from './figure.js';

/**
 * Queued SMS dispatched through the generic sms_http client (form body, API key header, answer
 * read at configured paths) to the simulator's SMS side, whose delivery reports come back to a
 * running server at `/webhooks/sms/<token>` while dispatch goes on: the client's ceiling with no
 * rate limit, and how fast reports are applied. Everything shares this process and one SQLite
 * ledger. 5,000 messages by default; SIPEKA_BENCH_SCALE multiplies it.
 */
export default async function smsDispatchBench(): Promise<Figure[]> {
  const count = Math.max(100, Math.round(5_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-sms-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  const server = await startServer(app, { port: 0 });
  const apiKey = 'bench-sms-api-key-0001';
  const shape = {
    bodyFormat: 'form' as const,
    fields: { to: '{to_msisdn}', text: '{text}', ref: '{ref}' },
    auth: { kind: 'header' as const, header: 'X-Api-Key' },
    successPath: 'status',
    successValue: 'OK',
    errorPath: 'code',
    dlrErrorField: 'err',
    dlrRefField: 'ref',
    ratePerSecond: 0,
    publicUrl: server.url,
  };
  const save = (url: string) => saveSmsGateway(app.ledger.db, dir, { config: { ...shape, url }, authSecret: apiKey, newDlrToken: false }, 'bench', new Date());
  const { dlrUrl } = await save('http://127.0.0.1:9/sms/send');
  const simulator = await startSimulator({ smsDlrUrl: dlrUrl, smsApiKey: apiKey, statusDelayMs: 50, seed: 11 });
  try {
    await save(`${simulator.url}/sms/send`);
    await seedOutbox(app.ledger.db, count);
    await app.ledger.db.updateTable('outbox').set({ channel: 'sms' }).execute();
    const t0 = performance.now();
    const result = await dispatchOutbox(app, { untilEmpty: true, concurrency: 32 });
    const dispatched = (performance.now() - t0) / 1000;
    const delivered = async () => Number((await app.ledger.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', 'in', ['delivered', 'failed']).executeTakeFirstOrThrow()).n);
    const deadline = Date.now() + 120_000;
    while ((await delivered()) < result.sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const settled = (performance.now() - t0) / 1000;
    return [
      { figure: `dispatch ${count.toLocaleString('en')} SMS through sms_http to the simulator, rate unlimited`, value: round(result.sent / dispatched), unit: `msg/s in ${round(dispatched)} s` },
      { figure: '  … sent / retried / failed / unknown', value: result.sent, unit: `/ ${result.retried} / ${result.failed} / ${result.unknown}` },
      { figure: '  … every message delivered or failed by its delivery report', value: round(settled), unit: `s from the first send (${await delivered()} of ${result.sent})` },
      { figure: '  … duplicates the simulator received', value: simulator.duplicates(), unit: 'messages', target: '0' },
    ];
  } finally {
    await simulator.close();
    await server.close();
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
