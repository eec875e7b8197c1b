import { describe, expect, it } from 'vitest';
import { type BillFact, type Credit, fuzzyConfidence, type MatchFacts, matchCredits, type PaymentFact } from './match.js';
import { codeTokens, nameTokens, referenceTokens } from './tokens.js';

const DAY = '2026-11-30';

function payment(id: number, billId: number, ref: string, amount: number, over: Partial<PaymentFact> = {}): PaymentFact {
  return { id, billId, partnerId: 'BSB', partnerRef: ref, amount, paidDate: DAY, taxpayerName: `Wajib Pajak ${id}`, ...over };
}

function bill(id: number, total: number, over: Partial<BillFact> = {}): BillFact {
  return { id, total, paidDate: DAY, taxpayerName: `Wajib Pajak ${id}`, ...over };
}

function facts(payments: PaymentFact[], bills: BillFact[], codes: Record<string, number> = {}, over: Partial<MatchFacts> = {}): MatchFacts {
  return {
    paymentsByRef: new Map(payments.map((p) => [p.partnerRef.toUpperCase(), p])),
    paymentsByBill: new Map(payments.map((p) => [p.billId, p])),
    billIdsByCode: new Map(Object.entries(codes)),
    bills: new Map(bills.map((b) => [b.id, b])),
    vaPrefixes: ['9881'],
    nearbyPayments: payments,
    nearbyBills: bills,
    creditedBills: new Set(),
    ...over,
  };
}

let nextId = 1;
const credit = (description: string, amount: number, over: Partial<Credit> = {}): Credit => ({ id: nextId++, date: DAY, description, reference: null, amount, ...over });

