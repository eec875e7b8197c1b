import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import { loadDemo } from '../../main/ledger/demo/index.js';
import { clockFromEnv } from '../../main/platform/clock.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines } from '../support/engines.js';

const fresh = freshDatabases();
const NOW = '2026-11-23T03:00:00.000Z';

async function demoLedger(engine: 'sqlite' | 'postgres') {
  const d = await fresh(engine);
  const env = { SIPEKA_DATA_DIR: d.dir, SIPEKA_FAKE_NOW: NOW };
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    await loadDemo(app.ledger.db, { taxpayers: 80, seed: 5, today: '2026-11-23', force: false, actor: { username: 'budi', role: 'officer' }, origin: 'test', now: new Date(NOW) });
  } finally {
    await closeApp(app);
  }
  /** The same procedure in-process, as the screen calls it. */
  const screen = async (input: Record<string, unknown>) => {
    const reopened = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env, clock: clockFromEnv(env) });
    try {
      return await dispatch(reopened, { procedure: 'dashboard.kpi', input, session: { token: null, set: () => undefined }, origin: 'test', actor: { userId: null, username: 'kepala', role: 'head' } });
    } finally {
      await closeApp(reopened);
    }
  };
  return { d, sipeka: (...args: string[]) => runCli([...d.flags, '--json', ...args], { env }), screen };
}

describe.each(testEngines())('sipeka kpi on %s', (engine) => {
  it('prints the figures the dashboard shows, as one JSON object, for the same filters', async () => {
    const { sipeka, screen } = await demoLedger(engine);
    const target = await sipeka('kpi-target', '--year', '2026', '--indicator', 'revenue', '--value', '500000000');
    expect(target.code).toBe(0);
    const all = await sipeka('kpi', '--year', '2026');
    expect(all.code).toBe(0);
    const figures = all.json();
    expect(Object.keys(figures)).toEqual(['asOf', 'year', 'period', 'filters', 'realisation', 'arrears', 'compliance', 'funnel', 'reachability', 'channels', 'savings', 'builtAt', 'refreshing']);
    expect(figures.realisation.yearlyTarget).toBe(500_000_000);
    expect(figures.realisation.capaian.shown).toBeLessThanOrEqual(1.2);
    expect(figures.arrears.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['0-30', '31-90', '91-180', '181-365', '>365']);
    expect(figures.arrears.bills).toBeGreaterThan(0);

    const kecamatan = figures.arrears.byKecamatan[0].key as string;
    const narrowed = (await sipeka('kpi', '--period', '2026-10', '--tax-type', 'PBJT_MAKMIN', '--kecamatan', kecamatan)).json();
    const { builtAt: _cli, ...cli } = narrowed;
    const { builtAt: _screen, ...shown } = (await screen({ period: '2026-10', taxType: 'PBJT_MAKMIN', kecamatan })) as Record<string, unknown>;
    expect(cli).toEqual(shown);
    expect(cli.filters).toEqual({ taxType: 'PBJT_MAKMIN', kecamatan });
  });

  it('writes the LAKIN-style table as a workbook, and refuses a period outside the year', async () => {
    const { d, sipeka } = await demoLedger(engine);
    const out = path.join(d.dir, 'kinerja.xlsx');
    const lakin = await sipeka('kpi-lakin', '--year', '2026', '--out', out);
    expect(lakin.code).toBe(0);
    expect(lakin.json()).toMatchObject({ year: 2026, currentQuarter: 4, out });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const wrong = await sipeka('kpi', '--year', '2025', '--period', '2026-01');
    expect(wrong.code).toBe(1);
    expect(wrong.json().error.code).toBe('DASHBOARD_PERIOD_YEAR');
  });
});
