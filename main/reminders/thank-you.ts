import type { Insertable, Kysely } from 'kysely';
import type { Database, OutboxTable } from '../db/schema.js';
import { calendarDate } from '../platform/clock.js';
import { displayedVaPrefix } from '../payments/index.js';
import { readSettings } from '../platform/settings.js';
import { usableTemplate } from '../templates/index.js';
import { reminderMessage } from './message.js';
import { billData, insertOnce, queuedRow } from './outbox-rows.js';
import { blockedPhones, chooseChannel, type SkipReason } from './reach.js';
import { holidaySet } from './rules.js';
import { nextSendInstant } from './send-window.js';
import { CHANNELS, type Channel } from './stages.js';

/** The outbox's `stage` for a thank-you; also the templates' purpose. */
export const THANK_YOU = 'thank_you';

const IDS_PER_QUERY = 1000;

export interface ThankYouResult {
  /** Queued reminders whose bills are all paid now. */
  cancelled: number;
  queued: number;
  /** Taxpayers not thanked, by reason (no number, opted out, office number, no approved template). */
  skipped: Partial<Record<SkipReason, number>>;
}

/**
 * Listens to the ledger (`onBillsPaid`), inside the sync's transaction, for the bills it turned
 * from unpaid to paid. A queued reminder whose bills are all paid now is cancelled (one that
 * still lists an unpaid bill stays: it is still true), and the taxpayer is thanked on the first
 * channel that reaches them with an approved thank-you template, at the next send-window opening.
 *
 * One thank-you per bill moment, as for reminders: the bills of one taxpayer with the same due
 * date, paid in this import, make one message whose `due_date` is theirs. So the outbox's unique
 * key (taxpayer, stage, due date, channel) thanks nobody twice for the same bills, however often
 * the payment is imported, and a message listing two bills "and N more with the same due date"
 * (message.ts) says the truth. Paying three months at once gives three receipts; a bill of a
 * moment already thanked (paid days after its sibling) gets none.
 */
export async function thankForPayments(trx: Kysely<Database>, billIds: readonly number[], now: Date): Promise<ThankYouResult> {
  const result: ThankYouResult = { cancelled: 0, queued: 0, skipped: {} };
  const bills = await paidBills(trx, [...new Set(billIds)]);
  if (bills.length === 0) return result;
  const taxpayerIds = [...new Set(bills.map((b) => b.taxpayer_id))];
  result.cancelled = await cancelPaidReminders(trx, taxpayerIds, now);

  const settings = await readSettings(trx);
  const today = calendarDate(now, settings.timezone);
  const templates = await thankYouTemplates(trx);
  const phones = bills.flatMap((b) => [b.wa_phone, b.sms_phone]).filter((p): p is string => p !== null);
  const blocked = await blockedPhones(trx, phones);
  const window = { start: settings.sendWindowStart, end: settings.sendWindowEnd, days: settings.sendDays, holidays: await holidaySet(trx, today), timeZone: settings.timezone };
  const notBefore = nextSendInstant(now, window).toISOString();
  const at = now.toISOString();
  const agency = { name: settings.agencyName, contact: settings.agencyContact, howToPay: settings.howToPay };
  const thanked = await thankedMoments(trx, taxpayerIds);
  const vaPrefix = await displayedVaPrefix(trx);

  const messages: Insertable<OutboxTable>[] = [];
  for (const moment of thankYouMoments(bills)) {
    if (thanked.has(momentKey(moment.taxpayerId, moment.dueDate))) continue;
    const first = moment.bills[0] as PaidBill;
    const choice = chooseChannel(CHANNELS, { whatsapp: first.wa_phone, sms: first.sms_phone }, blocked, (channel) => templates.has(channel));
    if ('reason' in choice) {
      result.skipped[choice.reason] = (result.skipped[choice.reason] ?? 0) + 1;
      continue;
    }
    const template = templates.get(choice.channel) as { id: number; body: string };
    const message = reminderMessage(
      { body: template.body, channel: choice.channel },
      { taxpayer: { name: first.taxpayer_name, npwpd: first.npwpd ?? '' }, bills: moment.bills.map((bill) => billData(bill, vaPrefix)), agency, today },
    );
    messages.push(
      queuedRow(
        {
          kind: 'thank_you',
          taxpayer_id: moment.taxpayerId,
          stage: THANK_YOU,
          due_date: moment.dueDate,
          channel: choice.channel,
          plan_run_id: null,
          plan_date: today,
          bill_ids: JSON.stringify(moment.bills.map((b) => b.id)),
          template_id: template.id,
          recipient: choice.recipient,
          body: message.body,
          parameters: JSON.stringify(message.parameters),
        },
        notBefore,
        at,
      ),
    );
  }
  result.queued = (await insertOnce(trx, messages)).length;
  return result;
}