describe('matchCredits', () => {
  it('matches a credit naming the partner reference to that payment', () => {
    const [m] = matchCredits([credit('TRF BSB TRXA0001 PBJT', 1_250_000)], facts([payment(1, 10, 'TRXA0001', 1_250_000)], [bill(10, 1_250_000)]));
    expect(m).toMatchObject({ class: 'matched', billId: 10, paymentId: 1, partnerId: 'BSB', rule: 'reference', confidence: 100, expected: 1_250_000 });
  });

  it('matches by the statement reference column too', () => {
    const [m] = matchCredits([credit('TRANSFER', 500, { reference: 'trx9' + '00001' })], facts([payment(1, 10, 'TRX900001', 500)], [bill(10, 500)]));
    expect(m).toMatchObject({ class: 'matched', rule: 'reference' });
  });

  it('calls a credit short of the payment underpaid and one above it overpaid', () => {
    const f = facts([payment(1, 10, 'R1', 500_000), payment(2, 11, 'R2', 300_000)], [bill(10, 500_000), bill(11, 300_000)], { '320101000002': 10, '320101000003': 11 });
    const [under, over] = matchCredits([credit('SETORAN KB 320101000002', 450_000), credit('PEMB VA 9881320101000003', 350_000)], f);
    expect(under).toMatchObject({ class: 'underpaid', billId: 10, rule: 'code', expected: 500_000 });
    expect(over).toMatchObject({ class: 'overpaid', billId: 11, rule: 'va', expected: 300_000 });
  });

  it('calls the second credit for one bill paid twice, whichever rule found it', () => {
    const f = facts([payment(1, 10, 'TRXD0004', 200_000)], [bill(10, 200_000)], { '320101000004': 10 });
    const matches = matchCredits([credit('PEMBAYARAN 320101000004', 200_000, { id: 900 }), credit('PBJT TRXD0004', 200_000, { id: 800 })], f);
    expect(matches.map((m) => [m.creditId, m.class])).toEqual([
      [800, 'matched'],
      [900, 'paid_twice'],
    ]);
  });

  it('calls a credit for a bill credited in an earlier statement paid twice', () => {
    const f = facts([payment(1, 10, 'TRX000001', 200_000)], [bill(10, 200_000)], {}, { creditedBills: new Set([10]) });
    expect(matchCredits([credit('TRX000001', 200_000)], f)[0]!.class).toBe('paid_twice');
  });

  it('prices a bill paid only in the ledger at its total', () => {
    const [m] = matchCredits([credit('KB 320101000007', 600_000)], facts([], [bill(7, 600_000)], { '320101000007': 7 }));
    expect(m).toMatchObject({ class: 'matched', billId: 7, paymentId: null, partnerId: null, expected: 600_000 });
  });

  it('finds no bill for a credit naming nothing known', () => {
    expect(matchCredits([credit('TRANSFER DARI ANDI', 99_000)], facts([payment(1, 10, 'R1', 99_000)], [bill(10, 99_000)]))[0]).toMatchObject({ class: 'no_bill', billId: null, rule: null });
  });

  it('matches by amount, day and name with a confidence that drops when the day differs', () => {
    const hotel = bill(8, 750_000, { taxpayerName: 'Hotel Sriwijaya Indah', paidDate: DAY });
    const sameDay = matchCredits([credit('SETORAN TUNAI HOTEL SRIWIJAYA', 750_000)], facts([], [hotel]))[0]!;
    expect(sameDay).toMatchObject({ class: 'matched', billId: 8, rule: 'fuzzy', confidence: 80 });
    const nextDay = matchCredits([credit('SETORAN TUNAI HOTEL SRIWIJAYA INDAH', 750_000, { date: '2026-12-01' })], facts([], [hotel]))[0]!;
    expect(nextDay).toMatchObject({ rule: 'fuzzy', confidence: 90 });
  });

  it('does not guess when the name is missing, the amount differs or the payment is two days away', () => {
    const hotel = bill(8, 750_000, { taxpayerName: 'Hotel Sriwijaya Indah' });
    expect(matchCredits([credit('SETORAN TUNAI', 750_000)], facts([], [hotel]))[0]!.class).toBe('no_bill');
    expect(matchCredits([credit('SETORAN SRIWIJAYA', 750_001)], facts([], [hotel]))[0]!.class).toBe('no_bill');
    expect(matchCredits([credit('SETORAN SRIWIJAYA INDAH', 750_000, { date: '2026-12-02' })], facts([], [hotel]))[0]!.class).toBe('no_bill');
  });

  it('does not choose between two taxpayers who fit equally well', () => {
    const twins = [bill(8, 100_000, { taxpayerName: 'Toko Sinar Jaya' }), bill(9, 100_000, { taxpayerName: 'CV Sinar Jaya' })];
    expect(matchCredits([credit('SETORAN SINAR JAYA', 100_000)], facts([], twins))[0]!.class).toBe('no_bill');
  });

  it('never fuzzy-matches a bill another credit already explains', () => {
    const f = facts([payment(1, 10, 'TRX000123', 100_000, { taxpayerName: 'Sinar Jaya' })], [bill(10, 100_000)]);
    const matches = matchCredits([credit('TRX000123', 100_000), credit('SETORAN SINAR JAYA', 100_000)], f);
    expect(matches.map((m) => m.class)).toEqual(['matched', 'no_bill']);
  });
});

describe('tokens', () => {
  it('finds payment codes written with dots, dashes or spaces, and strips a VA prefix', () => {
    expect(codeTokens('BAYAR 3201.0100.0001 VA 9881320101000003', null, ['9881'])).toEqual(expect.arrayContaining(['320101000001', '9881320101000003', '320101000003']));
  });

  it('takes references after a slash and ignores words without digits', () => {
    expect(referenceTokens('TRF REF/FT26327AB12 PEMBAYARAN', null)).toEqual(['REF/FT26327AB12', 'FT26327AB12']);
  });

  it('leaves the kind of business out of a name', () => {
    expect(nameTokens('RM. Pindang Pegagan')).toEqual(['PINDANG', 'PEGAGAN']);
    expect(nameTokens('Toko')).toEqual(['TOKO']);
  });

  it('scores 95 at most, for every name word on the very day', () => {
    expect(fuzzyConfidence(['SINAR', 'JAYA'], new Set(['SINAR', 'JAYA']), true)).toBe(95);
    expect(fuzzyConfidence(['SINAR', 'JAYA'], new Set(['SINAR']), false)).toBe(75);
    expect(fuzzyConfidence(['SINAR', 'JAYA'], new Set(['ANDI']), true)).toBe(0);
  });
});
