import type { SnapshotBill } from '../../main/ledger/index.js';

/** A July 2026 restaurant bill of "Rumah Makan Pindang Pegagan", Kayuagung; tests change what they need. */
export function snapshotBill(kodeBayar: string, over: Partial<SnapshotBill> = {}): SnapshotBill {
  return {
    kodeBayar,
    npwpd: 'P.2.0100001.16.02',
    namaWp: 'Rumah Makan Pindang Pegagan',
    alamat: 'Jl. Letnan Darna No. 12',
    kecamatan: 'Kayuagung',
    kelurahan: 'Cintaraja',
    nop: null,
    namaObjek: 'RM Pindang Pegagan',
    taxType: 'PBJT_MAKMIN',
    taxTypeLabel: 'Pajak Restoran',
    masaPajak: '2026-07',
    tahun: 2026,
    principal: 1_250_000,
    penalty: 0,
    dueDate: '2026-08-10',
    status: 'unpaid',
    paidDate: null,
    kohir: null,
    tglPenetapan: null,
    rawPhone: '0812-3456-7890',
    rawEmail: null,
    ...over,
  };
}
