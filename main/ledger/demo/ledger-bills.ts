import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SnapshotBill } from '../snapshot.js';

/**
 * The ledger's bills in the shape of an export, oldest first, read a page at a time by id so a
 * million bills never sit in memory together.
 */
export async function* ledgerBills(db: Kysely<Database>, pageSize = 2000): AsyncGenerator<SnapshotBill> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .leftJoin('tax_objects', 'tax_objects.id', 'bills.object_id')
      .select([
        'bills.id',
        'bills.kode_bayar',
        'bills.tax_type',
        'bills.tax_type_label',
        'bills.masa_pajak',
        'bills.tahun',
        'bills.principal',
        'bills.penalty',
        'bills.due_date',
        'bills.status',
        'bills.paid_date',
        'bills.kohir',
        'bills.tgl_penetapan',
        'taxpayers.npwpd',
        'taxpayers.name',
        'taxpayers.address',
        'taxpayers.kecamatan',
        'taxpayers.kelurahan',
        'taxpayers.raw_phone',
        'taxpayers.raw_email',
        'tax_objects.nop',
        'tax_objects.name as object_name',
      ])
      .where('bills.id', '>', after)
      .orderBy('bills.id')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      yield {
        kodeBayar: r.kode_bayar,
        npwpd: r.npwpd,
        namaWp: r.name,
        alamat: r.address,
        kecamatan: r.kecamatan,
        kelurahan: r.kelurahan,
        nop: r.nop,
        namaObjek: r.object_name,
        taxType: r.tax_type,
        taxTypeLabel: r.tax_type_label,
        masaPajak: r.masa_pajak,
        tahun: r.tahun,
        principal: Number(r.principal),
        penalty: Number(r.penalty),
        dueDate: r.due_date,
        status: r.status,
        paidDate: r.paid_date,
        kohir: r.kohir,
        tglPenetapan: r.tgl_penetapan,
        rawPhone: r.raw_phone,
        rawEmail: r.raw_email,
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = last.id;
  }
}
