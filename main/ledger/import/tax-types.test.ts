import { describe, expect, it } from 'vitest';
import { canonicalTaxType, TAX_TYPES } from './tax-types.js';

describe('canonicalTaxType', () => {
  it.each([
    ['Pajak Restoran', 'PBJT_MAKMIN'],
    ['PBJT Makanan dan Minuman', 'PBJT_MAKMIN'],
    ['PBJT Makanan dan/atau Minuman', 'PBJT_MAKMIN'],
    ['PBJT - Makan Minum', 'PBJT_MAKMIN'],
    ['PBJT MAMIN', 'PBJT_MAKMIN'],
    ['Pajak Rumah Makan', 'PBJT_MAKMIN'],
    ['Pajak Hotel', 'PBJT_HOTEL'],
    ['PBJT Jasa Perhotelan', 'PBJT_HOTEL'],
    ['Pajak Parkir', 'PBJT_PARKIR'],
    ['PBJT Jasa Parkir', 'PBJT_PARKIR'],
    ['Pajak Hiburan', 'PBJT_HIBURAN'],
    ['PBJT Kesenian dan Hiburan', 'PBJT_HIBURAN'],
    ['PBJT Jasa Kesenian dan Hiburan', 'PBJT_HIBURAN'],
    ['Pajak Penerangan Jalan', 'PBJT_LISTRIK'],
    ['PBJT Tenaga Listrik', 'PBJT_LISTRIK'],
    ['Pajak Reklame', 'REKLAME'],
    ['Pajak Air Tanah', 'AIR_TANAH'],
    ['Pajak Air Bawah Tanah', 'AIR_TANAH'],
    ['PBB', 'PBB_P2'],
    ['PBB-P2', 'PBB_P2'],
    ['PBB P2', 'PBB_P2'],
    ['Pajak Bumi dan Bangunan Perdesaan dan Perkotaan', 'PBB_P2'],
    ['BPHTB', 'BPHTB'],
    ['Bea Perolehan Hak atas Tanah dan Bangunan', 'BPHTB'],
    ['Pajak MBLB', 'MBLB'],
    ['Mineral Bukan Logam dan Batuan', 'MBLB'],
    ['Pajak Mineral Bukan Logam dan Batuan', 'MBLB'],
    ['Pajak Sarang Burung Walet', 'WALET'],
    ['pajak restoran', 'PBJT_MAKMIN'],
    ['  PAJAK   HOTEL ', 'PBJT_HOTEL'],
  ])('maps %j to %s', (label, code) => {
    expect(canonicalTaxType(label)).toBe(code);
  });

  it.each([
    ['4.1.01.07.01 Pajak Restoran', 'PBJT_MAKMIN'],
    ['4.1.01.06.01 Pajak Hotel', 'PBJT_HOTEL'],
    ['4.1.01.09.01 Pajak Reklame', 'REKLAME'],
    ['4.1.01.13.01 Pajak Sarang Burung Walet', 'WALET'],
  ])('derives the tax type from the Rekening %j', (label, code) => {
    expect(canonicalTaxType(label)).toBe(code);
  });

  it.each([null, undefined, '', 'Opsen PKB', '4.1.01.07.01', 'Retribusi Pasar'])('calls %j LAINNYA', (label) => {
    expect(canonicalTaxType(label)).toBe('LAINNYA');
  });

  it('has an Indonesian and an English name for every code', () => {
    for (const names of Object.values(TAX_TYPES)) {
      expect(names.id).not.toBe('');
      expect(names.en).not.toBe('');
    }
  });
});
