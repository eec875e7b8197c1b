import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabases, testEngines } from '../support/engines.js';
import { HttpClient } from '../support/http.js';
import { runCli, startServe } from '../support/cli.js';

const fresh = freshDatabases();

describe.each(testEngines())('the sipeka command on %s', (engine) => {
  it('adds a user whose login then shows only their role', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    const added = await runCli([...d.flags, '--json', 'user', 'add', 'budi', '--role', 'officer', '--password-stdin'], { stdin: 'rahasia-budi\n', env });
    expect(added.code).toBe(0);
    expect(added.json().user).toMatchObject({ username: 'budi', role: 'officer', active: true });

    const { child, url } = await startServe(d.flags, env);
    try {
      const tab = new HttpClient(url);
      const login = await tab.call('auth.login', { username: 'budi', password: 'rahasia-budi' });
      expect(login.json.user.role).toBe('officer');
      expect((await tab.call('users.list')).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
    const audit = await runCli([...d.flags, '--json', 'audit', 'list'], { env });
    const entries = audit.json().entries as { action: string; actor: string }[];
    expect(entries.find((e) => e.action === 'users.add')?.actor).toMatch(/^cli:/);
    expect(entries.find((e) => e.action === 'auth.login')?.actor).toBe('budi');
  });

  it('lists, disables and records who did it with --as', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    await runCli([...d.flags, 'user', 'add', 'admin', '--role', 'admin', '--password-stdin'], { stdin: 'rahasia-admin', env });
    await runCli([...d.flags, 'user', 'add', 'siti', '--role', 'treasurer', '--password-stdin'], { stdin: 'rahasia-siti', env });
    const disabled = await runCli([...d.flags, '--as', 'admin', '--json', 'user', 'disable', 'siti'], { env });
    expect(disabled.json().user.active).toBe(false);
    const list = await runCli([...d.flags, '--json', 'user', 'list'], { env });
    expect(list.json().users.map((u: { username: string; active: boolean }) => [u.username, u.active])).toEqual([
      ['admin', true],
      ['siti', false],
    ]);
    const audit = await runCli([...d.flags, '--json', 'audit', 'list', '--action', 'users.setActive'], { env });
    expect(audit.json().entries[0]).toMatchObject({ actor: 'admin', target: 'user:siti' });
  });

  it('reads and changes settings', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    const set = await runCli([...d.flags, '--json', 'settings', 'set', 'headName', 'Drs. H. Ahmad Yani, M.Si'], { env });
    expect(set.json()).toEqual({ key: 'headName', value: 'Drs. H. Ahmad Yani, M.Si' });
    const minutes = await runCli([...d.flags, '--json', 'settings', 'set', 'sessionIdleMinutes', '45'], { env });
    expect(minutes.json().value).toBe(45);
    const all = await runCli([...d.flags, '--json', 'settings', 'get'], { env });
    expect(all.json().settings).toMatchObject({ headName: 'Drs. H. Ahmad Yani, M.Si', sessionIdleMinutes: 45, language: 'id' });
  });

  it('migrates and checks the database', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    expect((await runCli([...d.flags, '--json', 'db', 'migrate'], { env })).json()).toMatchObject({ applied: ['0001_foundation', '0002_ledger', '0003_contacts_templates', '0004_reminders', '0005_payments', '0006_statements', '0007_dashboard', '0008_message_search', '0009_contact_search'] });
    expect((await runCli([...d.flags, '--json', 'db', 'migrate'], { env })).json()).toMatchObject({ applied: [] });
    const check = await runCli([...d.flags, '--json', 'db', 'check'], { env });
    expect(check.code).toBe(0);
    expect(check.json()).toMatchObject({ ok: true, schema: '0009_contact_search' });
  });
});

describe('bad input on the command line', () => {
  it('an unknown command is a usage error (exit 2) and prints help', async () => {
    const res = await runCli(['terbangkan']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown command 'terbangkan'/);
    expect(res.stdout).toBe('');
  });

  it('a missing required option is a usage error', async () => {
    const d = await fresh('sqlite');
    const res = await runCli(['--db', d.db as string, 'user', 'add', 'budi', '--password-stdin'], { stdin: 'x' });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--role/);
    expect(fs.existsSync(d.db as string)).toBe(false);
  });

  it('a text file given as --db is one clear error (exit 1) and is left as it was', async () => {
    const d = await fresh('sqlite');
    const file = path.join(d.dir, 'bukan-db.xlsx');
    fs.writeFileSync(file, 'ini bukan basis data, hanya teks biasa yang cukup panjang untuk dibaca '.repeat(3));
    const before = fs.readFileSync(file);
    const res = await runCli(['--db', file, '--json', 'user', 'list']);
    expect(res.code).toBe(1);
    expect(res.json().error.code).toBe('DB_NOT_SQLITE');
    expect(res.stderr).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a folder given as --db is refused', async () => {
    const d = await fresh('sqlite');
    const res = await runCli(['--db', d.dir, 'user', 'list']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/folder/);
  });

  it('a weak password is refused with the rule', async () => {
    const d = await fresh('sqlite');
    const res = await runCli(['--db', d.db as string, '--json', 'user', 'add', 'budi', '--role', 'officer', '--password-stdin'], { stdin: 'pendek' });
    expect(res.code).toBe(1);
    expect(res.json().error.message_en).toMatch(/at least 8/);
  });
});
