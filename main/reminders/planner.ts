import type { Insertable, Kysely, Transaction } from 'kysely';
import type { MessageData } from '../../shared/templates/index.js';
import type { Database, OutboxTable } from '../db/schema.js';
import { calendarDate } from '../platform/clock.js';
import { displayedVaPrefix } from '../payments/index.js';
import { readSettings } from '../platform/settings.js';
import { reminderMessage } from './message.js';
import { billData, insertOnce, queuedRow } from './outbox-rows.js';
import { blockedPhones, chooseChannel, loadTemplates, SKIP_REASONS, type SkipReason, templateKey } from './reach.js';
import { holidaySet, readStages } from './rules.js';
import { nextSendInstant, type SendWindow, zonedInstant } from './send-window.js';
import { addDays, ALL_TAX_TYPES, CHANNELS, type Channel, dueDateRange, stageDay, stageOn, type StageRule, stagesFor } from './stages.js';

const PAGE_ROWS = 20_000;
const INSERT_ROWS = 500;
const LOOKUP_IDS = 1000;

export interface PlanOptions {
  /** The day to plan for (`YYYY-MM-DD`, agency zone); today by default. */
  date?: string;
  /** Plan and count, then roll everything back. */
  dryRun?: boolean;
  actor: string;
  now: Date;
  /** Bills read per query (a taxpayer's bills are never split between pages); tests make it small. */
  pageRows?: number;
}

export interface PlanResult {
  date: string;
  dry_run: boolean;
  plan_run_id: number | null;
  /** The first instant the planned messages may be sent (the send window). */
  not_before: string;
  planned: number;
  by_stage: Record<string, number>;
  by_channel: Record<Channel, number>;
  skipped: Record<SkipReason, number>;
}

/**
 * Plans the day's reminders: each unpaid bill's stage (catching up with the latest one after
 * downtime), the bills of one taxpayer due the same day grouped into one message per stage,
 * on the first channel of the stage that reaches the taxpayer with an approved template, into
 * the outbox. One transaction per run; the outbox's unique key (taxpayer, stage, due date,
 * channel) makes a second run plan nothing new, even two runs at once. A dry run is the same
 * run rolled back.
 */
export async function planReminders(db: Kysely<Database>, options: PlanOptions): Promise<PlanResult> {
  const settings = await readSettings(db);
  const date = options.date ?? calendarDate(options.now, settings.timezone);
  const rules = await readStages(db);
  const window: SendWindow = {
    start: settings.sendWindowStart,
    end: settings.sendWindowEnd,
    days: settings.sendDays,
    holidays: await holidaySet(db, date),
    timeZone: settings.timezone,
  };
  const dayStart = zonedInstant(date, 0, settings.timezone);
  const notBefore = nextSendInstant(options.now > dayStart ? options.now : dayStart, window).toISOString();
  const context: PlanContext = {
    date,
    notBefore,
    pageRows: options.pageRows ?? PAGE_ROWS,
    actor: options.actor,
    at: options.now.toISOString(),
    rules,
    stageSets: new Map(),
    templates: await loadTemplates(db, rules),
    blocked: await blockedPhones(db),
    // `{nama_instansi}`, `{kontak_instansi}`, `{cara_bayar}`, as the templates module previews them.
    agency: { name: settings.agencyName, contact: settings.agencyContact, howToPay: settings.howToPay },
    vaPrefix: await displayedVaPrefix(db),
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await planInTransaction(trx, context);
      if (options.dryRun) throw new RolledBack({ ...result, dry_run: true, plan_run_id: null });
      return result;
    });
  } catch (err) {
    if (err instanceof RolledBack) return err.result;
    throw err;
  }
}

class RolledBack extends Error {
  constructor(readonly result: PlanResult) {
    super('dry run rolled back');
  }
}

interface PlanContext {
  date: string;
  notBefore: string;
  pageRows: number;
  actor: string;
  at: string;
  rules: StageRule[];
  stageSets: Map<string, StageRule[]>;
  templates: Map<string, { id: number; body: string }>;
  /** Numbers never messaged, and why. */
  blocked: Map<string, SkipReason>;
  agency: MessageData['agency'];
  /** `{nomor_va}`: the virtual account prefix, null without a partner. */
  vaPrefix: string | null;
}

