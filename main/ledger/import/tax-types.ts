/**
 * The canonical tax types of UU 1/2022 (HKPD) for a kabupaten, with the names officers read.
 * Exports label the same tax in old and new words (`Pajak Restoran`, `PBJT Makanan dan
 * Minuman`, `PBJT - Makan Minum`) or by budget account (`4.1.01.07.01 Pajak Restoran`); every
 * label maps to one code, and the bill keeps the original label too.
 */
export const TAX_TYPES = {
  PBJT_MAKMIN: { id: 'PBJT Makanan dan/atau Minuman', en: 'PBJT food and beverages' },
  PBJT_HOTEL: { id: 'PBJT Jasa Perhotelan', en: 'PBJT lodging' },
  PBJT_PARKIR: { id: 'PBJT Jasa Parkir', en: 'PBJT parking' },
  PBJT_HIBURAN: { id: 'PBJT Jasa Kesenian dan Hiburan', en: 'PBJT arts and entertainment' },
  PBJT_LISTRIK: { id: 'PBJT Tenaga Listrik', en: 'PBJT electricity' },
  REKLAME: { id: 'Pajak Reklame', en: 'Billboard tax' },
  AIR_TANAH: { id: 'Pajak Air Tanah', en: 'Groundwater tax' },
  PBB_P2: { id: 'PBB-P2', en: 'Land and building tax (PBB-P2)' },
  BPHTB: { id: 'BPHTB', en: 'Land and building transfer duty (BPHTB)' },
  MBLB: { id: 'Pajak MBLB', en: 'Non-metal minerals and rocks tax (MBLB)' },
  WALET: { id: 'Pajak Sarang Burung Walet', en: 'Swiftlet nest tax' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
} as const satisfies Record<string, { id: string; en: string }>;

export type TaxTypeCode = keyof typeof TAX_TYPES;

/**
 * First match wins, so the specific names come before words they contain: `Bea Perolehan Hak
 * atas Tanah dan Bangunan` is BPHTB, not PBB; `Sarang Burung Walet` before anything else.
 */
const RULES: readonly [RegExp, TaxTypeCode][] = [
  [/\bwalet\b/, 'WALET'],
  [/\bbphtb\b|\bbea perolehan\b/, 'BPHTB'],
  [/\bpbb\b|\bbumi dan bangunan\b/, 'PBB_P2'],
  [/\bmblb\b|\bmineral bukan logam\b|\bgalian\b/, 'MBLB'],
  [/\bair (bawah )?tanah\b|\babt\b/, 'AIR_TANAH'],
  [/\breklame\b/, 'REKLAME'],
  [/\brestoran\b|\brumah makan\b|\bmakan|\bminum|\bmamin\b|\bkatering\b/, 'PBJT_MAKMIN'],
  [/hotel|\bpenginapan\b/, 'PBJT_HOTEL'],
  [/\bparkir\b/, 'PBJT_PARKIR'],
  [/\bhiburan\b|\bkesenian\b/, 'PBJT_HIBURAN'],
  [/\bpenerangan jalan\b|\blistrik\b|\bppj\b/, 'PBJT_LISTRIK'],
];

export function canonicalTaxType(label: string | null | undefined): TaxTypeCode {
  if (!label) return 'LAINNYA';
  const text = label
    .toLowerCase()
    .replace(/^[\d.\s]+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'LAINNYA';
}
