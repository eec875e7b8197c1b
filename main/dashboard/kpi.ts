import type { Kysely } from 'kysely';
import type { KpiResult, TargetRow } from '../../shared/api/dashboard.js';
import { STAGE_CODES } from '../../shared/api/reminders.js';
import type { Settings } from '../../shared/api/settings.js';
import { UserError } from '../../shared/errors.js';
import { addDays, lastDayOfMonth, stageOffset } from '../../shared/dashboard/calendar.js';
import { controlGroup } from '../../shared/dashboard/funnel.js';
import { resolveScope, type Scope } from '../../shared/dashboard/scope.js';
import { capaian, quarterOf } from '../../shared/dashboard/targets.js';
import type { Database } from '../db/schema.js';
import { arrearsFigures } from './arrears.js';
import { complianceByMonth, type FigureFilters, funnelRows, messageRows, reachRows, receiptsByMonth, unremindedRows } from './figures.js';
import { dueBy, resolveTarget } from './targets.js';

export interface KpiRequest {
  year?: number | undefined;
  period?: string | undefined;
  taxType?: string | undefined;
  kecamatan?: string | undefined;
}

/** Every figure of the dashboard for one choice of filters, from the rollups (kept fresh by the caller). */
export async function computeKpi(db: Kysely<Database>, request: KpiRequest, today: string, settings: Settings, targets: readonly TargetRow[], freshness: { builtAt: string | null; refreshing: boolean }): Promise<KpiResult> {
  const scope = scopeOf(request, today);
  const filters: FigureFilters = { taxType: request.taxType ?? null, kecamatan: request.kecamatan ?? null };
  const [realisation, arrears, compliance, funnel, reachability, messages] = await Promise.all([
    realisationFigures(db, scope, filters, targets),
    arrearsFigures(db, today, filters),
    complianceFigures(db, scope, filters, targets),
    funnelFigures(db, scope, filters),
    reachabilityFigures(db, filters, targets),
    messageRows(db, scope.months, filters),
  ]);
  const costOf = (channel: string) => (channel === 'sms' ? settings.smsMessageCost : settings.whatsappMessageCost);
  const byChannel = new Map<string, number>();
  let reminders = 0;
  let reminderCost = 0;
  for (const m of messages) {
    byChannel.set(m.channel, (byChannel.get(m.channel) ?? 0) + m.messages);
    if (m.kind !== 'reminder') continue;
    reminders += m.messages;
    reminderCost += m.messages * costOf(m.channel);
  }
  return {
    asOf: today,
    year: scope.year,
    period: scope.period,
    filters,
    realisation,
    arrears,
    compliance,
    funnel,
    reachability,
    channels: ['whatsapp', 'sms'].map((channel) => ({ channel, messages: byChannel.get(channel) ?? 0, costPerMessage: costOf(channel), cost: (byChannel.get(channel) ?? 0) * costOf(channel) })),
    // Each reminder sent replaces a letter that would have been printed and delivered.
    savings: { reminders, paperLetterCost: settings.paperLetterCost, messageCost: reminderCost, saved: reminders * settings.paperLetterCost - reminderCost },
    builtAt: freshness.builtAt,
    refreshing: freshness.refreshing,
  };
}

export function scopeOf(request: KpiRequest, today: string): Scope {
  if (request.period && request.year !== undefined && Number(request.period.slice(0, 4)) !== request.year) {
    throw new UserError('DASHBOARD_PERIOD_YEAR', { period: request.period, year: request.year });
  }
  return resolveScope(today, request);
}

