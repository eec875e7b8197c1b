import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import { CONTACT_PROBLEMS, EMAIL_STATUSES, PHONE_STATUSES } from '../../shared/api/contacts.js';
import { type CellChanges, CONSULTANT, MESSY, messy, writeMessyCsv, writeMessyXlsx } from '../support/contacts-fixture.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines, type TestDatabase } from '../support/engines.js';

const fresh = freshDatabases();
// Every step is a real `sipeka` process (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 240_000 });
/** The CLI's clock, pinned so the corrections workbook's times are known. */
const NOW = '2026-11-23T01:00:00Z';

type ListRow = { npwpd: string; phone_raw: string | null; phone: string | null; phone_status: string; shared_phone: boolean; shared_marking: string | null; alternates: string[]; email: string | null; email_status: string; source: string };

function cli(d: TestDatabase) {
  return async (...args: string[]) => {
    const res = await runCli([...d.flags, ...args], { env: { SIPEKA_DATA_DIR: d.dir, SIPEKA_FAKE_NOW: NOW } });
    return { ...res, body: res.stdout && args.includes('--json') ? res.json() : null };
  };
}

/** Writes the messy export (xlsx for the first, CSV for later ones, as officers get both) and returns its path. */
async function exportFile(d: TestDatabase, name: string, changes: CellChanges = {}): Promise<string> {
  const file = path.join(d.dir, name);
  if (name.endsWith('.xlsx')) await writeMessyXlsx(file, changes);
  else writeMessyCsv(file, changes);
  return file;
}

/** The review queue, which only the screens show, read in-process from the same ledger. */
async function conflictQueue(d: TestDatabase) {
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    const actor = { userId: null, username: 'test', role: 'admin' as const };
    return (await dispatch(app, { procedure: 'contacts.queue', input: { problem: 'conflict' }, session: { token: null, set: () => undefined }, origin: 'test', actor })) as {
      rows: { npwpd: string; phone: string; phoneConflict: { raw: string } | null }[];
    };
  } finally {
    await closeApp(app);
  }
}

