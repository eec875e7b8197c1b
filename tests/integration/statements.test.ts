import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { In } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';
import { buildStatementLedger, STATEMENT_DAY as DAY } from './statements-ledger.js';

/** 1 December, 08:00 WIB: the treasurer reconciles yesterday. */
const NOW = '2026-12-01T01:00:00.000Z';
const FIXTURES = path.resolve(__dirname, '../fixtures/statements');

describe.each(testEngines())('bank statements and reconciliation on %s', (engine) => {
  let t: TestApp;
  let treasurer: TestClient;
  afterEach(async () => {
    await t?.close();
  });
  const db = () => t.app.ledger.db;

  async function ledger(): Promise<void> {
    t = await createTestApp(engine);
    t.clock.set(NOW);
    await seedUsers(t);
    treasurer = t.client();
    await treasurer.login('treasurer', 'rahasia-treasurer');
    await buildStatementLedger(db(), t.clock.now());
    // Cash at the counter: banked in bulk, so no credit is expected for it.
    await treasurer.call('payments.record', { taxId: '320101000009', amount: 100_000, paidDate: DAY, reference: 'LKT-0001' });
  }

  const upload = (client: TestClient, name: string, over: Partial<In<'statements.import'>> = {}) =>
    client.call('statements.import', { fileName: name, contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64'), ...over });
  const items = async (classes?: In<'reconciliation.items'>['classes']) => (await treasurer.call('reconciliation.items', { period: DAY, classes, limit: 100 })).items;
  const itemOf = async (cls: NonNullable<In<'reconciliation.items'>['classes']>[number]) => (await items([cls]))[0]!;
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (err) {
      if (err instanceof UserError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };

  it('imports the xlsx statement and gives each credit, payment and ledger-paid bill its class', async () => {
    await ledger();
    const r = await upload(treasurer, 'bank-sumsel-2026-11-30.xlsx');
    expect(r).toMatchObject({ lines: 8, credits: 7, debits: 1, matched: 3, duplicates: 0, days: [DAY], lockedDays: [] });
    expect(r.exceptions).toEqual({ underpaid: 1, overpaid: 1, paid_twice: 1, no_bill: 1, no_credit: 1, never_credited: 1 });

    const all = await items();
    const byText = (text: string) => all.find((i) => i.description === text)!;
    expect(byText('TRF BSB TRXA0001 PBJT MAKMIN')).toMatchObject({ class: 'matched', rule: 'reference', kodeBayar: '320101000001', partnerId: 'BSB' });
    expect(byText('SETORAN KB 320101000002')).toMatchObject({ class: 'underpaid', rule: 'code', amount: 450_000, expected: 500_000 });
    expect(byText('PEMB VA 9881320101000003')).toMatchObject({ class: 'overpaid', rule: 'va', amount: 350_000, expected: 300_000 });
    expect(byText('PEMBAYARAN PAJAK 320101000004')).toMatchObject({ class: 'paid_twice', kodeBayar: '320101000004' });
    expect(byText('TRANSFER DARI ANDI')).toMatchObject({ class: 'no_bill', billId: null });
    expect(byText('SETORAN TUNAI HOTEL SRIWIJAYA')).toMatchObject({ class: 'matched', rule: 'fuzzy', confidence: 80, kodeBayar: 'SKPD/2026/0008' });
    expect(await itemOf('no_credit')).toMatchObject({ source: 'payment', kodeBayar: '320101000006', partnerId: 'BSB' });
    expect(await itemOf('never_credited')).toMatchObject({ source: 'bill', kodeBayar: '320101000007', amount: 600_000 });
    // The counter's cash and the bank fee are no exceptions.
    expect(all.some((i) => i.kodeBayar === '320101000009' || i.description === 'BIAYA ADMINISTRASI')).toBe(false);

    const status = await treasurer.call('reconciliation.status', { period: DAY });
    expect(status).toMatchObject({ reconciled: false, open: 6, credits: { count: 7, amount: 3_299_000 }, payments: { count: 6, amount: 2_750_000 } });
    expect(status.partners.find((p) => p.partnerId === 'BSB')).toMatchObject({ payments: 5, paymentAmount: 2_650_000, credits: 5, creditAmount: 2_450_000, difference: -200_000 });
    expect(status.partners.find((p) => p.partnerId === 'LOKET')).toMatchObject({ payments: 1, credits: 0 });
  });

  it('imports the CSV statement as the same lines, and the same file or the same day again adds nothing', async () => {
    await ledger();
    const csv = await upload(treasurer, 'bank-sumsel-2026-11-30.csv');
    expect(csv).toMatchObject({ credits: 7, matched: 3, duplicates: 0 });
    expect(await upload(treasurer, 'bank-sumsel-2026-11-30.csv')).toMatchObject({ importId: null, credits: 0, duplicates: 8 });
    expect(await upload(treasurer, 'bank-sumsel-2026-11-30.xlsx')).toMatchObject({ credits: 0, duplicates: 8 });
    expect(Number((await db().selectFrom('statement_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(8);
    expect((await treasurer.call('statements.list', {})).imports.map((i) => i.lines)).toEqual([0, 8]);
  });

  it('refuses a statement with an unreadable amount, naming file, row and column, and stores nothing', async () => {
    await ledger();
    const err = await refusal(upload(treasurer, 'bad-amount.csv'));
    expect(err.code).toBe('STATEMENT_BAD_CELL');
    expect(err.message).toContain('bad-amount.csv, row 3, column D ("Mutasi")');
    for (const table of ['statement_imports', 'statement_lines', 'recon_items'] as const) {
      expect(Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    }
  });

  it('remembers the mapping given for a layout it cannot recognise', async () => {
    await ledger();
    const text = 'Hari;Catatan;Masuk\n30/11/2026;SETORAN KB 320101000002;500.000\n';
    const first = await treasurer.call('statements.import', { fileName: 'a.csv', contentBase64: Buffer.from(text).toString('base64'), mapping: { date: 0, description: 1, credit: 2 } });
    expect(first).toMatchObject({ credits: 1, matched: 1 });
    const later = 'Hari;Catatan;Masuk\n01/12/2026;TRANSFER;10.000\n';
    expect(await treasurer.call('statements.import', { fileName: 'b.csv', contentBase64: Buffer.from(later).toString('base64') })).toMatchObject({ credits: 1 });
  });

  it('signs a day off only when every exception is resolved, locks it, and reopens it for a head with a reason', async () => {
    await ledger();
    await upload(treasurer, 'bank-sumsel-2026-11-30.xlsx');
    const officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    const head = t.client();
    await head.login('head', 'rahasia-head');

    expect((await refusal(officer.call('reconciliation.signoff', { period: DAY }))).code).toBe('FORBIDDEN');
    expect((await refusal(treasurer.call('reconciliation.signoff', { period: DAY }))).params).toMatchObject({ period: DAY, open: 6 });

    const underpaid = await itemOf('underpaid');
    expect((await refusal(treasurer.call('reconciliation.resolve', { itemId: underpaid.id, resolution: 'write_off' }))).code).toBe('RECON_REASON_REQUIRED');
    const written = await treasurer.call('reconciliation.resolve', { itemId: underpaid.id, resolution: 'write_off', note: 'Kurang bayar Rp 50.000 ditagih lewat SKPD kurang bayar' });
    expect(written.item).toMatchObject({ resolution: 'write_off', resolvedBy: 'treasurer' });
    await treasurer.call('reconciliation.resolve', { itemId: (await itemOf('overpaid')).id, resolution: 'accept', note: 'Lebih bayar dikompensasikan ke masa berikutnya' });
    await treasurer.call('reconciliation.resolve', { itemId: (await itemOf('paid_twice')).id, resolution: 'refund', note: 'Dikembalikan ke WP' });
    await treasurer.call('reconciliation.resolve', { itemId: (await itemOf('no_credit')).id, resolution: 'accept', note: 'Kliring masuk 1 Desember' });
    await treasurer.call('reconciliation.resolve', { itemId: (await itemOf('never_credited')).id, resolution: 'write_off', note: 'Dibayar di kas daerah, bukan rekening ini' });

    // Andi paid Budi's 29 November bill, which the export marked paid and no credit explained.
    const andi = await itemOf('no_bill');
    expect((await treasurer.call('reconciliation.items', { period: '2026-11-29' })).items).toMatchObject([{ class: 'never_credited', kodeBayar: '320101000010' }]);
    const linked = await treasurer.call('reconciliation.resolve', { itemId: andi.id, resolution: 'link', bill: '320101000010', note: 'Konfirmasi telepon' });
    expect(linked.item).toMatchObject({ class: 'matched', rule: 'manual', resolution: 'link', kodeBayar: '320101000010' });
    expect((await treasurer.call('reconciliation.items', { period: '2026-11-29' })).items).toEqual([]);

    const signed = await treasurer.call('reconciliation.signoff', { period: DAY });
    expect(signed).toMatchObject({ period: DAY, kind: 'day', signedBy: 'treasurer', status: { reconciled: true, open: 0, lock: { state: 'locked' } } });

    expect((await refusal(officer.call('reports.generate', { report: 'reconciliation', period: DAY }))).code).toBe('REPORT_NOT_ALLOWED');
    expect(await treasurer.call('reports.generate', { report: 'reconciliation', period: DAY })).toMatchObject({ fileName: `rekonsiliasi-${DAY}.xlsx`, sheets: [{ sheet: 'Ringkasan' }, { sheet: 'Cocok', rows: 4 }, { sheet: 'Pengecualian', rows: 5 }] });

    const locked = await refusal(treasurer.call('payments.record', { taxId: '320101000011', amount: 150_000, paidDate: DAY, reference: 'LKT-0002' }));
    expect(locked.code).toBe('PERIOD_LOCKED');
    expect((await refusal(treasurer.call('reconciliation.resolve', { itemId: underpaid.id, resolution: 'accept', note: 'x' }))).code).toBe('PERIOD_LOCKED');
    expect((await refusal(treasurer.call('reconciliation.signoff', { period: DAY }))).code).toBe('RECON_ALREADY_SIGNED');

    expect((await refusal(treasurer.call('reconciliation.unlock', { period: DAY, reason: 'salah' }))).code).toBe('FORBIDDEN');
    expect((await refusal(head.call('reconciliation.unlock', { period: DAY, reason: ' ' }))).code).toBe('RECON_UNLOCK_REASON');
    expect(await head.call('reconciliation.unlock', { period: DAY, reason: 'Koreksi nota bank' })).toMatchObject({ period: DAY, unlockedBy: 'head' });
    expect((await treasurer.call('reconciliation.resolve', { itemId: underpaid.id, resolution: 'accept', note: 'Diterima setelah koreksi' })).item.resolution).toBe('accept');
    expect((await treasurer.call('reconciliation.status', { period: DAY })).lock).toMatchObject({ state: 'unlocked', unlockedBy: 'head', unlockReason: 'Koreksi nota bank' });

    const audit = await db().selectFrom('audit_log').select(['action', 'actor', 'target']).where('action', 'like', 'reconciliation.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([...Array(6).fill('reconciliation.resolve'), 'reconciliation.signoff', 'reconciliation.unlock', 'reconciliation.resolve']);
    expect(audit.find((a) => a.action === 'reconciliation.unlock')).toMatchObject({ actor: 'head', target: `period:${DAY}` });
  });

  it('signs a month off and locks every day in it', async () => {
    await ledger();
    await upload(treasurer, 'bank-sumsel-2026-11-30.xlsx');
    expect((await refusal(treasurer.call('reconciliation.signoff', { period: '2026-11' }))).code).toBe('RECON_NOT_RECONCILED');
    for (const item of (await treasurer.call('reconciliation.items', { period: '2026-11', openOnly: true })).items) {
      await treasurer.call('reconciliation.resolve', { itemId: item.id, resolution: item.source === 'credit' && item.class === 'no_bill' ? 'refund' : 'accept', note: 'rekap bulanan' });
    }
    expect(await treasurer.call('reconciliation.signoff', { period: '2026-11' })).toMatchObject({ kind: 'month' });
    expect((await refusal(treasurer.call('payments.record', { taxId: '320101000011', amount: 150_000, paidDate: '2026-11-12', reference: 'LKT-0003' }))).code).toBe('PERIOD_LOCKED');
  });
});
