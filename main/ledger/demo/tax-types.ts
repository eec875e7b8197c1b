/**
 * How each regional tax behaves in the demo ledger. `kode` is the two-digit prefix of a kode bayar,
 * in the order the kabupaten taxes were listed under UU 28/2009 (hotel 01, restoran 02, …), which
 * many SIMPADA installations still use. `labels` mix the names before and after UU 1/2022, as
 * real exports do; the first is the current one and the most common.
 */
export type DemoTaxType = 'PBJT_MAKMIN' | 'PBJT_HOTEL' | 'PBJT_PARKIR' | 'PBJT_HIBURAN' | 'PBJT_LISTRIK' | 'REKLAME' | 'AIR_TANAH' | 'PBB_P2' | 'BPHTB' | 'MBLB' | 'WALET';

/** monthly: self-assessed, one bill per masa due on the 10th after it; yearly-sppt: PBB-P2; skpd: one assessment a year; once: one transaction. */
export type Cadence = 'monthly' | 'yearly-sppt' | 'skpd' | 'once';

export interface TaxTypeProfile {
  code: DemoTaxType;
  kode: string;
  cadence: Cadence;
  labels: readonly string[];
  /** Principal of one bill in Rupiah: log-uniform from min to max, skewed towards min. */
  amount: { min: number; max: number; skew: number };
}

export const TAX_TYPES: Record<DemoTaxType, TaxTypeProfile> = {
  PBJT_HOTEL: { code: 'PBJT_HOTEL', kode: '01', cadence: 'monthly', labels: ['PBJT Jasa Perhotelan', 'Pajak Hotel', 'PBJT - Perhotelan'], amount: { min: 250_000, max: 30_000_000, skew: 1.6 } },
  PBJT_MAKMIN: {
    code: 'PBJT_MAKMIN',
    kode: '02',
    cadence: 'monthly',
    labels: ['PBJT Makanan dan Minuman', 'Pajak Restoran', 'PBJT - Makan Minum', 'PBJT atas Makanan dan/atau Minuman'],
    amount: { min: 50_000, max: 25_000_000, skew: 1.8 },
  },
  PBJT_HIBURAN: { code: 'PBJT_HIBURAN', kode: '03', cadence: 'monthly', labels: ['PBJT Jasa Kesenian dan Hiburan', 'Pajak Hiburan', 'PBJT - Hiburan'], amount: { min: 100_000, max: 12_000_000, skew: 1.5 } },
  REKLAME: { code: 'REKLAME', kode: '04', cadence: 'skpd', labels: ['Pajak Reklame'], amount: { min: 300_000, max: 25_000_000, skew: 1.6 } },
  PBJT_LISTRIK: { code: 'PBJT_LISTRIK', kode: '05', cadence: 'monthly', labels: ['PBJT Tenaga Listrik', 'Pajak Penerangan Jalan', 'PBJT - Tenaga Listrik'], amount: { min: 2_000_000, max: 80_000_000, skew: 1.2 } },
  MBLB: { code: 'MBLB', kode: '06', cadence: 'monthly', labels: ['Pajak MBLB', 'Pajak Mineral Bukan Logam dan Batuan', 'Pajak Galian Golongan C'], amount: { min: 500_000, max: 30_000_000, skew: 1.4 } },
  PBJT_PARKIR: { code: 'PBJT_PARKIR', kode: '07', cadence: 'monthly', labels: ['PBJT Jasa Parkir', 'Pajak Parkir', 'PBJT - Parkir'], amount: { min: 75_000, max: 5_000_000, skew: 1.6 } },
  AIR_TANAH: { code: 'AIR_TANAH', kode: '08', cadence: 'monthly', labels: ['Pajak Air Tanah', 'Pajak ABT'], amount: { min: 50_000, max: 6_000_000, skew: 1.6 } },
  WALET: { code: 'WALET', kode: '09', cadence: 'monthly', labels: ['Pajak Sarang Burung Walet', 'Pajak Walet'], amount: { min: 100_000, max: 4_000_000, skew: 1.5 } },
  PBB_P2: { code: 'PBB_P2', kode: '10', cadence: 'yearly-sppt', labels: ['PBB-P2', 'PBB Perdesaan dan Perkotaan', 'Pajak Bumi dan Bangunan P2'], amount: { min: 10_000, max: 20_000_000, skew: 2.6 } },
  BPHTB: { code: 'BPHTB', kode: '11', cadence: 'once', labels: ['BPHTB', 'Bea Perolehan Hak atas Tanah dan Bangunan'], amount: { min: 500_000, max: 60_000_000, skew: 1.5 } },
};

/**
 * A taxpayer's main tax type, in proportion: most PBJT taxpayers are restaurants and warung,
 * and land owners paying PBB-P2 are the largest group of all.
 */
export const PRIMARY_WEIGHTS: readonly (readonly [DemoTaxType, number])[] = [
  ['PBB_P2', 40],
  ['PBJT_MAKMIN', 28],
  ['REKLAME', 7],
  ['PBJT_HOTEL', 5],
  ['PBJT_PARKIR', 4],
  ['AIR_TANAH', 4],
  ['PBJT_HIBURAN', 3],
  ['BPHTB', 3],
  ['MBLB', 2],
  ['WALET', 3],
  ['PBJT_LISTRIK', 1],
];

/** PBB-P2 SPPT are due on one day each year (a setting in the app; 31 August is common). */
export const SPPT_DUE = '08-31';
/** PBJT and other self-assessed taxes: due on this day of the month after the masa. */
export const MONTHLY_DUE_DAY = 10;
/** An SKPD (Reklame) or a BPHTB transaction is due this many days after it is issued. */
export const SKPD_DUE_DAYS = 30;
