import type { Kysely } from 'kysely';
import { COUNTER_PARTNER_ID } from '../../../shared/api/payments.js';
import { billIdOfGeneratedCode } from '../../../shared/payments/payment-code.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Database } from '../../db/schema.js';
import { lockOf } from '../period-lock.js';
import { addDays, withNeighbours } from './days.js';
import { type BillFact, type Credit, type CreditMatch, exactTarget, type MatchFacts, matchCredits, type PaymentFact } from './match.js';
import { codeTokens, referenceTokens } from './tokens.js';

/** Credits matched per round trip: big enough to amortise the look-ups, small enough for IN lists. */
const PAGE = 2000;
const IN_CHUNK = 500;

/**
 * Brings the reconciliation items of some days up to date with the ledger and the statements:
 * every credit of those days is matched again (except those the treasurer linked or resolved),
 * then the payments and ledger-paid bills of those days and their neighbours that no credit
 * explains become exceptions. Signed-off days are left exactly as they were signed.
 * Items keep their ids, so a screen listing them can still resolve them afterwards.
 */
export async function rematchDays(db: Kysely<Database>, days: readonly string[]): Promise<{ days: string[]; lockedDays: string[] }> {
  const open: string[] = [];
  const lockedDays: string[] = [];
  for (const day of [...new Set(days)].sort()) ((await lockOf(db, day)) ? lockedDays : open).push(day);
  if (open.length === 0) return { days: open, lockedDays };

  // Bills credited by this run's earlier credits; those credited elsewhere are looked up per page.
  const credited = new Set<number>();
  for (const day of open) await matchDay(db, day, open, credited);

  await refreshPaymentSide(db, withNeighbours(open));
  return { days: open, lockedDays };
}

/** Of these bills, those credited by credits not re-matched now: other days, manual links, resolved ones. */
async function addCreditedElsewhere(db: Kysely<Database>, days: string[], billIds: number[], credited: Set<number>): Promise<void> {
  for (const chunk of chunks(billIds.filter((id) => !credited.has(id)))) {
    const rows = await db
      .selectFrom('recon_items')
      .select('bill_id')
      .where('source', '=', 'credit')
      .where('bill_id', 'in', chunk)
      .where('class', '!=', 'paid_twice')
      .where((eb) => eb.or([eb('day', 'not in', days), eb('rule', '=', 'manual'), eb('resolution', 'is not', null)]))
      .execute();
    for (const r of rows) credited.add(Number(r.bill_id));
  }
}

async function matchDay(db: Kysely<Database>, day: string, days: string[], credited: Set<number>): Promise<void> {
  const vaPrefixes = (await db.selectFrom('partners').select('va_prefix').execute()).map((p) => p.va_prefix).filter((p) => p !== '');
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('statement_lines')
      .select(['id', 'value_date', 'description', 'reference', 'amount'])
      .where('value_date', '=', day)
      .where('direction', '=', 'C')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]!.id);
    const existing = await itemsOfLines(db, rows.map((r) => Number(r.id)));
    const credits: Credit[] = rows
      .filter((r) => !existing.get(Number(r.id))?.sticky)
      .map((r) => ({ id: Number(r.id), date: r.value_date, description: r.description, reference: r.reference, amount: Number(r.amount) }));
    const facts = await factsFor(db, credits, vaPrefixes, credited);
    await addCreditedElsewhere(db, days, [...new Set([...facts.bills.keys(), ...facts.nearbyPayments.map((p) => p.billId)])], credited);
    const matches = matchCredits(credits, facts);
    for (const m of matches) if (m.billId !== null && m.class !== 'paid_twice') credited.add(m.billId);
    await writeCreditItems(db, credits, matches, existing);
  }
}

interface ExistingItem {
  id: number;
  sticky: boolean;
  signature: string;
}

async function itemsOfLines(db: Kysely<Database>, lineIds: number[]): Promise<Map<number, ExistingItem>> {
  const found = new Map<number, ExistingItem>();
  for (const chunk of chunks(lineIds)) {
    const rows = await db
      .selectFrom('recon_items')
      .select(['id', 'line_id', 'rule', 'resolution', 'class', 'bill_id', 'payment_id', 'partner_id', 'expected', 'confidence'])
      .where('line_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      found.set(Number(r.line_id), {
        id: Number(r.id),
        sticky: r.rule === 'manual' || r.resolution !== null,
        signature: signature(r.class, r.bill_id, r.payment_id, r.partner_id, r.expected, r.rule, r.confidence),
      });
    }
  }
  return found;
}

function signature(...values: unknown[]): string {
  return values.map((v) => (v === null || v === undefined ? '' : String(v))).join('|');
}

