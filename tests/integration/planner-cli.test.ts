import { describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../main/app.js';
import { loadDemo } from '../../main/ledger/demo/index.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines } from '../support/engines.js';

const fresh = freshDatabases();
// Monday 07:30 WIB: `SIPEKA_FAKE_NOW` keeps running, and before the window every run sends from 08:00.
const NOW = '2026-11-23T00:30:00.000Z';
const WINDOW_OPENS = '2026-11-23T01:00:00.000Z';

/** Demo bills and every default template approved; made in-process, so only the commands under test spawn `sipeka`. */
async function demoLedger(engine: 'sqlite' | 'postgres') {
  const d = await fresh(engine);
  const env = { SIPEKA_DATA_DIR: d.dir, SIPEKA_FAKE_NOW: NOW };
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    const now = new Date(NOW);
    await loadDemo(app.ledger.db, { taxpayers: 60, seed: 3, today: '2026-11-23', force: false, actor: { username: 'budi', role: 'officer' }, origin: 'test', now });
    await app.ledger.db.updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'kepala', decided_at: NOW }).execute();
  } finally {
    await closeApp(app);
  }
  const sipeka = (...args: string[]) => runCli([...d.flags, '--json', ...args], { env });
  const outboxCount = async () => {
    const reopened = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
    try {
      return (await reopened.ledger.db.selectFrom('outbox').select('id').execute()).length;
    } finally {
      await closeApp(reopened);
    }
  };
  return { sipeka, outboxCount };
}

describe.each(testEngines())('sipeka plan and reminders on %s', (engine) => {
  it('plans once: a dry run writes nothing, the second run plans nothing new', async () => {
    const { sipeka, outboxCount } = await demoLedger(engine);
    const dry = await sipeka('plan', '--dry-run');
    expect(dry.code).toBe(0);
    const counted = dry.json();
    expect(counted).toMatchObject({ date: '2026-11-23', dry_run: true, not_before: WINDOW_OPENS });
    expect(Object.keys(counted.by_stage)).toEqual(['H-14', 'H-7', 'H-3', 'H+1', 'H+7', 'H+30']);
    expect(Object.keys(counted.skipped)).toEqual(['paid', 'no_contact', 'opted_out', 'office_number', 'template_not_approved']);
    expect(counted.planned).toBeGreaterThan(0);
    expect(counted.by_channel.whatsapp + counted.by_channel.sms).toBe(counted.planned);
    expect(await outboxCount()).toBe(0);

    const real = (await sipeka('plan')).json();
    expect({ ...real, plan_run_id: null, dry_run: true }).toEqual(counted);
    expect(await outboxCount()).toBe(real.planned);
    expect((await sipeka('plan')).json().planned).toBe(0);
    const runs = (await sipeka('reminders', 'runs')).json().runs;
    expect(runs.map((r: { planned: number }) => r.planned)).toEqual([0, real.planned]);
  }, 120_000);

  it('plans a Sunday for Monday morning, and edits holidays and stages', async () => {
    const { sipeka } = await demoLedger(engine);
    expect((await sipeka('plan', '--date', '2026-11-29', '--dry-run')).json().not_before).toBe('2026-11-30T01:00:00.000Z');

    expect((await sipeka('reminders', 'holidays', 'add', '2026-11-30', 'Hari', 'Libur', 'Contoh')).json().holiday).toMatchObject({ day: '2026-11-30', name: 'Hari Libur Contoh' });
    const twice = await sipeka('reminders', 'holidays', 'add', '2026-11-30', 'Lagi');
    expect(twice.code).toBe(1);
    expect(twice.json().error.code).toBe('REMINDER_HOLIDAY_EXISTS');
    expect((await sipeka('plan', '--date', '2026-11-29', '--dry-run')).json().not_before).toBe('2026-12-01T01:00:00.000Z');
    expect((await sipeka('reminders', 'holidays', 'list')).json().holidays).toHaveLength(1);
    expect((await sipeka('reminders', 'holidays', 'remove', '2026-11-30')).code).toBe(0);

    const before = (await sipeka('reminders', 'stages')).json();
    expect(before).toMatchObject({ defaults: true });
    expect(before.stages).toHaveLength(6);
    const changed = (await sipeka('reminders', 'stage', 'H-3', '--offset', '-2', '--channels', 'sms')).json();
    expect(changed.stage).toEqual({ code: 'H-3', taxType: '*', offsetDays: -2, channels: ['sms'], active: true });
    const after = (await sipeka('reminders', 'stages')).json();
    expect(after.defaults).toBe(false);
    expect(after.stages.find((s: { code: string }) => s.code === 'H-3')).toMatchObject({ offsetDays: -2, channels: ['sms'] });
    const audit = (await sipeka('audit', 'list')).json();
    expect(JSON.stringify(audit)).toContain('reminders.updateStage');
  }, 120_000);
});