interface BillRow {
  id: number;
  taxpayer_id: number;
  due_date: string;
  tax_type: string;
  principal: number | string;
  penalty: number | string;
  tax_type_label: string;
  masa_pajak: string | null;
  kode_bayar: string;
  nop: string | null;
  object_name: string | null;
  taxpayer_name: string;
  npwpd: string | null;
  wa_phone: string | null;
  sms_phone: string | null;
}

interface Group {
  stage: StageRule;
  bills: BillRow[];
}

async function planInTransaction(trx: Transaction<Database>, ctx: PlanContext): Promise<PlanResult> {
  const result = emptyResult(ctx);
  const run = await trx
    .insertInto('plan_runs')
    .values({ plan_date: ctx.date, actor: ctx.actor, started_at: ctx.at, planned: 0, skipped: 0, counts: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(run.id);
  result.plan_run_id = runId;
  const range = dueDateRange(ctx.rules, ctx.date);
  if (range) {
    const planned = new Set<string>();
    for (let due = range.from; due <= range.to; due = addDays(due, 1)) {
      await planDueDate(trx, ctx, runId, due, planned, result);
    }
  }
  const skipped = Object.values(result.skipped).reduce((a, b) => a + b, 0);
  await trx
    .updateTable('plan_runs')
    .set({ planned: result.planned, skipped, counts: JSON.stringify({ by_stage: result.by_stage, by_channel: result.by_channel, skipped: result.skipped }) })
    .where('id', '=', runId)
    .execute();
  return result;
}

/** The bills due one day, a page at a time, each page ending on a whole taxpayer. */
async function planDueDate(trx: Transaction<Database>, ctx: PlanContext, runId: number, due: string, planned: Set<string>, result: PlanResult): Promise<void> {
  const stagesToday = [ALL_TAX_TYPES, ...taxTypesWithRules(ctx.rules)].map((type) => stageOn(stagesOf(ctx, type), due, ctx.date));
  if (stagesToday.every((stage) => stage === null)) return;
  const unpaidMoments = new Set<string>();
  let after = { taxpayerId: 0, id: 0 };
  let carry: BillRow[] = [];
  for (;;) {
    const page = await unpaidPage(trx, due, after, ctx.pageRows);
    const rows = carry.concat(page);
    const last = page[page.length - 1];
    await addPlannedMoments(trx, page.map((r) => Number(r.taxpayer_id)), due, planned);
    if (!last || page.length < ctx.pageRows) {
      await planBills(trx, ctx, runId, rows, planned, unpaidMoments, result);
      break;
    }
    // The page may have cut the last taxpayer's bills short: keep them for the next page.
    after = { taxpayerId: Number(last.taxpayer_id), id: Number(last.id) };
    const whole = rows.findIndex((r) => Number(r.taxpayer_id) === after.taxpayerId);
    carry = rows.slice(whole);
    await planBills(trx, ctx, runId, rows.slice(0, whole), planned, unpaidMoments, result);
  }
  // Paid bills matter only on a stage's own day, to report the reminder a payment made unnecessary.
  if (stagesToday.some((stage) => stage !== null && stageDay(stage, due) === ctx.date)) await skipPaid(trx, ctx, runId, due, planned, unpaidMoments, result);
}

async function unpaidPage(trx: Transaction<Database>, due: string, after: { taxpayerId: number; id: number }, limit: number): Promise<BillRow[]> {
  const rows = await trx
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .leftJoin('tax_objects', 'tax_objects.id', 'bills.object_id')
    .leftJoin('contacts', 'contacts.taxpayer_id', 'bills.taxpayer_id')
    .select([
      'bills.id',
      'bills.taxpayer_id',
      'bills.due_date',
      'bills.tax_type',
      'bills.principal',
      'bills.penalty',
      'bills.tax_type_label',
      'bills.masa_pajak',
      'bills.kode_bayar',
      'tax_objects.nop',
      'tax_objects.name as object_name',
      'taxpayers.name as taxpayer_name',
      'taxpayers.npwpd',
      'contacts.wa_phone',
      'contacts.sms_phone',
    ])
    .where('bills.due_date', '=', due)
    .where('bills.status', '=', 'unpaid')
    .where((eb) => eb.or([eb('bills.taxpayer_id', '>', after.taxpayerId), eb.and([eb('bills.taxpayer_id', '=', after.taxpayerId), eb('bills.id', '>', after.id)])]))
    .orderBy('bills.taxpayer_id')
    .orderBy('bills.id')
    .limit(limit)
    .execute();
  return rows as BillRow[];
}

/** A `paid` skip for each moment falling today whose bills are all paid and that nothing was planned for. */
async function skipPaid(trx: Transaction<Database>, ctx: PlanContext, runId: number, due: string, planned: Set<string>, unpaidMoments: Set<string>, result: PlanResult): Promise<void> {
  const rows = await trx.selectFrom('bills').select(['id', 'taxpayer_id', 'tax_type']).where('due_date', '=', due).where('status', '=', 'paid').execute();
  await addPlannedMoments(trx, rows.map((r) => Number(r.taxpayer_id)), due, planned);
  const moments = new Map<string, { taxpayerId: number; stage: string; ids: number[] }>();
  const stageOf = stageCache(ctx);
  for (const row of rows) {
    const stage = stageOf(row.tax_type, due);
    if (!stage || stageDay(stage, due) !== ctx.date) continue;
    const key = momentKey(Number(row.taxpayer_id), stage.code, due);
    if (planned.has(key) || unpaidMoments.has(key)) continue;
    let moment = moments.get(key);
    if (!moment) moments.set(key, (moment = { taxpayerId: Number(row.taxpayer_id), stage: stage.code, ids: [] }));
    moment.ids.push(Number(row.id));
  }
  const skips = [...moments.values()].map((m) => ({
    plan_run_id: runId,
    plan_date: ctx.date,
    taxpayer_id: m.taxpayerId,
    stage: m.stage,
    due_date: due,
    channel: null,
    reason: 'paid',
    bill_ids: JSON.stringify(m.ids),
  }));
  await insertSkips(trx, skips, result);
}

/** Rows of whole taxpayers, one due date: group, choose a channel, write messages and skips. */
async function planBills(
  trx: Transaction<Database>,
  ctx: PlanContext,
  runId: number,
  rows: BillRow[],
  planned: Set<string>,
  unpaidMoments: Set<string>,
  result: PlanResult,
): Promise<void> {
  const groups = new Map<string, Group>();
  const stageOf = stageCache(ctx);
  for (const row of rows) {
    const stage = stageOf(row.tax_type, row.due_date);
    if (!stage) continue;
    const key = momentKey(Number(row.taxpayer_id), stage.code, row.due_date);
    if (planned.has(key)) continue;
    unpaidMoments.add(key);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { stage, bills: [] }));
    group.bills.push(row);
  }
  const messages: Insertable<OutboxTable>[] = [];
  const skips: Omit<Database['reminder_skips'], 'id'>[] = [];
  for (const [key, { stage, bills: unpaid }] of groups) {
    const first = unpaid[0] as BillRow;
    const moment = { plan_run_id: runId, plan_date: ctx.date, taxpayer_id: Number(first.taxpayer_id), stage: stage.code, due_date: first.due_date };
    const choice = chooseChannel(stage.channels, { whatsapp: first.wa_phone, sms: first.sms_phone }, ctx.blocked, (channel) => ctx.templates.has(templateKey(stage.code, channel)));
    if ('reason' in choice) {
      skips.push({ ...moment, channel: choice.channel, reason: choice.reason, bill_ids: billIds(unpaid) });
      continue;
    }
    const template = ctx.templates.get(templateKey(stage.code, choice.channel)) as { id: number; body: string };
    const message = reminderMessage(
      { body: template.body, channel: choice.channel },
      { taxpayer: { name: first.taxpayer_name, npwpd: first.npwpd ?? '' }, bills: unpaid.map((bill) => billData(bill, ctx.vaPrefix)), agency: ctx.agency, today: ctx.date },
    );
    planned.add(key);
    messages.push(
      queuedRow(
        {
          ...moment,
          kind: 'reminder',
          channel: choice.channel,
          bill_ids: billIds(unpaid),
          template_id: template.id,
          recipient: choice.recipient,
          body: message.body,
          parameters: JSON.stringify(message.parameters),
        },
        ctx.notBefore,
        ctx.at,
      ),
    );
  }
  for (const row of await insertOnce(trx, messages)) {
    result.planned += 1;
    result.by_stage[row.stage] = (result.by_stage[row.stage] ?? 0) + 1;
    result.by_channel[row.channel] += 1;
  }
  await insertSkips(trx, skips, result);
}

