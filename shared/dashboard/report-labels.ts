import type { Indicator } from './targets.js';

/** How the agency's own performance report names things (Bahasa Indonesia: the report is signed as is). */
export const INDICATOR_LABELS_ID: Record<Indicator, string> = {
  revenue: 'Realisasi penerimaan pajak daerah (PAD)',
  compliance: 'Tingkat kepatuhan (tagihan dibayar sampai jatuh tempo)',
  reachability: 'Wajib pajak yang dapat dihubungi (WhatsApp/SMS)',
};

export const TAX_TYPE_LABELS_ID: Record<string, string> = {
  PBJT_MAKMIN: 'PBJT Makanan & Minuman',
  PBJT_HOTEL: 'PBJT Jasa Perhotelan',
  PBJT_PARKIR: 'PBJT Jasa Parkir',
  PBJT_HIBURAN: 'PBJT Kesenian & Hiburan',
  PBJT_LISTRIK: 'PBJT Tenaga Listrik',
  REKLAME: 'Pajak Reklame',
  AIR_TANAH: 'Pajak Air Tanah',
  PBB_P2: 'PBB-P2',
  BPHTB: 'BPHTB',
  MBLB: 'Pajak MBLB',
  WALET: 'Pajak Sarang Burung Walet',
};

export const QUARTER_LABELS = ['TW I', 'TW II', 'TW III', 'TW IV'] as const;