export interface PaidBill {
  id: number;
  taxpayer_id: number;
  due_date: string;
  principal: number;
  penalty: number;
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

export interface ThankYouMoment {
  taxpayerId: number;
  dueDate: string;
  bills: PaidBill[];
}

/** The paid bills of one taxpayer with the same due date make one thank-you, in bill order. */
export function thankYouMoments(bills: readonly PaidBill[]): ThankYouMoment[] {
  const moments = new Map<string, ThankYouMoment>();
  for (const bill of [...bills].sort((a, b) => a.taxpayer_id - b.taxpayer_id || a.due_date.localeCompare(b.due_date) || a.id - b.id)) {
    const key = momentKey(bill.taxpayer_id, bill.due_date);
    let moment = moments.get(key);
    if (!moment) moments.set(key, (moment = { taxpayerId: bill.taxpayer_id, dueDate: bill.due_date, bills: [] }));
    moment.bills.push(bill);
  }
  return [...moments.values()];
}

async function paidBills(trx: Kysely<Database>, ids: readonly number[]): Promise<PaidBill[]> {
  const bills: PaidBill[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = await trx
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .leftJoin('tax_objects', 'tax_objects.id', 'bills.object_id')
      .leftJoin('contacts', 'contacts.taxpayer_id', 'bills.taxpayer_id')
      .select([
        'bills.id',
        'bills.taxpayer_id',
        'bills.due_date',
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
      .where('bills.id', 'in', ids.slice(i, i + IDS_PER_QUERY))
      .where('bills.status', '=', 'paid')
      .execute();
    // PostgreSQL returns bigint columns as strings.
    for (const r of rows) bills.push({ ...r, id: Number(r.id), taxpayer_id: Number(r.taxpayer_id), principal: Number(r.principal), penalty: Number(r.penalty) });
  }
  return bills;
}

/**
 * Cancels these taxpayers' queued reminders whose bills are all paid, as the dispatcher would at
 * send time, so the queue and the reports say so now. Returns how many.
 */
async function cancelPaidReminders(trx: Kysely<Database>, taxpayerIds: readonly number[], now: Date): Promise<number> {
  const at = now.toISOString();
  let cancelled = 0;
  for (let i = 0; i < taxpayerIds.length; i += IDS_PER_QUERY) {
    const queued = await trx
      .selectFrom('outbox')
      .select(['id', 'bill_ids'])
      .where('taxpayer_id', 'in', taxpayerIds.slice(i, i + IDS_PER_QUERY))
      .where('kind', '=', 'reminder')
      .where('state', '=', 'queued')
      .execute();
    const billsOf = new Map(queued.map((r) => [r.id, (JSON.parse(r.bill_ids) as number[]).filter((n) => Number.isInteger(n))]));
    const unpaid = await unpaidAmong(trx, [...new Set([...billsOf.values()].flat())]);
    const stale = [...billsOf].filter(([, ids]) => ids.length > 0 && ids.every((id) => !unpaid.has(id))).map(([id]) => id);
    for (let j = 0; j < stale.length; j += IDS_PER_QUERY) {
      const ids = stale.slice(j, j + IDS_PER_QUERY);
      const rows = await trx
        .updateTable('outbox')
        .set({ state: 'cancelled', updated_at: at, error_code: 'bill_paid' })
        .where('id', 'in', ids)
        .where('state', '=', 'queued')
        .returning('id')
        .execute();
      if (rows.length === 0) continue;
      await trx.insertInto('message_events').values(rows.map((r) => ({ outbox_id: r.id, at, state: 'cancelled', detail: 'bill_paid' }))).execute();
      cancelled += rows.length;
    }
  }
  return cancelled;
}

async function unpaidAmong(trx: Kysely<Database>, billIds: readonly number[]): Promise<Set<number>> {
  const unpaid = new Set<number>();
  for (let i = 0; i < billIds.length; i += IDS_PER_QUERY) {
    const rows = await trx.selectFrom('bills').select('id').where('id', 'in', billIds.slice(i, i + IDS_PER_QUERY)).where('status', '=', 'unpaid').execute();
    for (const r of rows) unpaid.add(Number(r.id));
  }
  return unpaid;
}

/** Thank-yous are worded in Indonesian, like reminders (reach.ts). */
async function thankYouTemplates(trx: Kysely<Database>): Promise<Map<Channel, { id: number; body: string }>> {
  const templates = new Map<Channel, { id: number; body: string }>();
  for (const channel of CHANNELS) {
    const version = await usableTemplate(trx, { purpose: THANK_YOU, channel, language: 'id' });
    if (version) templates.set(channel, { id: version.id, body: version.body });
  }
  return templates;
}

/** Moments already thanked, on any channel: one thank-you, not one per channel. */
async function thankedMoments(trx: Kysely<Database>, taxpayerIds: readonly number[]): Promise<Set<string>> {
  const thanked = new Set<string>();
  for (let i = 0; i < taxpayerIds.length; i += IDS_PER_QUERY) {
    const rows = await trx
      .selectFrom('outbox')
      .select(['taxpayer_id', 'due_date'])
      .where('taxpayer_id', 'in', taxpayerIds.slice(i, i + IDS_PER_QUERY))
      .where('kind', '=', 'thank_you')
      .execute();
    for (const r of rows) thanked.add(momentKey(Number(r.taxpayer_id), r.due_date));
  }
  return thanked;
}

function momentKey(taxpayerId: number, dueDate: string): string {
  return `${taxpayerId}|${dueDate}`;
}