async function insertSkips(trx: Transaction<Database>, skips: Omit<Database['reminder_skips'], 'id'>[], result: PlanResult): Promise<void> {
  for (let i = 0; i < skips.length; i += INSERT_ROWS) {
    await trx.insertInto('reminder_skips').values(skips.slice(i, i + INSERT_ROWS)).execute();
  }
  for (const skip of skips) result.skipped[skip.reason as SkipReason] += 1;
}

function emptyResult(ctx: PlanContext): PlanResult {
  const codes = [...new Set(ctx.rules.filter((r) => r.active).sort((a, b) => a.offsetDays - b.offsetDays).map((r) => r.code))];
  return {
    date: ctx.date,
    dry_run: false,
    plan_run_id: null,
    not_before: ctx.notBefore,
    planned: 0,
    by_stage: Object.fromEntries(codes.map((code) => [code, 0])),
    by_channel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
    skipped: Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>,
  };
}

function stagesOf(ctx: PlanContext, taxType: string): StageRule[] {
  const type = ctx.rules.some((r) => r.taxType === taxType) ? taxType : ALL_TAX_TYPES;
  let stages = ctx.stageSets.get(type);
  if (!stages) ctx.stageSets.set(type, (stages = stagesFor(ctx.rules, type)));
  return stages;
}

