import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/ledger/demo/index.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

const TODAY = '2026-11-23';

describe.each(testEngines())('ledger queries on %s', (engine) => {
  let t: TestApp;
  let officer: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine, {});
    await seedUsers(t);
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    await loadDemo(t.app.ledger.db, { taxpayers: 120, seed: 5, today: TODAY, force: false, actor: { username: 'officer', role: 'officer' }, origin: 'test', now: t.clock.now() });
  });
  afterAll(async () => {
    await t.close();
  });

  async function allBills() {
    return t.app.ledger.db.selectFrom('bills').innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id').select(['bills.kode_bayar', 'bills.status', 'bills.due_date', 'bills.principal', 'taxpayers.npwpd', 'taxpayers.kecamatan']).execute();
  }

  it('counts the same bills the summary and the filters do', async () => {
    const bills = await allBills();
    const summary = await officer.call('ledger.summary', { asOf: TODAY });
    expect(summary.bills).toBe(bills.length);
    const unpaid = bills.filter((b) => b.status === 'unpaid');
    expect(summary.unpaidPrincipal).toBe(unpaid.reduce((s, b) => s + b.principal, 0));
    const overdue = unpaid.filter((b) => b.due_date < TODAY);
    const page = await officer.call('ledger.bills', { filter: { overdue: true }, limit: 1000 });
    expect(page.total).toBe(Math.min(overdue.length, 10_000));
    expect(page.rows.every((r) => r.status === 'unpaid' && r.dueDate < page.asOf)).toBe(true);
  });

  it('sorts by amount, largest first, across pages', async () => {
    const first = await officer.call('ledger.bills', { filter: { status: 'unpaid' }, sort: 'principal', direction: 'desc', limit: 50 });
    const second = await officer.call('ledger.bills', { filter: { status: 'unpaid' }, sort: 'principal', direction: 'desc', limit: 50, offset: 50 });
    const amounts = [...first.rows, ...second.rows].map((r) => r.principal);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(100);
  });

  it('finds a bill by its code, a taxpayer by NPWPD (spaces and case ignored) and by part of a name', async () => {
    const bills = await allBills();
    const one = bills[17] as (typeof bills)[number];
    const byCode = await officer.call('ledger.bills', { filter: { search: one.kode_bayar } });
    expect(byCode.rows.map((r) => r.kodeBayar)).toEqual([one.kode_bayar]);
    const messyNpwpd = ` ${(one.npwpd as string).toLowerCase().replace('.', ' .')} `;
    const byNpwpd = await officer.call('ledger.bills', { filter: { search: messyNpwpd }, limit: 1000 });
    expect(byNpwpd.total).toBe(bills.filter((b) => b.npwpd === one.npwpd).length);
    const name = byCode.rows[0]?.taxpayerName as string;
    const fragment = name.split(' ').slice(-1)[0]?.toLowerCase() as string;
    const byName = await officer.call('ledger.bills', { filter: { search: fragment }, limit: 1000 });
    expect(byName.rows.some((r) => r.kodeBayar === one.kode_bayar)).toBe(true);
    expect(byName.rows.every((r) => r.taxpayerName.toLowerCase().includes(fragment) || r.kodeBayar === fragment)).toBe(true);
  });

  it('filters by kecamatan and shows a taxpayer with objects, bills and raw contact cells', async () => {
    const facets = await officer.call('ledger.facets', {});
    const kecamatan = facets.kecamatan[0] as string;
    const page = await officer.call('ledger.bills', { filter: { kecamatan }, limit: 1000 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.kecamatan === kecamatan)).toBe(true);
    const byName = await officer.call('ledger.bills', { filter: { kecamatan }, sort: 'taxpayerName', limit: 1000 });
    expect(byName.total).toBe(page.total);
    const names = byName.rows.map((r) => r.taxpayerName.toUpperCase());
    expect(names).toEqual([...names].sort());
    expect(byName.rows.every((r) => r.kecamatan === kecamatan)).toBe(true);
    const detail = await officer.call('ledger.taxpayer', { id: page.rows[0]?.taxpayerId as number });
    expect(detail.taxpayer.kecamatan).toBe(kecamatan);
    expect(detail.bills.length).toBeGreaterThan(0);
    expect(detail.objects.length).toBeGreaterThan(0);
    expect(detail.taxpayer.unpaidPrincipal).toBe(detail.bills.filter((b) => b.status === 'unpaid').reduce((s, b) => s + b.principal, 0));
  });

  it('refuses a second demo load into a ledger that has bills', async () => {
    await expect(officer.call('ledger.loadDemo', { taxpayers: 5 })).rejects.toMatchObject({ code: 'LEDGER_NOT_EMPTY' });
  });
});
