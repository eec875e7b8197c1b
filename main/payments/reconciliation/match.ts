import type { MatchRule, ReconClass } from './classes.js';
import { codeTokens, descriptionWords, nameTokens, referenceTokens } from './tokens.js';

/** A credit line of a bank statement. */
export interface Credit {
  id: number;
  date: string;
  description: string;
  reference: string | null;
  amount: number;
}

/** A payment recorded in SI PEKA (by a partner or at the counter). */
export interface PaymentFact {
  id: number;
  billId: number;
  partnerId: string;
  partnerRef: string;
  amount: number;
  paidDate: string;
  taxpayerName: string;
}

/** A bill, priced as the ledger knows it (principal + the export's penalty). */
export interface BillFact {
  id: number;
  total: number;
  /** Paid in the ledger on this day (by an export or a payment); null while unpaid. */
  paidDate: string | null;
  taxpayerName: string;
}

/** What the database edge looked up for a batch of credits. */
export interface MatchFacts {
  /** Upper-cased partner reference → payment. */
  paymentsByRef: ReadonlyMap<string, PaymentFact>;
  paymentsByBill: ReadonlyMap<number, PaymentFact>;
  /** Payment code or kode bayar (upper-cased) → bill id. */
  billIdsByCode: ReadonlyMap<string, number>;
  bills: ReadonlyMap<number, BillFact>;
  vaPrefixes: readonly string[];
  /** Payments and ledger-paid bills dated near the credits, for the fuzzy rule. */
  nearbyPayments: readonly PaymentFact[];
  nearbyBills: readonly BillFact[];
  /** Bills already credited by credits outside this batch. */
  creditedBills: ReadonlySet<number>;
}

export interface CreditMatch {
  creditId: number;
  class: ReconClass;
  billId: number | null;
  paymentId: number | null;
  partnerId: string | null;
  /** What the bank should have credited: the payment's amount, or the bill's total. */
  expected: number | null;
  rule: MatchRule | null;
  confidence: number | null;
}

/** Below this a fuzzy candidate is no match: the treasurer links it by hand. */
export const MIN_FUZZY_CONFIDENCE = 75;
const DAY_MS = 86_400_000;

/**
 * Matches credits to payments and bills, in the order the rules trust them: the partner's own
 * reference, then a payment code, kode bayar or VA number in the text, then — only when
 * neither finds anything — an amount paid within a day of the credit by a taxpayer whose name
 * the description carries. The earliest credit for a bill is its credit; a later one is the
 * bill paid twice. Pure: the caller supplies every fact (see rematch.ts).
 */
export function matchCredits(credits: readonly Credit[], facts: MatchFacts): CreditMatch[] {
  const credited = new Set(facts.creditedBills);
  const fuzzy = fuzzyIndex(facts);
  const ordered = [...credits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return ordered.map((credit) => {
    const found = exactTarget(credit, facts) ?? fuzzyTarget(credit, facts, fuzzy, credited);
    if (!found) return { creditId: credit.id, class: 'no_bill', billId: null, paymentId: null, partnerId: null, expected: null, rule: null, confidence: null };
    const match = classify(credit, found.billId, facts, credited);
    return { ...match, rule: found.rule, confidence: found.confidence };
  });
}

/** The class of a credit for a bill, given which bills are credited already (and marks this one). */
export function classify(credit: Credit, billId: number, facts: Pick<MatchFacts, 'paymentsByBill' | 'bills'>, credited: Set<number>): Omit<CreditMatch, 'rule' | 'confidence'> {
  const payment = facts.paymentsByBill.get(billId) ?? null;
  const expected = payment?.amount ?? facts.bills.get(billId)?.total ?? null;
  const base = { creditId: credit.id, billId, paymentId: payment?.id ?? null, partnerId: payment?.partnerId ?? null, expected };
  if (credited.has(billId)) return { ...base, class: 'paid_twice' };
  credited.add(billId);
  if (expected === null || credit.amount === expected) return { ...base, class: 'matched' };
  return { ...base, class: credit.amount < expected ? 'underpaid' : 'overpaid' };
}

interface Target {
  billId: number;
  rule: MatchRule;
  confidence: number;
}

export function exactTarget(credit: Credit, facts: MatchFacts): Target | null {
  for (const token of referenceTokens(credit.description, credit.reference)) {
    const payment = facts.paymentsByRef.get(token);
    if (payment) return { billId: payment.billId, rule: 'reference', confidence: 100 };
  }
  for (const code of codeTokens(credit.description, credit.reference, [])) {
    const billId = facts.billIdsByCode.get(code);
    if (billId !== undefined) return { billId, rule: 'code', confidence: 100 };
  }
  for (const code of codeTokens(credit.description, credit.reference, facts.vaPrefixes)) {
    const billId = facts.billIdsByCode.get(code);
    if (billId !== undefined) return { billId, rule: 'va', confidence: 100 };
  }
  return null;
}

interface Candidate {
  billId: number;
  date: string;
  name: string[];
}

function fuzzyIndex(facts: MatchFacts): Map<number, Candidate[]> {
  const byAmount = new Map<number, Candidate[]>();
  const add = (amount: number, candidate: Candidate) => {
    const list = byAmount.get(amount);
    if (list) list.push(candidate);
    else byAmount.set(amount, [candidate]);
  };
  for (const p of facts.nearbyPayments) add(p.amount, { billId: p.billId, date: p.paidDate, name: nameTokens(p.taxpayerName) });
  for (const b of facts.nearbyBills) {
    if (b.paidDate && !facts.paymentsByBill.has(b.id)) add(b.total, { billId: b.id, date: b.paidDate, name: nameTokens(b.taxpayerName) });
  }
  return byAmount;
}

/**
 * 60 for the amount within a day, up to 30 more for the share of the taxpayer's name words the
 * description carries, 5 more for the very same day: 95 at best, since a name is no code. Two
 * equally likely bills are no match — guessing between taxpayers is the treasurer's call.
 */
export function fuzzyConfidence(nameWords: readonly string[], description: Set<string>, sameDay: boolean): number {
  if (nameWords.length === 0) return 0;
  const found = nameWords.filter((w) => description.has(w)).length;
  if (found === 0) return 0;
  return 60 + Math.round((30 * found) / nameWords.length) + (sameDay ? 5 : 0);
}

function fuzzyTarget(credit: Credit, facts: MatchFacts, index: Map<number, Candidate[]>, credited: Set<number>): Target | null {
  const candidates = index.get(credit.amount);
  if (!candidates) return null;
  const words = descriptionWords(credit.description);
  let best: Target | null = null;
  let tie = false;
  for (const candidate of candidates) {
    if (credited.has(candidate.billId)) continue;
    const apart = Math.abs(Date.parse(candidate.date) - Date.parse(credit.date)) / DAY_MS;
    if (apart > 1) continue;
    const confidence = fuzzyConfidence(candidate.name, words, apart === 0);
    if (confidence < MIN_FUZZY_CONFIDENCE) continue;
    if (best && confidence === best.confidence && candidate.billId !== best.billId) tie = true;
    else if (!best || confidence > best.confidence) [best, tie] = [{ billId: candidate.billId, rule: 'fuzzy', confidence }, false];
  }
  return tie ? null : best;
}
