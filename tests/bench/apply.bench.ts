import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { closeApp, createApp } from '../../main/app.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync, type SnapshotBill } from '../../main/ledger/index.js';
import { objectKey, taxpayerKey } from '../../main/ledger/snapshot.js';
import { type Figure, round } from './figure.js';

/**
 * The apply step alone (bills already parsed, in memory) against the floor: raw better-sqlite3
 * prepared statements inserting the same rows (taxpayers, objects, bills) into the same migrated
 * tables with the same indexes, in one transaction, on the same disk.
 */
export default async function applyBench(): Promise<Figure[]> {
  const rows = Math.round(500_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-apply-'));
  try {
    const bills: SnapshotBill[] = [];
    for (const bill of generateDemo({ taxpayers: rows, seed: 3, today: '2026-11-23' })) {
      bills.push(bill);
      if (bills.length >= rows) break;
    }
    const rawSeconds = await rawInsert(path.join(dir, 'raw.db'), dir, bills);
    const app = await createApp({ db: path.join(dir, 'apply.db'), env: { SIPEKA_DATA_DIR: dir } });
    const source = { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills, finish: () => ({ rowsRead: rows, duplicates: 0, rejects: [] }) };
    const t0 = performance.now();
    await runSync(app.ledger.db, source, { dryRun: false, actor: 'bench', now: new Date() });
    const applySeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await runSync(app.ledger.db, source, { dryRun: false, actor: 'bench', now: new Date() });
    const reapplySeconds = (performance.now() - t1) / 1000;
    await closeApp(app);
    const label = `${rows.toLocaleString('en')} bills`;
    return [
      { figure: `raw better-sqlite3 insert, ${label}`, value: round(rawSeconds, 2), unit: 's' },
      { figure: `apply (taxpayers, objects, bills, history), ${label}`, value: round(applySeconds, 2), unit: 's' },
      { figure: 'apply speed ÷ raw insert speed', value: round(rawSeconds / applySeconds, 2), unit: 'ratio', target: '≥ 0.5' },
      { figure: `re-apply unchanged, ${label}`, value: round(reapplySeconds, 2), unit: 's' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same rows into the same (migrated, indexed) tables, with plain prepared statements. */
async function rawInsert(file: string, dir: string, bills: SnapshotBill[]): Promise<number> {
  const app = await createApp({ db: file, env: { SIPEKA_DATA_DIR: dir } });
  const db = app.ledger.sqlite as Database.Database;
  const at = new Date().toISOString();
  const taxpayer = db.prepare(`insert into taxpayers (taxpayer_key, npwpd, name, name_search, address, kecamatan, kelurahan, raw_phone, raw_email, created_run_id, updated_run_id, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`);
  const object = db.prepare(`insert into tax_objects (object_key, taxpayer_id, nop, name, tax_type, address, kecamatan, kelurahan, created_run_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`);
  const bill = db.prepare(`insert into bills (kode_bayar, taxpayer_id, object_id, tax_type, tax_type_label, masa_pajak, tahun, principal, penalty, due_date, status,
    paid_date, paid_source, kohir, tgl_penetapan, created_run_id, updated_run_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`);
  const t0 = performance.now();
  db.transaction(() => {
    const taxpayers = new Map<string, number>();
    const objects = new Map<string, number>();
    for (const b of bills) {
      const tKey = taxpayerKey(b);
      let tId = taxpayers.get(tKey);
      if (tId === undefined) {
        tId = Number(taxpayer.run(tKey, b.npwpd, b.namaWp, b.namaWp.toUpperCase(), b.alamat, b.kecamatan, b.kelurahan, b.rawPhone, b.rawEmail, at, at).lastInsertRowid);
        taxpayers.set(tKey, tId);
      }
      const oKey = objectKey(b);
      let oId = objects.get(oKey);
      if (oId === undefined) {
        oId = Number(object.run(oKey, tId, b.nop, b.namaObjek, b.taxType, b.alamat, b.kecamatan, b.kelurahan, at).lastInsertRowid);
        objects.set(oKey, oId);
      }
      bill.run(b.kodeBayar, tId, oId, b.taxType, b.taxTypeLabel, b.masaPajak, b.tahun, b.principal, b.penalty, b.dueDate, b.status, b.status === 'paid' ? b.paidDate : null, b.status === 'paid' ? 'export' : null, b.kohir, b.tglPenetapan, at, at);
    }
  })();
  const seconds = (performance.now() - t0) / 1000;
  await closeApp(app);
  return seconds;
}
