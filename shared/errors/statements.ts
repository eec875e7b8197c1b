/** Errors of bank statement import and reconciliation (see ../errors.ts for the shape). */
export const STATEMENT_ERRORS = {
  STATEMENT_NO_HEADER: {
    status: 400,
    id: 'Baris judul kolom rekening koran (mis. Tanggal, Keterangan, Kredit) tidak ditemukan di {rows} baris pertama {file}. Petakan kolomnya dengan --mapping (mis. A=tanggal,B=keterangan,D=kredit). Tidak ada yang disimpan.',
    en: 'No bank statement header row (e.g. Tanggal, Keterangan, Kredit) in the first {rows} rows of {file}. Map the columns with --mapping (e.g. A=date,B=description,D=credit). Nothing was stored.',
  },
  STATEMENT_MISSING_COLUMNS: {
    status: 400,
    id: 'Rekening koran {file} tidak memiliki kolom {columns} (judul di baris {row}). Petakan kolomnya dengan --mapping. Tidak ada yang disimpan.',
    en: 'The statement {file} lacks the column(s) {columns} (header in row {row}). Map them with --mapping. Nothing was stored.',
  },
  STATEMENT_BAD_MAPPING: {
    status: 400,
    id: 'Pemetaan kolom "{entry}" tidak sah: tulis KOLOM=BIDANG, mis. A=tanggal; bidang: {fields}.',
    en: 'Column mapping "{entry}" is invalid: write COLUMN=FIELD, e.g. A=date; fields: {fields}.',
  },
  STATEMENT_BAD_CELL: {
    status: 400,
    id: '{file}, baris {row}, kolom {column} ("{header}"): {reason} Nilai: "{value}". {more}Tidak ada yang disimpan.',
    en: '{file}, row {row}, column {column} ("{header}"): {reasonEn} Value: "{value}". {moreEn}Nothing was stored.',
  },
  STATEMENT_EMPTY: {
    status: 400,
    id: 'Rekening koran {file} tidak berisi satu pun transaksi. Tidak ada yang disimpan.',
    en: 'The statement {file} holds no transactions. Nothing was stored.',
  },
  RECON_ITEM_NOT_FOUND: { status: 404, id: 'Butir rekonsiliasi #{id} tidak ditemukan.', en: 'Reconciliation item #{id} not found.' },
  RECON_LINK_NEEDS_CREDIT: {
    status: 400,
    id: 'Butir #{id} bukan kredit bank; hanya kredit yang dapat ditautkan ke tagihan. Selesaikan dengan refund, write_off atau accept.',
    en: 'Item #{id} is not a bank credit; only credits can be linked to a bill. Resolve it with refund, write_off or accept.',
  },
  RECON_LINK_NEEDS_BILL: { status: 400, id: 'Sebutkan tagihan yang ditautkan: kode bayar, kode pembayaran atau NOP.', en: 'Name the bill to link: its kode bayar, payment code or NOP.' },
  RECON_REASON_REQUIRED: { status: 400, id: 'Penghapusan (write off) wajib disertai alasan.', en: 'A write-off needs a reason.' },
  RECON_NOTHING_TO_RESOLVE: {
    status: 409,
    id: 'Butir #{id} sudah cocok ({class}); tidak ada yang perlu diselesaikan.',
    en: 'Item #{id} is already matched ({class}); there is nothing to resolve.',
  },
  RECON_NOT_RECONCILED: {
    status: 409,
    id: 'Periode {period} belum terekonsiliasi: {open} butir belum cocok atau belum diselesaikan. Tidak ada yang ditandatangani.',
    en: 'Period {period} is not reconciled: {open} item(s) are neither matched nor resolved. Nothing was signed off.',
  },
  RECON_ALREADY_SIGNED: {
    status: 409,
    id: 'Periode {period} sudah ditandatangani oleh {signedBy} pada {signedAt}.',
    en: 'Period {period} was already signed off by {signedBy} at {signedAt}.',
  },
  RECON_NOT_LOCKED: { status: 409, id: 'Periode {period} tidak sedang dikunci.', en: 'Period {period} is not locked.' },
  RECON_UNLOCK_REASON: { status: 400, id: 'Membuka periode yang dikunci wajib disertai alasan.', en: 'Unlocking a signed-off period needs a reason.' },
  RECON_BAD_PERIOD: { status: 400, id: 'Periode "{period}" tidak sah: tulis YYYY-MM-DD (hari) atau YYYY-MM (bulan).', en: 'Period "{period}" is invalid: write YYYY-MM-DD (a day) or YYYY-MM (a month).' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
