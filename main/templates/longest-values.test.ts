import { describe, expect, it } from 'vitest';
import { LONG_SAMPLE_MESSAGE, templateValues } from '../../shared/templates/index.js';
import type { LedgerExtremes } from './ledger-extremes.js';
import { longestValues } from './longest-values.js';

const agency = { name: 'Bapenda Kabupaten Contoh', contact: 'kantor kami', howToPay: 'bank atau loket kantor kami' };
const bill = {
  taxTypeLabel: 'Pajak Restoran',
  nop: null,
  objectName: 'Warung Bu Sri',
  masaPajak: '2026-10',
  principal: 150_000,
  penalty: 0,
  dueDate: '2026-11-10',
  kodeBayar: '1602261000001',
  nomorVa: null,
};

const ledger: LedgerExtremes = {
  longestName: 'CV Sinar Harapan Jaya Abadi Sentosa Makmur Sejahtera',
  longestNpwpd: 'P.2.0100001.16.02',
  longestTaxTypeLabel: 'PBJT Makanan dan/atau Minuman',
  longestNop: '16.02.010.001.001-0012.0',
  longestObjectName: 'Rumah Makan Pindang Meranjat Cabang Kayuagung',
  busiestBills: [bill, { ...bill, masaPajak: '2026-09', dueDate: '2026-10-10', kodeBayar: '1602260900001' }],
  largestArrears: { principal: 125_000_000, penalty: 2_500_000 },
  earliestUnpaidDue: '2025-01-10',
};

describe('the longest value of each placeholder', () => {
  it("lists the busiest taxpayer's bills under the longest name", () => {
    const values = longestValues(ledger, agency, '2026-11-23', 'id');
    expect(values.nama_wp).toBe(ledger.longestName);
    expect(values.daftar_tagihan.split('\n')).toHaveLength(2);
    expect(values.masa_pajak).toBe('September 2026, Oktober 2026');
  });

  it('takes each single value at its longest anywhere in the ledger', () => {
    const values = longestValues(ledger, agency, '2026-11-23', 'id');
    expect(values.jenis_pajak).toBe('PBJT Makanan dan/atau Minuman');
    expect(values.objek_pajak).toBe('Rumah Makan Pindang Meranjat Cabang Kayuagung');
    expect(values.total).toBe('Rp 127.500.000');
    // 10 January 2025 to 23 November 2026: the longest-overdue bill gives the most digits.
    expect(values.hari_lagi).toBe('682');
  });

  it('measures virtual account numbers with the sample until the ledger has any', () => {
    expect(longestValues(ledger, agency, '2026-11-23', 'id').nomor_va).toBe(LONG_SAMPLE_MESSAGE.bills[0]?.nomorVa);
  });

  it('falls back to the built-in worst case, with this agency, on a ledger without unpaid bills', () => {
    const empty: LedgerExtremes = { ...ledger, busiestBills: [], largestArrears: null, earliestUnpaidDue: null };
    expect(longestValues(empty, agency, '2026-11-23', 'en')).toEqual(templateValues({ ...LONG_SAMPLE_MESSAGE, agency }, 'en'));
  });
});
