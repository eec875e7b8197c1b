import type { Language } from '../errors.js';
import { formatDate, formatRupiah } from '../format.js';
import type { TemplateValues } from './placeholders.js';

export interface BillData {
  /** As the officer reads it, e.g. `PBJT Makanan dan/atau Minuman`. */
  taxTypeLabel: string;
  nop: string | null;
  /** The business, billboard or plot, e.g. `RM Pindang Meranjat`. */
  objectName: string | null;
  /** `2026-08` for a month, `2026` for a year, or text as the export wrote it. */
  masaPajak: string | null;
  /** Integer Rupiah. */
  principal: number;
  /** Integer Rupiah. */
  penalty: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  kodeBayar: string;
  nomorVa: string | null;
}

/** One message: one taxpayer, one or more of their bills (domain.md: combine a taxpayer's bills). */
export interface MessageData {
  taxpayer: { name: string; npwpd: string };
  /** At least one. */
  bills: readonly BillData[];
  agency: { name: string; contact: string; howToPay: string };
  /** `YYYY-MM-DD` in the agency's zone. */
  today: string;
}

/** What a missing value shows, so a sentence never has a hole in it. */
export const MISSING = '-';

/**
 * The value of every placeholder. With several bills, the descriptive ones list the distinct
 * values (`PBJT Jasa Perhotelan, Pajak Reklame`), the amounts are sums, and the date and
 * payment code are the earliest-due bill's: that is the one to pay first, and
 * `{daftar_tagihan}` carries the rest.
 *
 * `{hari_lagi}` counts days between today and that earliest due date without a sign: days
 * left before it, days overdue after it, `0` on the day itself. The template's purpose (H-3 or
 * H+7) says which way to read it: "jatuh tempo {hari_lagi} hari lagi" / "terlambat {hari_lagi}
 * hari".
 */
export function templateValues(message: MessageData, lang: Language = 'id'): TemplateValues {
  const bills = byDueDate(message.bills);
  const first = bills[0];
  if (!first) throw new Error('a message covers at least one bill');
  const principal = sum(bills.map((b) => b.principal));
  const penalty = sum(bills.map((b) => b.penalty));
  return {
    nama_wp: orMissing(clean(message.taxpayer.name)),
    npwpd: orMissing(clean(message.taxpayer.npwpd)),
    jenis_pajak: distinct(bills.map((b) => b.taxTypeLabel)),
    nop: distinct(bills.map((b) => b.nop)),
    objek_pajak: distinct(bills.map((b) => b.objectName)),
    masa_pajak: distinct(bills.map((b) => b.masaPajak && formatMasaPajak(b.masaPajak, lang))),
    jumlah_tagihan: formatRupiah(principal),
    denda: formatRupiah(penalty),
    total: formatRupiah(principal + penalty),
    jatuh_tempo: formatDate(first.dueDate, lang),
    hari_lagi: String(Math.abs(daysBetween(message.today, first.dueDate))),
    kode_bayar: orMissing(clean(first.kodeBayar)),
    nomor_va: orMissing(clean(first.nomorVa ?? '')),
    cara_bayar: orMissing(message.agency.howToPay.trim()),
    daftar_tagihan: billList(bills, lang),
    nama_instansi: orMissing(message.agency.name.trim()),
    kontak_instansi: orMissing(message.agency.contact.trim()),
  };
}

/**
 * `{daftar_tagihan}`: one numbered line per bill, earliest due first:
 * `1. PBJT Makanan dan/atau Minuman 08/2026, NOP 16.02…, Rp 1.250.000, jatuh tempo 10 September
 * 2026, kode bayar 1602…`; a bill with a penalty shows `Rp 1.262.500 termasuk denda Rp 12.500`.
 */
export function billList(bills: readonly BillData[], lang: Language = 'id'): string {
  return byDueDate(bills)
    .map((bill, i) => `${i + 1}. ${billLine(bill, lang)}`)
    .join('\n');
}

/**
 * The same list on one line, bills separated by `; `, for a WhatsApp parameter: Meta refuses
 * a parameter holding a line break, a tab or more than four spaces in a row. Takes the list
 * rather than the bills so that values already computed (e.g. the longest of real data) can be
 * converted too.
 */
export function oneLineBillList(list: string): string {
  return list
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('; ');
}

/** `2026-08` → `Agustus 2026` / `August 2026`; anything else as written. */
export function formatMasaPajak(masaPajak: string, lang: Language): string {
  const month = yearMonth(masaPajak);
  return month ? MONTH_YEAR[lang].format(new Date(Date.UTC(month.year, month.month - 1, 1))) : clean(masaPajak);
}

const MONTH_YEAR: Record<Language, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

const WORDS: Record<Language, { due: string; code: string; inclPenalty: string }> = {
  id: { due: 'jatuh tempo', code: 'kode bayar', inclPenalty: 'termasuk denda' },
  en: { due: 'due', code: 'payment code', inclPenalty: 'incl. penalty' },
};

/** Parts that are missing are left out rather than shown as `-`: the line stays readable. */
function billLine(bill: BillData, lang: Language): string {
  const words = WORDS[lang];
  const period = bill.masaPajak ? shortMasaPajak(bill.masaPajak) : '';
  const amount =
    bill.penalty > 0
      ? `${formatRupiah(bill.principal + bill.penalty)} ${words.inclPenalty} ${formatRupiah(bill.penalty)}`
      : formatRupiah(bill.principal);
  return [
    [clean(bill.taxTypeLabel), period].filter((part) => part !== '').join(' '),
    objectText(bill),
    amount,
    `${words.due} ${formatDate(bill.dueDate, lang)}`,
    `${words.code} ${orMissing(clean(bill.kodeBayar))}`,
  ]
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * The NOP when the bill has one, else the object's name: either identifies the object (KF-03),
 * and showing both would make a taxpayer's longer lists overflow WhatsApp's 1024 characters.
 */
function objectText(bill: BillData): string {
  const nop = clean(bill.nop ?? '');
  return nop ? `NOP ${nop}` : clean(bill.objectName ?? '');
}

/** `2026-08` → `08/2026`: short, and the same in both languages. */
function shortMasaPajak(masaPajak: string): string {
  const month = yearMonth(masaPajak);
  return month ? `${String(month.month).padStart(2, '0')}/${month.year}` : clean(masaPajak);
}

function yearMonth(text: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** Earliest due first; bills due the same day keep the caller's order. */
function byDueDate(bills: readonly BillData[]): BillData[] {
  return [...bills].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** The distinct non-empty values in order, joined by `, `; `-` when there are none. */
function distinct(values: readonly (string | null)[]): string {
  const seen = [...new Set(values.map((value) => clean(value ?? '')).filter((value) => value !== ''))];
  return orMissing(seen.join(', '));
}

/** Exported cells carry stray spaces and line breaks; a value in a sentence should not. */
function clean(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function orMissing(text: string): string {
  return text === '' ? MISSING : text;
}

function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}
