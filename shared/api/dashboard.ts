import { z } from 'zod';
import { INDICATORS } from '../dashboard/targets.js';
import { isoDate, rupiah } from './common.js';
import { billRow } from './ledger.js';
import { procedure } from './procedure.js';

/** The head of agency's dashboard (issue 9): KPI panels, the LAKIN-style table, targets, drill-downs. */

const VIEWERS = ['head', 'admin'] as const;
const count = z.number().int();
const rate = z.number().nullable();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const dashboardFilters = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(),
    period: month.optional(),
    taxType: z.string().trim().min(1).max(30).optional(),
    kecamatan: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

const capaian = z.object({ value: rate, shown: rate });
const quarters = z.tuple([count, count, count, count]);

const realisationRow = z.object({ taxType: z.string(), realisation: rupiah, bills: count, target: rupiah.nullable(), capaian });
const bucketFigure = z.object({ bucket: z.string(), bills: count, principal: rupiah });
const arrearsGroup = z.object({ key: z.string().nullable(), bills: count, principal: rupiah, buckets: z.array(bucketFigure) });
const reachCounts = z.object({ whatsapp: z.number(), sms: z.number(), none: z.number(), total: z.number() });
const funnelRow = z.object({
  stage: z.string(),
  channel: z.string(),
  sent: count,
  delivered: count,
  read: count,
  paid7: count,
  paid14: count,
});
const controlRow = z.object({ stage: z.string(), bills: count, paid7: count, paid14: count });

export const kpiResult = z.object({
  asOf: isoDate,
  year: count,
  period: month.nullable(),
  filters: z.object({ taxType: z.string().nullable(), kecamatan: z.string().nullable() }),
  /** Money received (paid bills by paid date), against the cumulative target of the as-of quarter. */
  realisation: z.object({
    total: rupiah,
    bills: count,
    /** Through the as-of month (the year so far, or the chosen month's year so far). */
    cumulative: rupiah,
    asOfMonth: count,
    quarter: count,
    yearlyTarget: rupiah.nullable(),
    quarterTarget: rupiah.nullable(),
    capaian,
    byTaxType: z.array(realisationRow),
    byMonth: z.array(z.object({ month, realisation: rupiah, bills: count, cumulative: rupiah, cumulativeTarget: rupiah.nullable() })),
  }),
  /** Unpaid and overdue today, by days past the due date. */
  arrears: z.object({
    bills: count,
    principal: rupiah,
    buckets: z.array(bucketFigure),
    byTaxType: z.array(arrearsGroup),
    byKecamatan: z.array(arrearsGroup),
  }),
  /** Share of bills paid by their due date, over bills due in the scope up to yesterday. */
  compliance: z.object({
    due: count,
    onTime: count,
    rate,
    target: rate,
    capaian,
    byMonth: z.array(z.object({ month, due: count, onTime: count, rate })),
  }),
  /** Reminded bills: sent → delivered → read → paid within 7 and 14 days of the reminder's day; against bills never reminded. */
  funnel: z.object({
    totals: funnelRow.omit({ stage: true, channel: true }),
    byStageChannel: z.array(funnelRow),
    control: z.array(controlRow),
  }),
  reachability: z.object({ taxpayers: reachCounts, principal: reachCounts, rate, principalRate: rate, target: rate, capaian }),
  channels: z.array(z.object({ channel: z.string(), messages: count, costPerMessage: rupiah, cost: rupiah })),
  savings: z.object({ reminders: count, paperLetterCost: rupiah, messageCost: rupiah, saved: rupiah }),
  /**
   * When the oldest figures shown were built: the message figures may lag the outbox by up to a
   * minute, and on a large ledger every figure lags while its rebuild runs in the background.
   */
  builtAt: z.string().nullable(),
  /** A rebuild is running: the figures are from `builtAt` and newer ones follow on the next load. */
  refreshing: z.boolean(),
});
export type KpiResult = z.infer<typeof kpiResult>;

