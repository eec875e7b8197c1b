import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import { createUser } from '../../main/auth/index.js';
import { loadDemo } from '../../main/ledger/demo/index.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, type TestDatabase, testEngines } from '../support/engines.js';

const fresh = freshDatabases();

const TEMPLATE = {
  name: 'Pengingat H-3 (SMS) singkat',
  channel: 'sms',
  language: 'id',
  purpose: 'H-3',
  body: 'Yth. {nama_wp}, {jenis_pajak} {objek_pajak} sebesar {total} jatuh tempo {jatuh_tempo}. Kode bayar {kode_bayar}.',
} as const;

/**
 * A ledger with a head `kepala` and an officer `budi` and the template above as a file; with
 * `demo`, also demo bills and the template saved by budi. Made in-process: every `sipeka` run
 * starts a TypeScript runtime, so the commands under test are the only ones run.
 */
async function ledgerWithStaff(engine: TestDatabase['engine'], options: { demo?: boolean } = {}) {
  const d = await fresh(engine);
  const env = { SIPEKA_DATA_DIR: d.dir };
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env });
  let templateId: number | null = null;
  try {
    const now = app.clock.now();
    await createUser(app.ledger.db, { username: 'kepala', fullName: 'Kepala Bidang', role: 'head', password: 'rahasia-kepala' }, now);
    await createUser(app.ledger.db, { username: 'budi', fullName: 'Budi', role: 'officer', password: 'rahasia-budi' }, now);
    if (options.demo) {
      const actor = { username: 'budi', role: 'officer' } as const;
      await loadDemo(app.ledger.db, { taxpayers: 5, seed: 2, today: '2026-11-23', force: false, actor, origin: 'test', now });
      const session = { token: null, set: () => undefined };
      const created = (await dispatch(app, { procedure: 'templates.create', input: TEMPLATE, session, origin: 'test', actor: { ...actor, userId: null } })) as { template: { id: number } };
      templateId = created.template.id;
    }
  } finally {
    await closeApp(app);
  }
  const file = path.join(d.dir, 'templat.json');
  fs.writeFileSync(file, JSON.stringify(TEMPLATE));
  return { sipeka: (args: string[]) => runCli([...d.flags, ...args], { env }), file, templateId: String(templateId), database: d };
}

describe.each(testEngines())('sipeka templates on %s', (engine) => {
  it('the local administrator writes and submits; an officer cannot approve, a head can', async () => {
    const { sipeka, file } = await ledgerWithStaff(engine);
    const created = await sipeka(['--json', 'templates', 'create', '--file', file]);
    expect(created.code).toBe(0);
    expect(created.json().template.createdBy).toMatch(/^cli:/);
    const id = String(created.json().template.id);
    expect((await sipeka(['--json', 'templates', 'submit', id])).json().template.status).toBe('submitted');

    const asOfficer = await sipeka(['--json', 'templates', 'approve', id, '--as', 'budi']);
    expect(asOfficer.code).toBe(1);
    expect(asOfficer.json().error.code).toBe('FORBIDDEN');
    const nobody = await sipeka(['templates', 'approve', id]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('--as');

    const approved = await sipeka(['--json', 'templates', 'approve', id, '--as', 'kepala']);
    expect(approved.json().template).toMatchObject({ status: 'approved', usable: true, decidedBy: 'kepala' });
  });

  it("lists templates and previews one filled with a real taxpayer's bills", async () => {
    const { sipeka, templateId, database } = await ledgerWithStaff(engine, { demo: true });
    const listed = (await sipeka(['--json', 'templates', 'list', '--purpose', 'H-3', '--channel', 'sms'])).json().templates;
    expect(listed.map((t: { createdBy: string; status: string }) => [t.createdBy, t.status])).toEqual([
      ['system', 'draft'],
      ['budi', 'draft'],
    ]);

    const app = await createApp({ db: database.db, databaseUrl: database.databaseUrl, env: { SIPEKA_DATA_DIR: database.dir } });
    const bill = await app.ledger.db
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .select(['taxpayers.npwpd', 'bills.kode_bayar'])
      .where('bills.status', '=', 'unpaid')
      .where('taxpayers.npwpd', 'is not', null)
      .orderBy('bills.due_date')
      .limit(1)
      .executeTakeFirstOrThrow()
      .finally(() => closeApp(app));
    const preview = await sipeka(['--json', 'templates', 'preview', templateId, '--npwpd', bill.npwpd as string]);
    expect(preview.code).toBe(0);
    const out = preview.json();
    expect(Object.keys(out).sort()).toEqual(['channel', 'characters', 'encoding', 'sms_parts', 'text', 'whatsapp_parameters']);
    expect(out).toMatchObject({ channel: 'sms', encoding: 'GSM-7', whatsapp_parameters: null });
    expect(out.text).toContain(bill.kode_bayar);
    expect(out.sms_parts).toBeGreaterThanOrEqual(1);
  });

  it('a head can neither approve nor reject their own template; reject requires --reason', async () => {
    const { sipeka, file } = await ledgerWithStaff(engine);
    const id = String((await sipeka(['--as', 'kepala', '--json', 'templates', 'create', '--file', file])).json().template.id);
    await sipeka(['--as', 'kepala', 'templates', 'submit', id]);
    const own = await sipeka(['--json', 'templates', 'approve', id, '--as', 'kepala']);
    expect(own.code).toBe(1);
    expect(own.json().error).toMatchObject({ code: 'TEMPLATE_OWN_DECISION', params: { field: 'created_by' } });

    expect((await sipeka(['templates', 'reject', id, '--as', 'kepala'])).code).toBe(2);
    const rejected = await sipeka(['--json', 'templates', 'reject', id, '--reason', 'Terlalu panjang', '--as', 'kepala']);
    expect(rejected.json().error.code).toBe('TEMPLATE_OWN_DECISION');
  });

  it('names the file it cannot read', async () => {
    const { sipeka } = await ledgerWithStaff(engine);
    const res = await sipeka(['--json', 'templates', 'create', '--file', 'tidak-ada.json']);
    expect(res.code).toBe(1);
    expect(res.json().error).toMatchObject({ code: 'FILE_NOT_FOUND', params: { path: 'tidak-ada.json' } });
  });
});
