import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../support/engines.js';
import { HttpClient } from '../support/http.js';
import { runCli, startServe } from '../support/cli.js';
import path from 'node:path';

const fresh = freshDatabases();

/** Keeps the server busy with audited writes until `stop` is set; bounded in count and time. */
async function writeLoop(url: string, state: { stop: boolean; done: number }): Promise<void> {
  const tab = new HttpClient(url);
  await tab.call('auth.login', { username: 'admin', password: 'rahasia-admin' });
  const deadline = Date.now() + 20_000;
  for (let i = 0; !state.stop && i < 5000 && Date.now() < deadline; i += 1) {
    const res =
      i % 5 === 0
        ? await tab.call('users.add', { username: `petugas${i}`, role: 'officer', password: 'rahasia-petugas' }).catch(() => null)
        : await tab.call('settings.update', { changes: { headName: `Kepala ${i}`, sessionIdleMinutes: 30 + (i % 60) } }).catch(() => null);
    if (res?.status === 200) state.done += 1;
    if (!res) return;
  }
}

describe('crash safety of the SQLite ledger', () => {
  it('a backup taken while the server writes passes db check', async () => {
    const d = await fresh('sqlite');
    const env = { SIPEKA_DATA_DIR: d.dir };
    await runCli([...d.flags, 'user', 'add', 'admin', '--role', 'admin', '--password-stdin'], { stdin: 'rahasia-admin', env });
    const { child, url } = await startServe(d.flags, env);
    const state = { stop: false, done: 0 };
    const writing = writeLoop(url, state);
    try {
      while (state.done < 20) await new Promise((r) => setTimeout(r, 20));
      const out = path.join(d.dir, 'cadangan.db');
      const backup = await runCli([...d.flags, '--json', 'backup', '--out', out], { env });
      expect(backup.code).toBe(0);
      expect(backup.json()).toMatchObject({ file: out, integrity: 'ok' });
      state.stop = true;
      await writing;
      const check = await runCli(['--db', out, '--json', 'db', 'check'], { env });
      expect(check.json()).toMatchObject({ ok: true, integrity: ['ok'] });
      const users = await runCli(['--db', out, '--json', 'user', 'list'], { env });
      expect(users.json().users.length).toBeGreaterThanOrEqual(1);
    } finally {
      state.stop = true;
      child.kill('SIGTERM');
    }
  });

  it('kill -9 of the server in the middle of writes leaves a ledger that passes db check', async () => {
    const d = await fresh('sqlite');
    const env = { SIPEKA_DATA_DIR: d.dir };
    await runCli([...d.flags, 'user', 'add', 'admin', '--role', 'admin', '--password-stdin'], { stdin: 'rahasia-admin', env });
    const { child, url } = await startServe(d.flags, env);
    const state = { stop: false, done: 0 };
    const writing = writeLoop(url, state);
    while (state.done < 30) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    state.stop = true;
    await writing;
    const check = await runCli([...d.flags, '--json', 'db', 'check'], { env });
    expect(check.code).toBe(0);
    expect(check.json()).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0 });
    // Every committed change has its audit row: the two are one transaction.
    const audit = await runCli([...d.flags, '--json', 'audit', 'list', '--limit', '1000'], { env });
    const users = await runCli([...d.flags, '--json', 'user', 'list'], { env });
    const added = audit.json().entries.filter((e: { action: string }) => e.action === 'users.add').length;
    expect(users.json().users.length).toBe(added);
  });
});

describe('restore', () => {
  it('validates the backup, keeps the replaced ledger beside it, and brings the old state back', async () => {
    const d = await fresh('sqlite');
    const env = { SIPEKA_DATA_DIR: d.dir };
    await runCli([...d.flags, 'user', 'add', 'admin', '--role', 'admin', '--password-stdin'], { stdin: 'rahasia-admin', env });
    const out = path.join(d.dir, 'cadangan.db');
    await runCli([...d.flags, 'backup', '--out', out], { env });
    await runCli([...d.flags, 'user', 'add', 'setelah', '--role', 'head', '--password-stdin'], { stdin: 'rahasia-head', env });

    const bogus = path.join(d.dir, 'rusak.db');
    await import('node:fs').then((fs) => fs.writeFileSync(bogus, 'bukan cadangan'.repeat(20)));
    const refused = await runCli([...d.flags, '--json', 'restore', bogus], { env });
    expect(refused.code).toBe(1);
    expect(refused.json().error.code).toBe('RESTORE_INVALID');
    expect((await runCli([...d.flags, '--json', 'user', 'list'], { env })).json().users).toHaveLength(2);

    const restored = await runCli([...d.flags, '--json', 'restore', out], { env });
    expect(restored.code).toBe(0);
    const kept = restored.json().previousKeptAt as string;
    expect((await runCli([...d.flags, '--json', 'user', 'list'], { env })).json().users.map((u: { username: string }) => u.username)).toEqual(['admin']);
    expect((await runCli(['--db', kept, '--json', 'user', 'list'], { env })).json().users).toHaveLength(2);
  });
});