export const dashboardKpi = procedure({ name: 'dashboard.kpi', roles: VIEWERS, kind: 'query', input: dashboardFilters, output: kpiResult });

export const targetRow = z.object({
  indicator: z.enum(INDICATORS),
  /** `*` for the indicator as a whole, or a tax type code. */
  taxType: z.string().trim().min(1).max(30),
  /** Rupiah for revenue; basis points (8000 = 80 %) for rates. */
  target: z.number().int().min(0).safe(),
  /** Cumulative percent of the yearly target by the end of quarters I–IV. */
  quarters,
  weight: z.number().int().min(0).max(100),
});
export type TargetRow = z.infer<typeof targetRow>;

export const dashboardTargets = procedure({
  name: 'dashboard.targets',
  roles: VIEWERS,
  kind: 'query',
  input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
  /** `stored` is false for rows shown with their defaults. */
  output: z.object({ year: count, targets: z.array(targetRow.extend({ stored: z.boolean() })) }),
});

export const dashboardSetTargets = procedure({
  name: 'dashboard.setTargets',
  roles: VIEWERS,
  kind: 'mutation',
  input: z.object({ year: z.number().int().min(2000).max(2100), targets: z.array(targetRow.partial({ quarters: true, weight: true })).min(1).max(100) }).strict(),
  output: z.object({ year: count, saved: count }),
});

export const lakinRow = z.object({
  indicator: z.enum(INDICATORS),
  taxType: z.string(),
  unit: z.enum(['rupiah', 'percent']),
  weight: count,
  targets: z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable()]),
  realisations: z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable()]),
  capaian: z.tuple([rate, rate, rate, rate]),
});
export type LakinRowData = z.infer<typeof lakinRow>;

export const lakinTable = z.object({ year: count, asOf: isoDate, currentQuarter: count, rows: z.array(lakinRow), nko: rate });

export const dashboardLakin = procedure({
  name: 'dashboard.lakin',
  roles: VIEWERS,
  kind: 'query',
  input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
  output: lakinTable,
});

const file = z.object({ fileName: z.string(), contentBase64: z.string() });

export const dashboardLakinXlsx = procedure({
  name: 'dashboard.lakinXlsx',
  roles: VIEWERS,
  kind: 'query',
  input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
  output: file,
});

/** What a figure on the dashboard stands for, to list the bills behind it. */
export const DRILL_FIGURES = ['realisation', 'arrears', 'compliance_on_time', 'compliance_late', 'largest', 'reminded'] as const;

export const drillInput = dashboardFilters.extend({
  figure: z.enum(DRILL_FIGURES),
  /** Arrears: one aging bucket. */
  bucket: z.string().optional(),
  /** Realisation or compliance: one month of the year. */
  month: month.optional(),
  /** Reminded bills: one stage and channel, and how far down the funnel (sent, paid within 7 or 14 days). */
  stage: z.string().max(20).optional(),
  channel: z.enum(['whatsapp', 'sms']).optional(),
  window: z.enum(['sent', 'paid7', 'paid14']).optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
});

export const dashboardBills = procedure({
  name: 'dashboard.bills',
  roles: VIEWERS,
  kind: 'query',
  input: drillInput.strict(),
  /** `total` stops counting at 10,000 (`totalCapped`). */
  output: z.object({ rows: z.array(billRow.extend({ daysOverdue: count.nullable(), paidAmount: rupiah.nullable() })), total: count, totalCapped: z.boolean(), asOf: isoDate }),
});

export const dashboardBillsXlsx = procedure({
  name: 'dashboard.billsXlsx',
  roles: VIEWERS,
  kind: 'query',
  input: drillInput.omit({ limit: true, offset: true }).strict(),
  output: file.extend({ rows: count }),
});

export const dashboardProcedures = [dashboardKpi, dashboardTargets, dashboardSetTargets, dashboardLakin, dashboardLakinXlsx, dashboardBills, dashboardBillsXlsx] as const;