describe.each(testEngines())('sipeka contacts on %s', (engine) => {
  async function ledgerWithMessyExport() {
    const d = await fresh(engine);
    const run = cli(d);
    const file = await exportFile(d, 'daftar-ketetapan.xlsx');
    const imported = await run('--json', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.body).toMatchObject({ bills: { inserted: MESSY.length + 1 }, taxpayers: { inserted: MESSY.length }, rejected_count: 0 });
    const list = async (...filters: string[]) => (await run('--json', 'contacts', 'list', ...filters)).body.taxpayers as ListRow[];
    return { d, run, file, list, importRun: imported.body.run_id as number };
  }

  it('classifies every taxpayer of a messy export, and the summary counts agree', async () => {
    const { run, list } = await ledgerWithMessyExport();
    const rows = await list();
    expect(rows.map((r) => [r.npwpd, r.phone_raw, r.phone_status, r.phone, r.alternates, r.shared_phone, r.email, r.email_status, r.source])).toEqual(
      MESSY.map((m) => [m.npwpd, m.phone, m.expected.status, m.expected.phone, m.expected.alternates, m.expected.problems.includes('shared'), m.expected.email, m.expected.emailStatus, 'export']),
    );
    expect((await list('--shared')).map((r) => r.npwpd)).toEqual(MESSY.filter((m) => m.expected.problems.includes('shared')).map((m) => m.npwpd));
    expect((await list('--status', 'invalid')).map((r) => r.npwpd)).toEqual(MESSY.filter((m) => m.expected.status === 'invalid').map((m) => m.npwpd));

    const summary = await run('--json', 'contacts', 'summary');
    expect(summary.code).toBe(0);
    const count = <K extends string>(keys: readonly K[], of: (r: ListRow) => string) => Object.fromEntries(keys.map((k) => [k, rows.filter((r) => of(r) === k).length]));
    expect(summary.body).toMatchObject({
      taxpayers: rows.length,
      phone: count(PHONE_STATUSES, (r) => r.phone_status),
      email: count(EMAIL_STATUSES, (r) => r.email_status),
      sharedNumbers: { flagged: 1, office: 0, shared: 0, threshold: 3 },
      problems: Object.fromEntries(CONTACT_PROBLEMS.map((p) => [p, MESSY.filter((m) => m.expected.problems.includes(p)).length])),
      reach: { whatsapp: rows.filter((r) => r.phone).length, sms: 0, none: rows.filter((r) => !r.phone).length, total: rows.length },
    });
    const human = await run('contacts', 'summary');
    expect(human.stdout).toMatch(/shared numbers\s+flagged 1, office 0, shared 0 \(threshold 3\)/);
  });

  it("an officer's fix survives a re-import of the same file and stands, as a conflict, against a later file that changes the cell", async () => {
    const { d, run, file, list } = await ledgerWithMessyExport();
    const tooShort = messy('tooShort');
    const fixed = await run('--json', 'contacts', 'fix', tooShort.npwpd, '--phone', '0813-5555-6666', '--reason', 'ditelepon, nomor benar');
    expect(fixed.code).toBe(0);
    expect(fixed.body).toEqual({ npwpd: tooShort.npwpd, name: tooShort.name, phone: '+6281355556666', phone_status: 'valid', email: null, email_status: 'missing', source: 'officer' });

    expect((await run('--json', 'import', file)).body.taxpayers).toEqual({ inserted: 0, updated: 0 });
    const row = async () => (await list()).find((r) => r.npwpd === tooShort.npwpd);
    expect(await row()).toMatchObject({ phone: '+6281355556666', phone_status: 'valid', source: 'officer' });
    expect((await conflictQueue(d)).rows).toEqual([]);

    const later = await exportFile(d, 'daftar-ketetapan-2.csv', { tooShort: { phone: '0813-7777-1212' } });
    expect((await run('--json', 'import', later)).body.taxpayers).toEqual({ inserted: 0, updated: 1 });
    expect(await row()).toMatchObject({ phone_raw: '0813-7777-1212', phone: '+6281355556666', source: 'officer' });
    expect((await conflictQueue(d)).rows).toMatchObject([{ npwpd: tooShort.npwpd, phone: '+6281355556666', phoneConflict: { raw: '0813-7777-1212' } }]);
  });

  describe('bad input changes nothing', () => {
    const OVER_LONG = '0812-3456-7890 '.repeat(16);
    const cases = [
      { args: ['--phone', 'abc'], code: 'CONTACT_PHONE_UNPARSEABLE', names: '"abc"' },
      { args: ['--phone', '123'], code: 'CONTACT_PHONE_UNPARSEABLE', names: '"123"' },
      { args: ['--phone', OVER_LONG], code: 'CONTACT_VALUE_TOO_LONG', names: `(${OVER_LONG.length} ` },
      { args: ['--email', 'budi@'], code: 'CONTACT_EMAIL_INVALID', names: '"budi@"' },
    ];

    it('an unusable number, an over-long value or an invalid email: exit 1, the message on stderr, one JSON error on stdout', async () => {
      const { run, list } = await ledgerWithMessyExport();
      const before = await list();
      for (const { args, code, names } of cases) {
        const res = await run('--json', 'contacts', 'fix', messy('plain').npwpd, ...args, '--reason', 'coba');
        expect({ args, code: res.code }).toEqual({ args, code: 1 });
        expect(res.body.error).toMatchObject({ code });
        expect(res.body.error.message_en).toContain(names);
        expect(res.stderr.trim().split('\n')).toEqual([expect.stringContaining(names)]);

        const human = await run('contacts', 'fix', messy('plain').npwpd, ...args);
        expect(human.code).toBe(1);
        expect(human.stdout).toBe('');
        expect(human.stderr).toContain(names);
      }
      const neither = await run('--json', 'contacts', 'fix', messy('plain').npwpd);
      expect(neither.code).toBe(1);
      expect(neither.body.error.code).toBe('INVALID_INPUT');
      expect(await list()).toEqual(before);
    });

    it('a good phone with a bad email is refused as a whole: the phone is not changed either', async () => {
      const { run, list } = await ledgerWithMessyExport();
      const before = await list();
      const res = await run('--json', 'contacts', 'fix', messy('tooShort').npwpd, '--phone', '0813-5555-6666', '--email', 'budi@');
      expect(res.code).toBe(1);
      expect(res.body.error.code).toBe('CONTACT_EMAIL_INVALID');
      expect(await list()).toEqual(before);
    });
  });

  it('finds the taxpayer by NPWPD however the officer types it (case, spaces)', async () => {
    const { run } = await ledgerWithMessyExport();
    const typed = ` ${messy('tooShort').npwpd.toLowerCase()} `;
    const res = await run('--json', 'contacts', 'fix', typed, '--phone', '0813-5555-6666');
    expect(res.stderr).toBe('');
    expect(res.body).toMatchObject({ npwpd: messy('tooShort').npwpd, phone: '+6281355556666' });
  });

  it('mark-shared --as office takes the consultant\'s clients out of reach; --as shared and --as none bring them back', async () => {
    const { run, list } = await ledgerWithMessyExport();
    const summary = async () => (await run('--json', 'contacts', 'summary')).body;
    const before = await summary();

    const office = await run('--json', 'contacts', 'mark-shared', '0811 7777 8888', '--as', 'office', '--note', 'konsultan pajak');
    expect(office.code).toBe(0);
    expect(office.body).toEqual({ phone: CONSULTANT.e164, marking: 'office', taxpayers: 3, reachChanged: 3 });
    const marked = await summary();
    expect(marked.reach).toEqual({ ...before.reach, whatsapp: before.reach.whatsapp - 3, none: before.reach.none + 3 });
    expect(marked.sharedNumbers).toMatchObject({ flagged: 0, office: 1 });
    expect(marked.problems.shared).toBe(0);
    expect(marked.principalShare.whatsapp).toBeLessThan(before.principalShare.whatsapp);
    expect((await list('--shared')).map((r) => r.shared_marking)).toEqual(['office', 'office', 'office']);

    const audit = await run('--json', 'audit', 'list', '--action', 'contacts.markShared');
    expect(audit.body.entries[0]).toMatchObject({ actor: expect.stringMatching(/^cli:/), target: `phone:${CONSULTANT.e164}` });

    expect((await run('--json', 'contacts', 'mark-shared', CONSULTANT.e164, '--as', 'shared')).body).toMatchObject({ marking: 'shared', reachChanged: 3 });
    const shared = await summary();
    expect(shared.reach).toEqual(before.reach);
    expect(shared.problems.shared).toBe(0);

    expect((await run('--json', 'contacts', 'mark-shared', CONSULTANT.typed, '--as', 'none')).body).toMatchObject({ marking: null, reachChanged: 0 });
    expect(await summary()).toEqual(before);

    const unknown = await run('--json', 'contacts', 'mark-shared', '0812-9999-9999', '--as', 'office');
    expect(unknown.code).toBe(1);
    expect(unknown.body.error.code).toBe('CONTACT_NUMBER_UNKNOWN');
  });

  it('export --out writes one row per correction: NPWPD, name, field, old, new, who, when, why', async () => {
    const { d, run } = await ledgerWithMessyExport();
    await runCli([...d.flags, 'user', 'add', 'siti', '--role', 'officer', '--password-stdin'], { stdin: 'rahasia-siti', env: { SIPEKA_DATA_DIR: d.dir } });
    await run('--as', 'siti', 'contacts', 'fix', messy('tooShort').npwpd, '--phone', '0813-5555-6666', '--reason', 'ditelepon, nomor benar');
    await run('--as', 'siti', 'contacts', 'fix', messy('bracketed').npwpd, '--email', 'uli@example.com', '--reason', 'kartu nama');

    const out = path.join(d.dir, 'koreksi.xlsx');
    const res = await run('--json', 'contacts', 'export', '--out', out);
    expect(res.code).toBe(0);
    expect(res.body).toEqual({ file: out, corrections: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(3);
    expect(values(1)).toEqual(['NPWPD', 'Nama WP', 'Kolom', 'Nilai lama', 'Nilai baru', 'Oleh', 'Sumber', 'Waktu', 'Alasan']);
    expect(values(2)).toEqual([messy('tooShort').npwpd, messy('tooShort').name, 'No HP', '0812345', '+6281355556666', 'siti', 'Petugas', expect.any(Date), 'ditelepon, nomor benar']);
    expect(values(3)).toEqual([messy('bracketed').npwpd, messy('bracketed').name, 'Email', 'bukan email', 'uli@example.com', 'siti', 'Petugas', expect.any(Date), 'kartu nama']);
    // Written as the agency's wall clock (WIB, UTC+7): 01:00 UTC is 08:00 in Kayuagung.
    const when = values(2)[7] as Date;
    expect(when.toISOString().slice(0, 13)).toBe('2026-11-23T08');
  });

  it('undo of a later import restores the contacts it changed; undo of the first removes them all', async () => {
    const { d, run, list, importRun } = await ledgerWithMessyExport();
    const before = await list();
    const later = await exportFile(d, 'daftar-ketetapan-2.csv', { plain: { phone: '0813-1234-0000' }, landline: { phone: CONSULTANT.typed } });
    const second = await run('--json', 'import', later);
    expect((await list()).find((r) => r.npwpd === messy('plain').npwpd)?.phone).toBe('+6281312340000');
    expect((await list('--shared')).length).toBe(4);

    expect((await run('--json', 'import', 'undo', String(second.body.run_id))).code).toBe(0);
    expect(await list()).toEqual(before);
    expect((await run('--json', 'import', 'undo', String(importRun))).code).toBe(0);
    expect(await list()).toEqual([]);
    expect((await run('--json', 'contacts', 'summary')).body).toMatchObject({ taxpayers: 0, sharedNumbers: { flagged: 0 } });
  });
});
