import type { ProcedureName } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import type { Ctx } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import { readSettings } from '../platform/settings.js';
import { agencyToday } from '../platform/today.js';
import { billsWorkbook } from './bills-xlsx.js';
import { DRILL_COUNT_CAP, drillBills } from './drill.js';
import { computeKpi } from './kpi.js';
import { lakinTable } from './lakin.js';
import { lakinWorkbook } from './lakin-xlsx.js';
import { freshRollups } from './rollups.js';
import { readTargets, saveTargets } from './targets.js';

export const dashboardProcedures: HandlerMap<Extract<ProcedureName, `dashboard.${string}`>> = {
  async 'dashboard.kpi'(ctx, filters) {
    const status = await freshRollups(ctx.app);
    const today = await agencyToday(ctx.db, ctx.app.clock);
    const year = filters.year ?? Number((filters.period ?? today).slice(0, 4));
    const [settings, targets] = await Promise.all([readSettings(ctx.db), readTargets(ctx.db, year)]);
    return computeKpi(ctx.db, filters, today, settings, targets, status);
  },

  async 'dashboard.targets'(ctx, { year }) {
    return { year, targets: await readTargets(ctx.db, year) };
  },

  async 'dashboard.setTargets'(ctx, { year, targets }) {
    const before = (await readTargets(ctx.db, year)).filter((t) => t.stored);
    const saved = await saveTargets(ctx.db, year, targets, actorName(ctx), ctx.app.clock.now());
    await ctx.audit({ target: `kpi_targets:${year}`, before, after: saved });
    return { year, saved: saved.length };
  },

  async 'dashboard.lakin'(ctx, { year }) {
    return lakinOf(ctx, year);
  },

  async 'dashboard.lakinXlsx'(ctx, { year }) {
    const table = await lakinOf(ctx, year);
    const buffer = await lakinWorkbook(table, await readSettings(ctx.db));
    return { fileName: `kinerja-${table.year}-per-${table.asOf}.xlsx`, contentBase64: buffer.toString('base64') };
  },

  async 'dashboard.bills'(ctx, { limit, offset, ...drill }) {
    // Reminded bills are found through the rollups' expanded bill lists, and totals read from them.
    await freshRollups(ctx.app);
    const today = await agencyToday(ctx.db, ctx.app.clock);
    return { ...(await drillBills(ctx.db, drill, { limit, offset }, today)), asOf: today };
  },

  async 'dashboard.billsXlsx'(ctx, drill) {
    await freshRollups(ctx.app);
    const today = await agencyToday(ctx.db, ctx.app.clock);
    const { rows } = await drillBills(ctx.db, drill, { limit: DRILL_COUNT_CAP, offset: 0 }, today);
    const title = [drill.figure, drill.bucket, drill.stage, drill.channel, drill.window, drill.month ?? drill.period ?? drill.year, drill.taxType, drill.kecamatan].filter((p) => p !== undefined).join(' · ');
    const buffer = await billsWorkbook(`Tagihan: ${title} (per ${today})`, rows);
    return { fileName: `tagihan-${drill.figure}${drill.bucket ? `-${drill.bucket}` : ''}-${today}.xlsx`, contentBase64: buffer.toString('base64'), rows: rows.length };
  },
};

async function lakinOf(ctx: Ctx, year: number | undefined) {
  await freshRollups(ctx.app);
  const today = await agencyToday(ctx.db, ctx.app.clock);
  const y = year ?? Number(today.slice(0, 4));
  return lakinTable(ctx.db, y, today, await readTargets(ctx.db, y));
}

function actorName(ctx: Ctx): string {
  if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
  return ctx.actor.username;
}
