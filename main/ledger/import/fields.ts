/**
 * The canonical fields of a SIMPADA bill row and the header texts that name them in real
 * exports (domain.md, "SIMPADA exports"). Synonyms are written as normaliseHeader leaves them:
 * lower case, punctuation as spaces, `Rp` units dropped, so `No. HP/WA` is `no hp wa`.
 */
export const FIELDS = [
  'npwpd',
  'nop',
  'nama_wp',
  'nama_objek',
  'alamat',
  'nama_alamat',
  'kecamatan',
  'kelurahan',
  'jenis_pajak',
  'rekening',
  'masa_pajak',
  'tahun',
  'kode_bayar',
  'kohir',
  'tgl_penetapan',
  'pokok',
  'denda',
  'jatuh_tempo',
  'tgl_bayar',
  'status',
  'no_hp',
  'email',
] as const;

export type Field = (typeof FIELDS)[number];
/** What a column is mapped to: a field, deliberately nothing, or not recognised. */
export type ColumnField = Field | 'ignore' | 'unknown';

export const FIELD_LABELS: Record<Field, { id: string; en: string }> = {
  npwpd: { id: 'NPWPD', en: 'NPWPD (taxpayer number)' },
  nop: { id: 'NOP', en: 'NOP (tax object number)' },
  nama_wp: { id: 'Nama WP', en: 'Taxpayer name' },
  nama_objek: { id: 'Nama Usaha / Objek Pajak', en: 'Business / tax object name' },
  alamat: { id: 'Alamat', en: 'Address' },
  nama_alamat: { id: 'Nama / Alamat', en: 'Name / address' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  kelurahan: { id: 'Kelurahan / Desa', en: 'Village (kelurahan)' },
  jenis_pajak: { id: 'Jenis Pajak', en: 'Tax type' },
  rekening: { id: 'Rekening', en: 'Budget account' },
  masa_pajak: { id: 'Masa Pajak', en: 'Tax period' },
  tahun: { id: 'Tahun Pajak', en: 'Tax year' },
  kode_bayar: { id: 'Kode Bayar', en: 'Bill code' },
  kohir: { id: 'Kohir', en: 'Assessment serial (kohir)' },
  tgl_penetapan: { id: 'Tanggal Penetapan', en: 'Assessment date' },
  pokok: { id: 'Pokok', en: 'Principal' },
  denda: { id: 'Denda', en: 'Penalty' },
  jatuh_tempo: { id: 'Jatuh Tempo', en: 'Due date' },
  tgl_bayar: { id: 'Tanggal Bayar', en: 'Payment date' },
  status: { id: 'Status Bayar', en: 'Payment status' },
  no_hp: { id: 'No HP', en: 'Phone' },
  email: { id: 'Email', en: 'Email' },
};

export const FIELD_SYNONYMS: Record<Field, readonly string[]> = {
  npwpd: ['npwpd', 'no npwpd', 'nomor npwpd', 'npwpd npwrd', 'npwrd', 'no npwpd npwrd', 'npwp daerah'],
  nop: ['nop', 'nomor objek pajak', 'no objek pajak', 'nomor objek', 'no objek', 'nop pbb', 'no op'],
  nama_wp: ['nama wp', 'nama wajib pajak', 'wajib pajak', 'nama', 'nama pemilik', 'nama penanggung pajak'],
  nama_objek: ['nama usaha', 'nama objek pajak', 'nama objek', 'objek pajak', 'nama op', 'nama tempat usaha', 'usaha'],
  alamat: ['alamat', 'alamat wp', 'alamat wajib pajak', 'alamat objek', 'alamat objek pajak', 'alamat usaha', 'alamat op'],
  nama_alamat: ['nama alamat', 'nama alamat wp', 'nama dan alamat', 'nama alamat wajib pajak', 'nama wp alamat'],
  kecamatan: ['kecamatan', 'kec'],
  kelurahan: ['kelurahan', 'kel', 'desa', 'kelurahan desa', 'desa kelurahan', 'kel desa'],
  jenis_pajak: ['jenis pajak', 'pajak', 'jenis', 'nama pajak', 'jenis pajak daerah'],
  rekening: ['rekening', 'kode rekening', 'no rekening', 'rekening pajak', 'nama rekening'],
  masa_pajak: ['masa pajak', 'masa', 'bulan', 'periode', 'masa bulan'],
  tahun: ['tahun', 'tahun pajak', 'thn', 'thn pajak'],
  kode_bayar: ['kode bayar', 'no ketetapan', 'nomor ketetapan', 'no skpd', 'nomor skpd', 'kode billing', 'id billing', 'kode pembayaran'],
  kohir: ['kohir', 'no kohir', 'skpd kohir', 'nomor kohir'],
  tgl_penetapan: ['tgl penetapan', 'skpd tanggal', 'tanggal penetapan', 'tgl ketetapan', 'tanggal ketetapan', 'tgl skpd', 'tanggal skpd'],
  pokok: ['pokok', 'pokok pajak', 'ketetapan', 'pajak ketetapan', 'jumlah ketetapan', 'nilai ketetapan', 'pokok ketetapan'],
  denda: ['denda', 'denda pajak', 'sanksi', 'sanksi denda', 'sanksi administrasi'],
  jatuh_tempo: ['jatuh tempo', 'tgl jatuh tempo', 'tanggal jatuh tempo', 'jth tempo', 'tgl jth tempo', 'batas bayar'],
  tgl_bayar: ['tgl bayar', 'tanggal bayar', 'tgl pembayaran', 'tanggal pembayaran', 'tgl lunas', 'tanggal lunas'],
  status: ['status', 'status bayar', 'status pembayaran', 'status lunas', 'ket bayar'],
  no_hp: ['no hp', 'nomor hp', 'no hp wa', 'hp', 'hp wa', 'no wa', 'nomor wa', 'whatsapp', 'no whatsapp', 'telepon', 'no telepon', 'nomor telepon', 'telp', 'no telp', 'tlp'],
  email: ['email', 'e mail', 'alamat email', 'surel'],
};

/** Columns every report has that are no bill field: the running number, free remarks. */
export const IGNORED_HEADERS: readonly string[] = ['no', 'no urut', 'nomor urut', 'nomor', 'keterangan', 'ket'];

/**
 * A file must have these, or it is refused before anything is written: each group is one
 * requirement, met by any of its fields (a taxpayer is known by NPWPD or by name).
 */
export const REQUIRED_GROUPS: readonly { fields: readonly Field[]; id: string; en: string }[] = [
  { fields: ['kode_bayar'], id: 'Kode Bayar', en: 'Bill code (Kode Bayar)' },
  { fields: ['npwpd', 'nama_wp', 'nama_alamat'], id: 'NPWPD atau Nama WP', en: 'NPWPD or taxpayer name' },
  { fields: ['pokok'], id: 'Pokok', en: 'Principal (Pokok)' },
  { fields: ['jatuh_tempo'], id: 'Jatuh Tempo', en: 'Due date (Jatuh Tempo)' },
];

export type RequiredGroup = (typeof REQUIRED_GROUPS)[number];
