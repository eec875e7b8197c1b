import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordDeliveryProblem } from '../../main/contacts/index.js';
import type { ContactStashTable } from '../../main/contacts/contact-stash.js';
import { runSync, undoRun } from '../../main/ledger/index.js';
import { type CellChanges, messy, messyBills } from '../support/contacts-fixture.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

/** Later, but within the officers' idle-session limit. */
const LATER = 10 * 60_000;

describe.each(testEngines())("undoing the import that created a taxpayer keeps officers' work on %s", (engine) => {
  let t: TestApp;
  let officer: TestClient;

  beforeEach(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
  });
  afterEach(async () => {
    await t.close();
  });

  const importExport = (changes: CellChanges = {}) => {
    const bills = messyBills(changes);
    const sha = createHash('sha256').update(`${JSON.stringify(changes)}${t.clock.now().toISOString()}`).digest('hex');
    const source = { fileName: 'daftar-ketetapan.xlsx', sha256: sha, sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
    return runSync(t.app.ledger.db, source, { dryRun: false, actor: 'budi', now: t.clock.now() });
  };
  const undo = (runId: number | null) => t.app.ledger.db.transaction().execute((trx) => undoRun(trx, runId as number, 'budi', t.clock.now()));
  /** What the officer sees of a taxpayer, without the ids a new import gives it. */
  const seen = async (key: string) => {
    const detail = await officer.call('contacts.detail', { npwpd: messy(key).npwpd });
    const { taxpayerId: _id, ...contact } = detail.contact as typeof detail.contact & { taxpayerId: number };
    return { contact, history: detail.history, sharedWith: detail.sharedWith.map((s) => s.npwpd) };
  };
  const stash = () => t.app.ledger.db.withTables<{ contact_stash: ContactStashTable }>().selectFrom('contact_stash').selectAll().execute();
  const officerWork = async () => {
    await officer.call('contacts.fixPhone', { npwpd: messy('dash').npwpd, phone: '0813-5555-6666', reason: 'dari kunjungan lapangan' });
    await officer.call('contacts.fixEmail', { npwpd: messy('plain').npwpd, email: 'kasir@pindang.example.com' });
    await t.app.ledger.db.transaction().execute((trx) => recordDeliveryProblem(trx, { phone: '+6281234567897', problem: 'not_on_whatsapp', at: t.clock.now(), detail: 'gateway: not_on_whatsapp' }));
  };

  it('brings back every fix, gateway report and their history when the same taxpayers are imported again', async () => {
    const first = await importExport();
    await officerWork();
    const before = { dash: await seen('dash'), plain: await seen('plain'), spaced: await seen('spaced'), consultantA: await seen('consultantA') };

    t.clock.advance(LATER);
    await undo(first.runId);
    expect((await officer.call('contacts.summary', {})).taxpayers).toBe(0);
    expect((await stash()).map((s) => s.taxpayer_key).sort()).toEqual([messy('dash').npwpd, messy('plain').npwpd, messy('spaced').npwpd].sort());

    t.clock.advance(LATER);
    await importExport();
    expect({ dash: await seen('dash'), plain: await seen('plain'), spaced: await seen('spaced'), consultantA: await seen('consultantA') }).toEqual(before);
    expect(await stash()).toEqual([]);
  });

  it("an export that changed the fixed cell meanwhile raises a conflict, as any re-import would, and keeps the officer's number", async () => {
    const first = await importExport();
    await officerWork();
    await undo(first.runId);
    await importExport({ dash: { phone: '0813-7777-1212' } });
    const dash = await seen('dash');
    expect(dash.contact).toMatchObject({ phone: '+6281355556666', problems: ['conflict'] });
    expect(dash.history.map((h) => h.field)).toEqual(expect.arrayContaining(['phone', 'phone_conflict']));
  });

  it('keeps nothing for contacts that only mirror their export cells', async () => {
    const first = await importExport();
    await undo(first.runId);
    expect(await stash()).toEqual([]);
  });

  it('a second undo of the re-created taxpayer keeps the newer work', async () => {
    const first = await importExport();
    await officerWork();
    await undo(first.runId);
    t.clock.advance(LATER);
    const second = await importExport();
    await officer.call('contacts.fixPhone', { npwpd: messy('dash').npwpd, phone: '0813-9999-0000', reason: 'nomor baru' });
    const latest = await seen('dash');
    await undo(second.runId);
    await importExport();
    expect(await seen('dash')).toEqual(latest);
  });
});
