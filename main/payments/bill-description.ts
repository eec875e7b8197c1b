import { formatMasaPajak } from '../../shared/templates/values.js';
import { TAX_TYPES } from '../ledger/index.js';

/**
 * What a bank prints on the taxpayer's receipt: `PBB-P2 TAHUN 2025` for a yearly land tax,
 * `PBJT MAKANAN DAN/ATAU MINUMAN MASA AGUSTUS 2026` for a monthly one. Upper case, as the
 * banks' receipts are.
 */
export function billDescription(bill: { taxType: string; taxTypeLabel: string; masaPajak: string | null; tahun: number | null }): string {
  const known = TAX_TYPES[bill.taxType as keyof typeof TAX_TYPES];
  const name = known && bill.taxType !== 'LAINNYA' ? known.id : bill.taxTypeLabel;
  const period = bill.taxType !== 'PBB_P2' && bill.masaPajak ? `MASA ${formatMasaPajak(bill.masaPajak, 'id')}` : bill.tahun ? `TAHUN ${bill.tahun}` : '';
  return [name, period].filter((part) => part !== '').join(' ').toUpperCase();
}