async function writeCreditItems(db: Kysely<Database>, credits: Credit[], matches: CreditMatch[], existing: Map<number, ExistingItem>): Promise<void> {
  const byId = new Map(credits.map((c) => [c.id, c]));
  const inserts: object[] = [];
  for (const m of matches) {
    const credit = byId.get(m.creditId)!;
    const values = {
      day: credit.date,
      source: 'credit' as const,
      line_id: credit.id,
      payment_id: m.paymentId,
      bill_id: m.billId,
      partner_id: m.partnerId,
      amount: credit.amount,
      expected: m.expected,
      class: m.class,
      rule: m.rule,
      confidence: m.confidence,
    };
    const before = existing.get(credit.id);
    if (!before) inserts.push({ item_key: `line:${credit.id}`, ...values });
    else if (before.signature !== signature(m.class, m.billId, m.paymentId, m.partnerId, m.expected, m.rule, m.confidence)) {
      await db.updateTable('recon_items').set(values).where('id', '=', before.id).execute();
    }
  }
  await bulkInsert(db, 'recon_items', ['item_key', 'day', 'source', 'line_id', 'payment_id', 'bill_id', 'partner_id', 'amount', 'expected', 'class', 'rule', 'confidence'], inserts);
}

/** Looks up what the rules need for a page of credits: exact candidates first, nearby ones only for credits no exact rule explains. */
async function factsFor(db: Kysely<Database>, credits: Credit[], vaPrefixes: string[], credited: Set<number>): Promise<MatchFacts> {
  const refs = new Set<string>();
  const codes = new Set<string>();
  for (const c of credits) {
    for (const t of referenceTokens(c.description, c.reference)) refs.add(t);
    for (const t of codeTokens(c.description, c.reference, vaPrefixes)) codes.add(t);
  }
  const paymentsByRef = new Map<string, PaymentFact>();
  for (const chunk of chunks([...refs])) {
    for (const p of await paymentFacts(db).where('payments.partner_ref', 'in', chunk).execute()) paymentsByRef.set(p.partnerRef.toUpperCase(), toPayment(p));
  }
  const billIdsByCode = new Map<string, number>();
  for (const chunk of chunks([...codes])) {
    for (const b of await db.selectFrom('bills').select(['id', 'kode_bayar']).where('kode_bayar', 'in', chunk).execute()) billIdsByCode.set(b.kode_bayar.toUpperCase(), Number(b.id));
  }
  for (const code of codes) {
    const id = billIdOfGeneratedCode(code);
    if (id !== null && !billIdsByCode.has(code)) billIdsByCode.set(code, id);
  }
  const billIds = new Set([...billIdsByCode.values(), ...[...paymentsByRef.values()].map((p) => p.billId)]);
  const bills = await billFacts(db, [...billIds]);
  // A generated code for a bill that does not exist names nothing.
  for (const [code, id] of billIdsByCode) if (!bills.has(id)) billIdsByCode.delete(code);
  const paymentsByBill = await paymentsOfBills(db, [...bills.keys()]);

  const facts: MatchFacts = { paymentsByRef, paymentsByBill, billIdsByCode, bills, vaPrefixes, nearbyPayments: [], nearbyBills: [], creditedBills: credited };
  const unexplained = credits.filter((c) => exactTarget(c, facts) === null);
  if (unexplained.length === 0) return facts;
  const nearby = await nearbyFacts(db, unexplained);
  for (const b of nearby.bills) if (!bills.has(b.id)) bills.set(b.id, b);
  for (const p of nearby.payments) if (!paymentsByBill.has(p.billId)) paymentsByBill.set(p.billId, p);
  const ledgerPaid = await billFacts(db, nearby.payments.map((p) => p.billId).filter((id) => !bills.has(id)));
  for (const [id, b] of ledgerPaid) bills.set(id, b);
  return { ...facts, nearbyPayments: nearby.payments, nearbyBills: nearby.bills };
}

function paymentFacts(db: Kysely<Database>) {
  return db
    .selectFrom('payments')
    .innerJoin('bills', 'bills.id', 'payments.bill_id')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .select(['payments.id as id', 'payments.bill_id as billId', 'payments.partner_id as partnerId', 'payments.partner_ref as partnerRef', 'payments.amount as amount', 'payments.paid_date as paidDate', 'taxpayers.name as taxpayerName']);
}

function toPayment(p: { id: number; billId: number; partnerId: string; partnerRef: string; amount: number; paidDate: string; taxpayerName: string }): PaymentFact {
  return { ...p, id: Number(p.id), billId: Number(p.billId), amount: Number(p.amount) };
}

async function billFacts(db: Kysely<Database>, ids: number[]): Promise<Map<number, BillFact>> {
  const bills = new Map<number, BillFact>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .select(['bills.id as id', 'bills.principal as principal', 'bills.penalty as penalty', 'bills.paid_date as paidDate', 'bills.status as status', 'taxpayers.name as taxpayerName'])
      .where('bills.id', 'in', chunk)
      .execute();
    for (const r of rows) bills.set(Number(r.id), { id: Number(r.id), total: Number(r.principal) + Number(r.penalty), paidDate: r.status === 'paid' ? r.paidDate : null, taxpayerName: r.taxpayerName });
  }
  return bills;
}

async function paymentsOfBills(db: Kysely<Database>, billIds: number[]): Promise<Map<number, PaymentFact>> {
  const found = new Map<number, PaymentFact>();
  for (const chunk of chunks(billIds)) for (const p of await paymentFacts(db).where('payments.bill_id', 'in', chunk).execute()) found.set(Number(p.billId), toPayment(p));
  return found;
}

