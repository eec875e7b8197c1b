import { describe, expect, it } from 'vitest';
import type { SnapshotBill } from '../snapshot.js';
import { latePenalty } from './calendar.js';
import { generateDemo } from './generate.js';

const TODAY = '2026-11-23';
const demo = (taxpayers: number, seed = 7) => [...generateDemo({ taxpayers, seed, today: TODAY })];
const big = demo(3000);

function byTaxpayer(bills: SnapshotBill[]): Map<string, SnapshotBill> {
  return new Map(bills.map((b) => [b.npwpd as string, b]));
}

/** A cell from which exactly one mobile number can be read once separators and +62 are stripped. */
function isUsableMobile(cell: string | null): boolean {
  if (cell === null) return false;
  return /^(?:\+?62|0)?8\d{8,11}$/.test(cell.replace(/[\s\-.()]/g, ''));
}

describe('generateDemo', () => {
  it('gives the same bills for the same seed and different ones for another seed', () => {
    expect(demo(300)).toEqual(demo(300));
    const other = demo(300, 8);
    expect(other).not.toEqual(demo(300));
    expect(other.map((b) => b.namaWp)).not.toEqual(demo(300).map((b) => b.namaWp));
  });

  it('can be iterated again and makes bills lazily, one taxpayer at a time', () => {
    const bills = generateDemo({ taxpayers: 1_000_000, seed: 1, today: TODAY });
    const firstTen = (): SnapshotBill[] => {
      const out: SnapshotBill[] = [];
      for (const bill of bills) {
        out.push(bill);
        if (out.length === 10) break;
      }
      return out;
    };
    const started = Date.now();
    expect(firstTen()).toEqual(firstTen());
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('makes every taxpayer, each with a unique NPWPD in the OKI format', () => {
    const taxpayers = byTaxpayer(big);
    expect(taxpayers.size).toBe(3000);
    for (const npwpd of taxpayers.keys()) expect(npwpd).toMatch(/^P\.[12]\.\d{7}\.16\.02$/);
    const names = new Map<string, Set<string>>();
    for (const b of big) names.set(b.npwpd as string, (names.get(b.npwpd as string) ?? new Set()).add(`${b.namaWp}|${b.alamat}|${b.rawPhone}`));
    expect([...names.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('never repeats a kode bayar', () => {
    expect(new Set(big.map((b) => b.kodeBayar)).size).toBe(big.length);
    expect(big.filter((b) => !new RegExp(`^\\d{2}${b.tahun}\\d{7}$`).test(b.kodeBayar))).toEqual([]);
  });

  it('has restaurants as the largest PBJT group and land owners as the largest group of all', () => {
    const taxpayersOf = (type: string) => new Set(big.filter((b) => b.taxType === type).map((b) => b.npwpd)).size;
    const pbjt = ['PBJT_HOTEL', 'PBJT_PARKIR', 'PBJT_HIBURAN', 'PBJT_LISTRIK'].map(taxpayersOf);
    expect(taxpayersOf('PBJT_MAKMIN')).toBeGreaterThan(Math.max(...pbjt));
    expect(taxpayersOf('PBB_P2')).toBeGreaterThan(taxpayersOf('PBJT_MAKMIN'));
    const types = new Set(big.map((b) => b.taxType));
    expect([...types].sort()).toEqual(['AIR_TANAH', 'BPHTB', 'MBLB', 'PBB_P2', 'PBJT_HIBURAN', 'PBJT_HOTEL', 'PBJT_LISTRIK', 'PBJT_MAKMIN', 'PBJT_PARKIR', 'REKLAME', 'WALET']);
  });

  it('gives PBB-P2 bills an 18-digit NOP of OKI, one owner per NOP, and a yearly SPPT due on 31 August', () => {
    const pbb = big.filter((b) => b.taxType === 'PBB_P2');
    expect(pbb.length).toBeGreaterThan(1000);
    expect(pbb.filter((b) => !/^16\.02\.\d{3}\.\d{3}\.\d{3}-\d{4}\.\d$/.test(b.nop ?? '') || b.nop!.replace(/\D/g, '').length !== 18)).toEqual([]);
    expect(pbb.filter((b) => b.dueDate !== `${b.tahun}-08-31` || b.masaPajak !== null)).toEqual([]);
    const owners = new Map<string, Set<string | null>>();
    for (const b of pbb) owners.set(b.nop as string, (owners.get(b.nop as string) ?? new Set()).add(b.npwpd));
    expect([...owners.values()].filter((o) => o.size > 1)).toEqual([]);
  });

  it('bills monthly PBJT for about twelve masa, due on the 10th of the next month, the last one still to come', () => {
    const warung = big.filter((b) => b.taxType === 'PBJT_MAKMIN');
    const dueOf = (masa: string) => {
      const [y, m] = masa.split('-').map(Number) as [number, number];
      return m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, '0')}-10`;
    };
    expect(warung.filter((b) => b.dueDate !== dueOf(b.masaPajak as string))).toEqual([]);
    const masas = [...new Set(warung.map((b) => b.masaPajak))].sort();
    expect(masas).toHaveLength(12);
    expect(masas[masas.length - 1]).toBe('2026-11');
    expect(new Set(warung.map((b) => b.taxTypeLabel))).toEqual(new Set(['PBJT Makanan dan Minuman', 'Pajak Restoran', 'PBJT - Makan Minum', 'PBJT atas Makanan dan/atau Minuman']));
  });

  it('keeps amounts in whole hundreds of Rupiah, from tens of thousands to tens of millions', () => {
    expect(big.filter((b) => !Number.isInteger(b.principal) || b.principal % 100 !== 0 || b.principal < 10_000 || b.principal >= 100_000_000)).toEqual([]);
    expect(big.filter((b) => !Number.isInteger(b.penalty) || b.penalty < 0)).toEqual([]);
    const restaurants = big.filter((b) => b.taxType === 'PBJT_MAKMIN').map((b) => b.principal);
    expect(Math.min(...restaurants)).toBeLessThan(100_000);
    expect(Math.max(...restaurants)).toBeGreaterThan(10_000_000);
  });

  it('has old bills mostly paid (on time or late, with the 1 % a month penalty) and recent ones unpaid or overdue', () => {
    const old = big.filter((b) => b.dueDate < '2026-08-01');
    expect(old.filter((b) => b.status === 'paid').length / old.length).toBeGreaterThan(0.75);
    const paid = big.filter((b) => b.status === 'paid');
    expect(paid.filter((b) => !b.paidDate || b.paidDate > TODAY)).toEqual([]);
    const late = paid.filter((b) => b.paidDate! > b.dueDate);
    expect(late.length).toBeGreaterThan(100);
    expect(paid.filter((b) => b.paidDate! <= b.dueDate && b.penalty === 0).length).toBeGreaterThan(late.length);
    expect(late.filter((b) => b.penalty !== latePenalty(b.principal, b.dueDate, b.paidDate!))).toEqual([]);
    const unpaid = big.filter((b) => b.status === 'unpaid');
    expect(unpaid.filter((b) => b.paidDate !== null)).toEqual([]);
    const overdue = unpaid.filter((b) => b.dueDate < TODAY);
    expect(overdue.length).toBeGreaterThan(200);
    expect(overdue.filter((b) => b.penalty !== latePenalty(b.principal, b.dueDate, TODAY))).toEqual([]);
    expect(unpaid.filter((b) => b.dueDate >= TODAY).length).toBeGreaterThan(200);
  });

  it('has 10–25 % of taxpayers with a contact that cannot be messaged as it stands, in the forms real exports have', () => {
    const phones = [...byTaxpayer(big).values()].map((b) => b.rawPhone);
    const dirty = phones.filter((p) => !isUsableMobile(p)).length / phones.length;
    expect(dirty).toBeGreaterThanOrEqual(0.1);
    expect(dirty).toBeLessThanOrEqual(0.25);
    for (const form of [/^08\d+$/, /^08\d\d-\d{4}-\d+$/, /^\+62 8/, /^628\d+$/, /^\(\+62\)8/, /^08\d\d\.\d{4}\./, /^8\d+$/, / \/ /, /^0712-/, /^-$/, /^0$/, /^Tidak Ada$/]) {
      expect(phones.some((p) => p !== null && form.test(p))).toBe(true);
    }
    expect(phones).toContain(null);
  });

  it('puts one consultant number on several unrelated taxpayers', () => {
    const uses = new Map<string, number>();
    for (const b of byTaxpayer(big).values()) if (b.rawPhone) uses.set(b.rawPhone, (uses.get(b.rawPhone) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeGreaterThanOrEqual(3);
  });

  it('leaves email mostly empty or a placeholder, and never a deliverable address', () => {
    const emails = [...byTaxpayer(big).values()].map((b) => b.rawEmail);
    expect(emails).toContain('Email kosong');
    expect(emails).toContain('Tidak Ada');
    expect(emails.filter((e) => e === null || !e.includes('@')).length / emails.length).toBeGreaterThan(0.6);
    for (const e of emails) if (e?.includes('@')) expect(e).toMatch(/@example\.(com|net|org)$/);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDemo({ taxpayers: 0, seed: 1, today: TODAY })).toThrow(RangeError);
    expect(() => generateDemo({ taxpayers: 10, seed: 1.5, today: TODAY })).toThrow(RangeError);
    expect(() => generateDemo({ taxpayers: 10, seed: 1, today: '2026-02-30' })).toThrow(RangeError);
  });
});
