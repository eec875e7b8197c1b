import type { Database } from '../db/schema.js';

type Margin = 'tax_type' | 'kecamatan';

export interface RollupTable {
  name: keyof Database & string;
  keys: readonly string[];
  sums: readonly string[];
  /** Which keys get `*` rows summed over them (see withMargins). */
  margins: readonly Margin[];
}

/** The ledger part: rebuilt from bills, payments and contacts. */
export const LEDGER_TABLES = {
  billDays: { name: 'dash_bill_days', keys: ['tax_type', 'kecamatan', 'due_date'], sums: ['bills', 'on_time_bills', 'unpaid_bills', 'unpaid_principal'], margins: ['tax_type', 'kecamatan'] },
  receipts: { name: 'dash_receipts', keys: ['tax_type', 'kecamatan', 'paid_month'], sums: ['bills', 'amount'], margins: ['tax_type', 'kecamatan'] },
  // Its `*` tax type rows are computed, not summed (a taxpayer owing two types counts once).
  reach: { name: 'dash_reach', keys: ['kecamatan', 'tax_type', 'reach'], sums: ['taxpayers', 'principal'], margins: [] },
} as const satisfies Record<string, RollupTable>;

/** The messages part: rebuilt from the outbox and the bills it speaks of. */
export const MESSAGE_TABLES = {
  funnel: { name: 'dash_funnel', keys: ['tax_type', 'kecamatan', 'stage', 'channel', 'plan_month'], sums: ['sent', 'delivered', 'read_count', 'paid7', 'paid14'], margins: ['tax_type', 'kecamatan'] },
  unreminded: { name: 'dash_unreminded', keys: ['tax_type', 'kecamatan', 'due_date', 'paid_date'], sums: ['bills'], margins: ['tax_type', 'kecamatan'] },
  // A message speaking of two tax types counts once under `*`, so only the kecamatan margin is a sum.
  messages: { name: 'dash_messages', keys: ['kind', 'channel', 'plan_month', 'kecamatan', 'tax_type'], sums: ['messages'], margins: ['kecamatan'] },
} as const satisfies Record<string, RollupTable>;

export type RollupRow = Record<string, string | number>;

/** A part's tables as computed, ready to replace what is stored, and the version they were read at. */
export interface ComputedPart {
  part: 'ledger' | 'messages';
  version: string;
  tables: { table: RollupTable; rows: RollupRow[] }[];
  ms: number;
}

/**
 * Adds a rollup's margins: rows with `*` as the tax type, the kecamatan or both, summed from its
 * cells. A panel without that filter then reads the few margin rows instead of adding up every
 * (tax type, kecamatan) cell, which keeps each query to one indexed range at a million bills.
 * Counts arrive from PostgreSQL as strings (bigint); every sum leaves here a number.
 */
export function withMargins(table: RollupTable, cells: readonly Record<string, unknown>[]): RollupRow[] {
  const rows: RollupRow[] = cells.map((c) => {
    const row: RollupRow = {};
    for (const k of table.keys) row[k] = String(c[k]);
    for (const s of table.sums) row[s] = Number(c[s] ?? 0);
    return row;
  });
  const m = table.margins;
  const subsets: Margin[][] = m.length === 0 ? [] : m.length === 1 ? [[...m]] : [[m[0] as Margin], [m[1] as Margin], [...m]];
  const margins: RollupRow[] = [];
  for (const subset of subsets) {
    const grouped = new Map<string, RollupRow>();
    for (const row of rows) {
      // Only cells are summed: a row already `*` in a margin key is itself a margin (dash_messages' `*` tax type rows are cells).
      if (m.some((k) => row[k] === '*')) continue;
      const key = table.keys.map((k) => ((subset as string[]).includes(k) ? '*' : row[k])).join('\u0000');
      const into = grouped.get(key);
      if (into) for (const s of table.sums) into[s] = (into[s] as number) + (row[s] as number);
      else grouped.set(key, { ...row, ...Object.fromEntries(subset.map((k) => [k, '*'])) });
    }
    margins.push(...grouped.values());
  }
  return [...rows, ...margins];
}