async function realisationFigures(db: Kysely<Database>, scope: Scope, filters: FigureFilters, targets: readonly TargetRow[]): Promise<KpiResult['realisation']> {
  const rows = await receiptsByMonth(db, scope.year, filters);
  const asOfMonth = `${scope.year}-${String(scope.asOfMonth).padStart(2, '0')}`;
  const quarter = scope.asOfMonth === 0 ? 1 : quarterOf(scope.asOfMonth);
  const target = resolveTarget(targets, 'revenue', filters.taxType, filters.kecamatan);
  const inScope = rows.filter((r) => scope.months.includes(r.month));
  const toDate = rows.filter((r) => r.month <= asOfMonth);
  const cumulative = sum(toDate.map((r) => r.amount));
  const quarterTarget = target && scope.asOfMonth > 0 ? dueBy(target, quarter) : null;

  const taxTypes = new Set([...rows.map((r) => r.taxType), ...targets.filter((t) => t.indicator === 'revenue' && t.taxType !== '*' && t.target > 0).map((t) => t.taxType)]);
  if (filters.taxType) for (const t of [...taxTypes]) if (t !== filters.taxType) taxTypes.delete(t);
  const byTaxType = [...taxTypes].map((taxType) => {
    const mine = toDate.filter((r) => r.taxType === taxType);
    const own = resolveTarget(targets, 'revenue', taxType, filters.kecamatan);
    const ownTarget = own && scope.asOfMonth > 0 ? dueBy(own, quarter) : null;
    const realisation = sum(mine.map((r) => r.amount));
    return { taxType, realisation, bills: sum(mine.map((r) => r.bills)), target: ownTarget, capaian: capaian(realisation, ownTarget) };
  });
  byTaxType.sort((a, b) => b.realisation - a.realisation || a.taxType.localeCompare(b.taxType));

  let running = 0;
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${scope.year}-${String(i + 1).padStart(2, '0')}`;
    const mine = rows.filter((r) => r.month === month);
    const realisation = sum(mine.map((r) => r.amount));
    running += realisation;
    return { month, realisation, bills: sum(mine.map((r) => r.bills)), cumulative: running, cumulativeTarget: target ? dueBy(target, quarterOf(i + 1)) : null };
  });
  return {
    total: sum(inScope.map((r) => r.amount)),
    bills: sum(inScope.map((r) => r.bills)),
    cumulative,
    asOfMonth: scope.asOfMonth,
    quarter,
    yearlyTarget: target ? target.yearly : null,
    quarterTarget,
    capaian: capaian(cumulative, quarterTarget),
    byTaxType,
    byMonth,
  };
}

async function complianceFigures(db: Kysely<Database>, scope: Scope, filters: FigureFilters, targets: readonly TargetRow[]): Promise<KpiResult['compliance']> {
  const months = await complianceByMonth(db, scope.dueFrom, scope.dueTo, filters);
  const due = sum(months.map((m) => m.due));
  const onTime = sum(months.map((m) => m.onTime));
  const rate = due === 0 ? null : onTime / due;
  const target = resolveTarget(targets, 'compliance', filters.taxType, filters.kecamatan);
  const quarter = scope.asOfMonth === 0 ? 1 : quarterOf(scope.asOfMonth);
  const targetRate = target ? dueBy(target, quarter) / 10_000 : null;
  return {
    due,
    onTime,
    rate,
    target: targetRate,
    capaian: rate === null ? { value: null, shown: null } : capaian(rate, targetRate),
    byMonth: months.map((m) => ({ ...m, rate: m.due === 0 ? null : m.onTime / m.due })),
  };
}

async function funnelFigures(db: Kysely<Database>, scope: Scope, filters: FigureFilters): Promise<KpiResult['funnel']> {
  const from = `${scope.months[0]}-01`;
  const to = lastDayOfMonth(scope.months[scope.months.length - 1] as string);
  const byStageChannel = (await funnelRows(db, scope.months, filters)).sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.channel.localeCompare(b.channel));
  const totals = { sent: 0, delivered: 0, read: 0, paid7: 0, paid14: 0 };
  for (const row of byStageChannel) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  const stages = [...new Set([...STAGE_CODES, ...byStageChannel.map((r) => r.stage)])].filter((code) => stageOffset(code) !== null);
  const offsets = stages.map((code) => stageOffset(code) as number);
  // A bill's stage day lies within the largest offsets of its due day.
  const unreminded = await unremindedRows(db, addDays(from, -Math.max(0, ...offsets)), addDays(to, -Math.min(0, ...offsets)), filters);
  const control = stages.map((stage) => ({ stage, ...controlGroup(unreminded, stageOffset(stage) as number, from, to, scope.today) }));
  return { totals, byStageChannel, control };
}

function stageOrder(code: string): number {
  return stageOffset(code) ?? 10_000;
}

async function reachabilityFigures(db: Kysely<Database>, filters: FigureFilters, targets: readonly TargetRow[]): Promise<KpiResult['reachability']> {
  const rows = await reachRows(db, filters);
  const taxpayers = { whatsapp: 0, sms: 0, none: 0, total: 0 };
  const principal = { whatsapp: 0, sms: 0, none: 0, total: 0 };
  for (const row of rows) {
    const reach = row.reach === 'whatsapp' || row.reach === 'sms' ? row.reach : 'none';
    taxpayers[reach] += row.taxpayers;
    taxpayers.total += row.taxpayers;
    principal[reach] += row.principal;
    principal.total += row.principal;
  }
  const rate = taxpayers.total === 0 ? null : (taxpayers.whatsapp + taxpayers.sms) / taxpayers.total;
  const target = resolveTarget(targets, 'reachability', filters.taxType, filters.kecamatan);
  const targetRate = target ? target.yearly / 10_000 : null;
  return {
    taxpayers,
    principal,
    rate,
    principalRate: principal.total === 0 ? null : (principal.whatsapp + principal.sms) / principal.total,
    target: targetRate,
    capaian: rate === null ? { value: null, shown: null } : capaian(rate, targetRate),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
