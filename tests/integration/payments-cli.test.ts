import { describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../main/app.js';
import { runSync, type SnapshotBill } from '../../main/ledger/index.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';

const fresh = freshDatabases();
const NOW = '2026-11-23T03:00:00.000Z';

/** One restaurant bill due 10 December, written in-process; only the commands under test spawn `sipeka`. */
async function ledger(engine: 'sqlite' | 'postgres') {
  const d = await fresh(engine);
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    const bills: SnapshotBill[] = [snapshotBill('1671261000077', { dueDate: '2026-12-10', masaPajak: '2026-11' })];
    await runSync(app.ledger.db, { fileName: 'v1.xlsx', sha256: 'v1', sheet: 'Daftar', mapping: {}, bills, finish: () => ({ rowsRead: 1, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'test', now: new Date(NOW) });
  } finally {
    await closeApp(app);
  }
  const env = { SIPEKA_DATA_DIR: d.dir, SIPEKA_FAKE_NOW: NOW };
  return (...args: string[]) => runCli([...d.flags, '--json', ...args], { env });
}

describe.each(testEngines())('sipeka partner and payments on %s', (engine) => {
  it('prints a new partner secret once; partner list never shows it', async () => {
    const sipeka = await ledger(engine);
    const added = await sipeka('partner', 'add', 'Bank Sumsel Babel Mobile', '--id', 'BSB_MOBILE', '--ip', '203.0.113.0/24', '--ip', '198.51.100.7', '--va-prefix', '98765432');
    expect(added.code).toBe(0);
    const out = added.json();
    expect(out).toEqual({ id: 'BSB_MOBILE', name: 'Bank Sumsel Babel Mobile', secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), ip_allowlist: ['203.0.113.0/24', '198.51.100.7/32'], va_prefix: '98765432' });
    expect(added.stderr).not.toContain(out.secret);

    const listed = await sipeka('partner', 'list');
    expect(listed.json().partners).toMatchObject([{ id: 'BSB_MOBILE', active: true, va_prefix: '98765432' }]);
    expect(listed.stdout + listed.stderr).not.toContain(out.secret);
    expect((await sipeka('partner', 'disable', 'BSB_MOBILE')).json()).toMatchObject({ id: 'BSB_MOBILE', active: false });
    const rotated = (await sipeka('partner', 'rotate-secret', 'BSB_MOBILE')).json();
    expect(rotated.secret).not.toBe(out.secret);
    const audit = await sipeka('audit', 'list', '--action', 'partners.');
    expect(audit.stdout).not.toContain(out.secret);
    expect(audit.stdout).not.toContain(rotated.secret);
    const bad = await sipeka('partner', 'add', 'Bad', '--ip', '10.1');
    expect(bad.code).toBe(1);
    expect(bad.json().error.code).toBe('PARTNER_BAD_CIDR');
  }, 120_000);

  it('records a counter payment and lists it; a second one for the same bill is refused', async () => {
    const sipeka = await ledger(engine);
    const recorded = await sipeka('payments', 'record', '--code', '1671261000077', '--amount', '1250000', '--date', '2026-11-23', '--ref', 'LKT-0001', '--receipt', 'KWT-2026-0001');
    expect(recorded.code).toBe(0);
    expect(recorded.json().payment).toMatchObject({ kodeBayar: '1671261000077', partnerId: 'LOKET', partnerRef: 'LKT-0001', receiptNumber: 'KWT-2026-0001', amount: 1_250_000, paidDate: '2026-11-23', paidAt: expect.stringMatching(/^2026-11-23T03:00:/) });
    const again = await sipeka('payments', 'record', '--code', '1671261000077', '--amount', '1250000', '--date', '2026-11-23', '--ref', 'LKT-0002');
    expect(again.code).toBe(1);
    expect(again.json().error.code).toBe('BILL_ALREADY_PAID');
    const listed = (await sipeka('payments', 'list', '--from', '2026-11-01', '--to', '2026-11-30', '--partner', 'LOKET')).json();
    expect(listed.totals).toEqual({ count: 1, amount: 1_250_000 });
    expect(listed.payments).toMatchObject([{ receiptNumber: 'KWT-2026-0001' }]);
    expect((await sipeka('payments', 'list', '--from', '2026-12-01')).json().payments).toEqual([]);
  }, 120_000);
});