/** The stage of a tax type's bills due one day is the same for all of them: worked out once. */
function stageCache(ctx: PlanContext): (taxType: string, due: string) => StageRule | null {
  const cache = new Map<string, StageRule | null>();
  return (taxType, due) => {
    const key = `${taxType}|${due}`;
    let stage = cache.get(key);
    if (stage === undefined) cache.set(key, (stage = stageOn(stagesOf(ctx, taxType), due, ctx.date)));
    return stage;
  };
}

function taxTypesWithRules(rules: readonly StageRule[]): string[] {
  return [...new Set(rules.map((r) => r.taxType).filter((t) => t !== ALL_TAX_TYPES))];
}

/**
 * Adds to `planned` the moments already in the outbox (on any channel) for these taxpayers' bills
 * due `due`: a taxpayer gets one message per stage and due date. Looked up by taxpayer, the
 * leading column of the outbox's unique key, so the cost follows the day's bills, not the
 * outbox's history.
 */
async function addPlannedMoments(trx: Transaction<Database>, taxpayerIds: readonly number[], due: string, planned: Set<string>): Promise<void> {
  const ids = [...new Set(taxpayerIds)];
  for (let i = 0; i < ids.length; i += LOOKUP_IDS) {
    const rows = await trx
      .selectFrom('outbox')
      .select(['taxpayer_id', 'stage'])
      .where('taxpayer_id', 'in', ids.slice(i, i + LOOKUP_IDS))
      .where('due_date', '=', due)
      .where('kind', '=', 'reminder')
      .execute();
    for (const r of rows) planned.add(momentKey(Number(r.taxpayer_id), r.stage, due));
  }
}

function billIds(rows: readonly BillRow[]): string {
  return JSON.stringify(rows.map((r) => Number(r.id)));
}

function momentKey(taxpayerId: number, stage: string, dueDate: string): string {
  return `${taxpayerId}|${stage}|${dueDate}`;
}
