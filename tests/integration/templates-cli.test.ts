import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freshDatabases, type TestDatabase, testEngines } from '../support/engines.js';

const fresh = freshDatabases();

const TEMPLATE = {
  name: 'Pengingat H-3 (SMS) singkat',
  channel: 'sms',
  language: 'id',
  purpose: 'H-3',
  body: 'Yth. {nama_wp}, {jenis_pajak} {objek_pajak} sebesar {total} jatuh tempo {jatuh_tempo}. Kode bayar {kode_bayar}.',
};

/** A ledger with a head `kepala` and an officer `budi`, and the template above as a file. */
async function ledgerWithStaff(engine: TestDatabase['engine']) {
  const d = await fresh(engine);
  const env = { SIPEKA_DATA_DIR: d.dir };
  const sipeka = (args: string[]) => runCli([...d.flags, ...args], { env });
  await runCli([...d.flags, 'user', 'add', 'kepala', '--role', 'head', '--password-stdin'], { stdin: 'rahasia-kepala', env });
  await runCli([...d.flags, 'user', 'add', 'budi', '--role', 'officer', '--password-stdin'], { stdin: 'rahasia-budi', env });
  const file = path.join(d.dir, 'templat.json');
  fs.writeFileSync(file, JSON.stringify(TEMPLATE));
  return { sipeka, file };
}

describe.each(testEngines())('sipeka templates on %s', (engine) => {
  it('an officer writes and submits, a head approves, and the preview fills in a real taxpayer', async () => {
    const { sipeka, file } = await ledgerWithStaff(engine);
    const created = await sipeka(['--as', 'budi', '--json', 'templates', 'create', '--file', file]);
    expect(created.code).toBe(0);
    const id = created.json().template.id as number;
    expect((await sipeka(['--json', 'templates', 'submit', String(id), '--as', 'budi'])).json().template.status).toBe('submitted');

    const asOfficer = await sipeka(['--json', 'templates', 'approve', String(id), '--as', 'budi']);
    expect(asOfficer.code).toBe(1);
    expect(asOfficer.json().error.code).toBe('FORBIDDEN');
    const nobody = await sipeka(['templates', 'approve', String(id)]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('--as');

    const approved = await sipeka(['--json', 'templates', 'approve', String(id), '--as', 'kepala']);
    expect(approved.json().template).toMatchObject({ status: 'approved', usable: true, decidedBy: 'kepala' });
    const listed = (await sipeka(['--json', 'templates', 'list', '--purpose', 'H-3', '--channel', 'sms'])).json().templates;
    expect(listed.find((t: { id: number }) => t.id === id)).toMatchObject({ usable: true, createdBy: 'budi' });

    await sipeka(['demo', '--taxpayers', '5', '--seed', '2', '--as-of', '2026-11-23']);
    const bill = (await sipeka(['--json', 'ledger', 'bills', '--status', 'unpaid', '--limit', '1'])).json().bills[0];
    const preview = await sipeka(['--json', 'templates', 'preview', String(id), '--npwpd', bill.npwpd]);
    expect(preview.code).toBe(0);
    const out = preview.json();
    expect(Object.keys(out).sort()).toEqual(['channel', 'characters', 'encoding', 'sms_parts', 'text', 'whatsapp_parameters']);
    expect(out).toMatchObject({ channel: 'sms', encoding: 'GSM-7', whatsapp_parameters: null });
    expect(out.text).toContain(bill.kodeBayar);
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
