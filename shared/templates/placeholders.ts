/**
 * What a reminder must tell the taxpayer (KF-03, domain.md "Reminders"): who, which tax, which
 * object, how much and by when. A template for a reminder purpose that lacks one is refused.
 */
export const KF03_REQUIREMENTS = ['name', 'tax_type', 'object', 'amount', 'due_date'] as const;
export type Kf03Requirement = (typeof KF03_REQUIREMENTS)[number];

/**
 * domain.md also asks every reminder for the payment code and how to pay. They are checked as
 * warnings, not errors: the brief for KF-03 lists the five above as the hard requirement.
 */
export const PAYMENT_REQUIREMENTS = ['payment_code', 'how_to_pay'] as const;
export type PaymentRequirement = (typeof PAYMENT_REQUIREMENTS)[number];

export type MessageRequirement = Kf03Requirement | PaymentRequirement;

export interface Placeholder {
  name: string;
  id: string;
  en: string;
  /** The requirements a template meets by containing this placeholder. */
  satisfies: readonly MessageRequirement[];
}

/**
 * Every placeholder a template may use, written `{name}` in the body. Names are lower case and
 * case-sensitive, so `{Nama_WP}` is a typo the checks report, not a synonym.
 */
export const PLACEHOLDERS = [
  { name: 'nama_wp', id: 'Nama wajib pajak', en: 'Taxpayer name', satisfies: ['name'] },
  { name: 'npwpd', id: 'NPWPD wajib pajak', en: 'Taxpayer number (NPWPD)', satisfies: [] },
  { name: 'jenis_pajak', id: 'Jenis pajak; beberapa dipisah koma', en: 'Tax type; several separated by commas', satisfies: ['tax_type'] },
  { name: 'nop', id: 'Nomor objek pajak (NOP); "-" bila tidak ada', en: 'Tax object number (NOP); "-" when there is none', satisfies: ['object'] },
  { name: 'objek_pajak', id: 'Nama objek pajak (usaha, reklame, tanah); "-" bila tidak ada', en: 'Tax object name (business, billboard, land); "-" when there is none', satisfies: ['object'] },
  { name: 'masa_pajak', id: 'Masa pajak, mis. Agustus 2026', en: 'Tax period, e.g. August 2026', satisfies: [] },
  { name: 'jumlah_tagihan', id: 'Pokok pajak, mis. Rp 1.250.000', en: 'Principal, e.g. Rp 1.250.000', satisfies: ['amount'] },
  { name: 'denda', id: 'Denda keterlambatan', en: 'Late-payment penalty', satisfies: [] },
  { name: 'total', id: 'Pokok ditambah denda', en: 'Principal plus penalty', satisfies: ['amount'] },
  { name: 'jatuh_tempo', id: 'Tanggal jatuh tempo (yang paling awal), mis. 31 Agustus 2026', en: 'Due date (the earliest), e.g. 31 August 2026', satisfies: ['due_date'] },
  { name: 'hari_lagi', id: 'Jumlah hari sampai jatuh tempo; setelah jatuh tempo, jumlah hari keterlambatan', en: 'Days until the due date; after it, days overdue', satisfies: [] },
  { name: 'kode_bayar', id: 'Kode bayar (tagihan yang paling awal jatuh tempo)', en: 'Payment code (of the bill due first)', satisfies: ['payment_code'] },
  { name: 'nomor_va', id: 'Nomor virtual account; "-" bila tidak ada', en: 'Virtual account number; "-" when there is none', satisfies: ['payment_code'] },
  { name: 'cara_bayar', id: 'Cara pembayaran (bank, e-wallet, kantor)', en: 'How to pay (banks, e-wallets, the office)', satisfies: ['how_to_pay'] },
  {
    name: 'daftar_tagihan',
    id: 'Daftar semua tagihan dalam pesan ini, satu per baris: jenis, masa, NOP (atau nama objek), jumlah, jatuh tempo, kode bayar',
    en: 'All bills in this message, one a line: tax type, period, NOP (or object name), amount, due date, payment code',
    satisfies: ['tax_type', 'object', 'amount', 'due_date', 'payment_code'],
  },
  { name: 'nama_instansi', id: 'Nama instansi', en: 'Agency name', satisfies: [] },
  { name: 'kontak_instansi', id: 'Kontak instansi', en: 'Agency contact', satisfies: [] },
] as const satisfies readonly Placeholder[];

export type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];

export const PLACEHOLDER_NAMES: readonly PlaceholderName[] = PLACEHOLDERS.map((p) => p.name);

/** The value of every placeholder for one message. */
export type TemplateValues = Record<PlaceholderName, string>;

const NAMES: ReadonlySet<string> = new Set(PLACEHOLDER_NAMES);

export function isPlaceholderName(name: string): name is PlaceholderName {
  return NAMES.has(name);
}

/** The placeholders that meet a requirement. */
export function placeholdersFor(requirement: MessageRequirement): PlaceholderName[] {
  return PLACEHOLDERS.filter((p) => (p.satisfies as readonly MessageRequirement[]).includes(requirement)).map((p) => p.name);
}