/** Payments and export-paid bills of the right amounts paid within a day of the credits. */
async function nearbyFacts(db: Kysely<Database>, credits: Credit[]): Promise<{ payments: PaymentFact[]; bills: BillFact[] }> {
  const dates = credits.map((c) => c.date).sort();
  const from = addDays(dates[0]!, -1);
  const to = addDays(dates[dates.length - 1]!, 1);
  const amounts = [...new Set(credits.map((c) => c.amount))];
  const payments: PaymentFact[] = [];
  const bills: BillFact[] = [];
  for (const chunk of chunks(amounts)) {
    const paid = await paymentFacts(db).where('payments.paid_date', '>=', from).where('payments.paid_date', '<=', to).where('payments.amount', 'in', chunk).execute();
    payments.push(...paid.map(toPayment));
    const exported = await db
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .select(['bills.id as id', 'bills.principal as principal', 'bills.penalty as penalty', 'bills.paid_date as paidDate', 'taxpayers.name as taxpayerName'])
      .where('bills.paid_date', '>=', from)
      .where('bills.paid_date', '<=', to)
      .where('bills.paid_source', '=', 'export')
      .where((eb) => eb(eb('bills.principal', '+', eb.ref('bills.penalty')), 'in', chunk))
      .execute();
    bills.push(...exported.map((r) => ({ id: Number(r.id), total: Number(r.principal) + Number(r.penalty), paidDate: r.paidDate, taxpayerName: r.taxpayerName })));
  }
  return { payments, bills };
}

/**
 * The payments side of the days: a partner payment no credit explains is `no_credit`; a bill
 * the SIMPADA export marked paid that no credit explains is `never_credited`. Signed-off days are left as signed. Counter (LOKET)
 * payments are cash banked in bulk by the treasurer, so the bank never credits them one by
 * one: they are expected to have no credit and are no exception (a credit that names one
 * still matches it).
 */
export async function refreshPaymentSide(db: Kysely<Database>, days: readonly string[]): Promise<void> {
  const open: string[] = [];
  for (const day of new Set(days)) if (!(await lockOf(db, day))) open.push(day);
  for (const dayChunk of chunks(open)) {
    const uncreditedPayments = await db
      .selectFrom('payments')
      .select(['payments.id as id', 'payments.bill_id as billId', 'payments.partner_id as partnerId', 'payments.amount as amount', 'payments.paid_date as day'])
      .where('payments.paid_date', 'in', dayChunk)
      .where('payments.partner_id', '!=', COUNTER_PARTNER_ID)
      // A credit matched to a payment carries the payment's bill, so the bill (indexed) decides.
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('recon_items as r').select('r.id').where('r.source', '=', 'credit').where('r.bill_id', '=', (eb) => eb.ref('payments.bill_id')))),
      )
      .execute();
    const uncreditedBills = await db
      .selectFrom('bills')
      .select(['bills.id as id', 'bills.principal as principal', 'bills.penalty as penalty', 'bills.paid_date as day'])
      .where('bills.paid_date', 'in', dayChunk)
      .where('bills.paid_source', '=', 'export')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('recon_items as r').select('r.id').where('r.source', '=', 'credit').where('r.bill_id', '=', (eb) => eb.ref('bills.id')))),
      )
      .execute();
    const wanted = new Map<string, object>();
    for (const p of uncreditedPayments) {
      wanted.set(`payment:${p.id}`, { day: p.day, source: 'payment', payment_id: Number(p.id), bill_id: Number(p.billId), partner_id: p.partnerId, amount: Number(p.amount), expected: Number(p.amount), class: 'no_credit' });
    }
    for (const b of uncreditedBills) {
      const total = Number(b.principal) + Number(b.penalty);
      wanted.set(`bill:${b.id}`, { day: b.day!, source: 'bill', payment_id: null, bill_id: Number(b.id), partner_id: null, amount: total, expected: total, class: 'never_credited' });
    }
    const existing = await db.selectFrom('recon_items').select(['id', 'item_key']).where('day', 'in', dayChunk).where('source', 'in', ['payment', 'bill']).execute();
    const stale = existing.filter((e) => !wanted.has(e.item_key)).map((e) => Number(e.id));
    // A payment a credit now explains is no exception any more, even one the treasurer
    // resolved before the credit arrived; the audit log keeps that resolution.
    for (const chunk of chunks(stale)) await db.deleteFrom('recon_items').where('id', 'in', chunk).execute();
    const have = new Set(existing.map((e) => e.item_key));
    const inserts = [...wanted].filter(([key]) => !have.has(key)).map(([key, values]) => ({ item_key: key, line_id: null, rule: null, confidence: null, ...values }));
    await bulkInsert(db, 'recon_items', ['item_key', 'day', 'source', 'line_id', 'payment_id', 'bill_id', 'partner_id', 'amount', 'expected', 'class', 'rule', 'confidence'], inserts);
  }
}

function chunks<T>(values: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
