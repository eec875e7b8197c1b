import { describe, expect, it } from 'vitest';
import { billDescription } from './bill-description.js';
import { receiptNumberFor } from './receipt-number.js';
import { idFromName } from './partners.js';

describe('what banks print and partners are called', () => {
  it('describes a land tax bill by its year and a monthly tax by its period', () => {
    expect(billDescription({ taxType: 'PBB_P2', taxTypeLabel: 'PBB P2', masaPajak: null, tahun: 2025 })).toBe('PBB-P2 TAHUN 2025');
    expect(billDescription({ taxType: 'PBJT_MAKMIN', taxTypeLabel: 'Pajak Restoran', masaPajak: '2026-08', tahun: 2026 })).toBe('PBJT MAKANAN DAN/ATAU MINUMAN MASA AGUSTUS 2026');
  });

  it("keeps the export's own label for a tax type SI PEKA does not know", () => {
    expect(billDescription({ taxType: 'LAINNYA', taxTypeLabel: 'Retribusi Pasar', masaPajak: null, tahun: null })).toBe('RETRIBUSI PASAR');
  });

  it('numbers a receipt by its day and bill', () => {
    expect(receiptNumberFor(123, '2026-11-23')).toBe('BPPD/20261123/0000123');
  });

  it('makes a partner id from its name', () => {
    expect(idFromName('Bank Sumsel Babel (Mobile)')).toBe('BANK_SUMSEL_BABEL_MOBILE');
    expect(idFromName('é')).toBe('PARTNER_E');
  });
});
