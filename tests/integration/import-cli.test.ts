import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshDatabases, testEngines, type TestDatabase } from '../support/engines.js';
import { runCli, SIPEKA_BIN } from '../support/cli.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/simpada');
const messy = path.join(FIXTURES, 'simpada-messy.xlsx');
const later = path.join(FIXTURES, 'simpada-snapshot-2.xlsx');

const fresh = freshDatabases();

function cli(d: TestDatabase) {
  return async (...args: string[]) => {
    const res = await runCli([...d.flags, '--json', ...args], { env: { SIPEKA_DATA_DIR: d.dir } });
    return { ...res, body: res.stdout ? res.json() : null };
  };
}

describe.each(testEngines())('sipeka import on %s', (engine) => {
  it('imports a messy export with exact counts, every reject named, and re-importing changes nothing', async () => {
    const d = await fresh(engine);
    const run = cli(d);
    const dry = await run('import', messy, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.body).toMatchObject({ run_id: null, dry_run: true, rows_read: 32, bills: { inserted: 18, updated: 0, unchanged: 0 }, duplicates: 1, rejected_count: 8 });
    expect((await run('ledger', 'summary')).body.bills).toBe(0);

    const first = await run('import', messy);
    expect(first.body.run_id).toEqual(expect.any(Number));
    expect(first.body).toMatchObject({ bills: { inserted: 18 }, taxpayers: { inserted: 18, updated: 0 }, duplicates: 1, rejected_count: 8 });
    const reasons = first.body.rejected.map((r: { row: number; code: string }) => `${r.row}:${r.code}`);
    expect(reasons).toEqual(
      expect.arrayContaining(['22:CONFLICTING_DUPLICATE', '23:MISSING_BILL_CODE', '24:UNREADABLE_AMOUNT', '25:UNREADABLE_DATE', '27:UNREADABLE_STATUS', '28:NEGATIVE_AMOUNT']),
    );
    const amount = first.body.rejected.find((r: { row: number }) => r.row === 24);
    expect(amount).toMatchObject({ sheet: 'Daftar Ketetapan', column: 'Pokok Pajak (Rp) (O)', value: 'satu juta' });

    const again = await run('import', messy);
    expect(again.body.bills).toEqual({ inserted: 0, updated: 0, unchanged: 18, newly_paid: 0 });
    expect(again.body.taxpayers).toEqual({ inserted: 0, updated: 0 });
    expect(again.body.same_file_runs.map((r: { id: number }) => r.id)).toEqual([first.body.run_id]);
  });

  it('a later export updates paid statuses and adds bills; undo restores the previous state exactly', async () => {
    const d = await fresh(engine);
    const run = cli(d);
    await run('import', messy);
    const before = await run('ledger', 'bills', '--limit', '1000');
    const update = await run('import', later);
    expect(update.body.bills).toMatchObject({ inserted: 2, newly_paid: 2 });
    expect(update.body.bills.updated).toBeGreaterThanOrEqual(2);
    const paid = await run('ledger', 'bills', '--status', 'paid', '--limit', '1000');
    expect(paid.body.total).toBeGreaterThan((before.body.bills as { status: string }[]).filter((b) => b.status === 'paid').length);

    const undo = await run('import', 'undo', String(update.body.run_id));
    expect(undo.body).toMatchObject({ run_id: update.body.run_id, bills_removed: 2 });
    expect((await run('ledger', 'bills', '--limit', '1000')).body).toEqual(before.body);
    const history = await run('import', 'history');
    expect(history.body.runs.map((r: { status: string }) => r.status)).toEqual(['undone', 'applied']);
  });
});

describe('bad exports', () => {
  const bad = fs.readdirSync(path.join(FIXTURES, 'bad'));
  it.each(bad)('%s gets one clear message naming the file, and nothing is written', async (name) => {
    const d = await fresh('sqlite');
    const run = cli(d);
    const res = await run('import', path.join(FIXTURES, 'bad', name));
    expect(res.code).toBe(1);
    expect(res.body.error.code).toBe('IMPORT_FILE');
    expect(res.body.error.message_id).toContain(name);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run('import', 'history')).body.total).toBe(0);
    expect((await run('ledger', 'summary')).body.bills).toBe(0);
  });

  it('a missing file is named', async () => {
    const d = await fresh('sqlite');
    const res = await cli(d)('import', path.join(d.dir, 'tidak-ada.xlsx'));
    expect(res.code).toBe(1);
    expect(res.body.error.message_en).toContain('tidak-ada.xlsx');
  });
});

/** A plain SIMPADA-style CSV big enough that an import takes a few seconds. */
function writeBigCsv(file: string, rows: number): void {
  const lines = ['NPWPD;Nama WP;Kecamatan;Jenis Pajak;Masa Pajak;Kode Bayar;Pokok Pajak;Jatuh Tempo;Status'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`P.2.${String(100000 + (i % 20000)).padStart(7, '0')}.16.02;WAJIB PAJAK ${i % 20000};Kayuagung;Pajak Restoran;Agustus 2026;KB${String(i).padStart(9, '0')};${(i % 97) * 10000 + 50000};10/09/2026;BELUM LUNAS`);
  }
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

describe('crash during apply', () => {
  it('kill -9 in the middle of an import leaves the ledger as it was before the import', async () => {
    const d = await fresh('sqlite');
    const run = cli(d);
    await run('import', messy);
    const before = await run('ledger', 'bills', '--limit', '1000');
    const big = path.join(d.dir, 'besar.csv');
    writeBigCsv(big, 150_000);
    const child = spawn(process.execPath, [SIPEKA_BIN, ...d.flags, 'import', big], { env: { ...process.env, SIPEKA_DATA_DIR: d.dir }, stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => (exited = true));
    // Wait until the import is writing: SQLite's WAL file grows past the committed first import.
    const wal = `${d.db}-wal`;
    const start = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !exited && (!fs.existsSync(wal) || fs.statSync(wal).size < start + 2_000_000)) await new Promise((r) => setTimeout(r, 20));
    expect(exited, 'the import finished before it could be killed; make the file larger').toBe(false);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));

    const check = await run('db', 'check');
    expect(check.body).toMatchObject({ ok: true, integrity: ['ok'] });
    expect((await run('ledger', 'bills', '--limit', '1000')).body).toEqual(before.body);
    expect((await run('import', 'history')).body.total).toBe(1);
  });
});
