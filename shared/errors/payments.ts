/** Errors of the payments module: partners, counter payments, signed-off periods (see ../errors.ts for the shape). */
export const PAYMENT_ERRORS = {
  PERIOD_LOCKED: {
    status: 409,
    id: 'Periode {period} sudah ditutup dan ditandatangani oleh {signedBy} pada {signedAt}; pembayarannya tidak dapat diubah. Minta Kepala membuka periode ini. Tidak ada yang diubah.',
    en: 'Period {period} was signed off by {signedBy} at {signedAt}; its payments cannot change. Ask the head to unlock it. Nothing was changed.',
  },
  BILL_NOT_FOUND: { status: 404, id: 'Tagihan dengan kode bayar, kode pembayaran atau NOP "{taxId}" tidak ditemukan.', en: 'No bill has the payment code, kode bayar or NOP "{taxId}".' },
  BILL_ALREADY_PAID: {
    status: 409,
    id: 'Tagihan {kodeBayar} sudah lunas{receipt}. Tidak ada yang dicatat.',
    en: 'Bill {kodeBayar} is already paid{receipt}. Nothing was recorded.',
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 409,
    id: 'Jumlah {amount} tidak sama dengan total tagihan {kodeBayar} per {date}: {total} (pokok {principal}, denda {penalty}). Tidak ada yang dicatat.',
    en: 'The amount {amount} differs from the total of bill {kodeBayar} as of {date}: {total} (principal {principal}, penalty {penalty}). Nothing was recorded.',
  },
  PAYMENT_DUPLICATE_REF: {
    status: 409,
    id: 'Referensi {reference} sudah dipakai untuk pembayaran {receipt}. Tidak ada yang dicatat.',
    en: 'Reference {reference} was already used by payment {receipt}. Nothing was recorded.',
  },
  PAYMENT_RECEIPT_TAKEN: { status: 409, id: 'Nomor tanda terima {receipt} sudah dipakai. Tidak ada yang dicatat.', en: 'Receipt number {receipt} is already taken. Nothing was recorded.' },
  PAYMENT_DATE_IN_FUTURE: { status: 400, id: 'Tanggal bayar {date} belum tiba (hari ini {today}).', en: 'The payment date {date} is after today ({today}).' },
  PAYMENT_NEEDS_BILL: { status: 400, id: 'Sebutkan tagihannya: kode bayar, NOP atau nomor tagihan.', en: 'Name the bill: its payment code, NOP or bill number.' },
  PARTNER_NOT_FOUND: { status: 404, id: 'Mitra pembayaran "{id}" tidak ditemukan.', en: 'Payment partner "{id}" not found.' },
  PARTNER_EXISTS: { status: 409, id: 'Mitra pembayaran "{id}" sudah ada.', en: 'Payment partner "{id}" already exists.' },
  PARTNER_BAD_CIDR: {
    status: 400,
    id: '"{cidr}" bukan alamat IP atau rentang CIDR yang sah (mis. 203.0.113.0/24 atau 2001:db8::/32). Tidak ada yang diubah.',
    en: '"{cidr}" is not a valid IP address or CIDR range (e.g. 203.0.113.0/24 or 2001:db8::/32). Nothing was changed.',
  },
  PARTNER_RESERVED_ID: { status: 400, id: '"{id}" dicadangkan untuk pembayaran di loket kantor.', en: '"{id}" is reserved for payments at the agency counter.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
