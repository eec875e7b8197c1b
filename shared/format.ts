import type { Language } from './errors.js';

/**
 * How money, dates and percentages are shown, the same in the UI, messages and reports
 * (domain.md, "Formats"). Intl separates with non-breaking spaces whose placement differs
 * between ICU versions, so the spaces we show are put in here, not taken from Intl.
 */

const thousands = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const LONG_DATE: Record<Language, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `Rp 1.250.000`; negative `-Rp 1.250.000`. Amounts are integer Rupiah. */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}Rp ${thousands.format(Math.abs(amount))}`;
}

/** A share as a percentage with at most one decimal: 0.985 → `98,5 %`. */
export function formatPercent(share: number): string {
  return `${oneDecimal.format(share * 100)} %`;
}

/** A calendar date `YYYY-MM-DD` in words: `31 Agustus 2026` / `31 August 2026`. */
export function formatDate(isoDate: string, lang: Language): string {
  return LONG_DATE[lang].format(calendarDay(isoDate));
}

/** A calendar date `YYYY-MM-DD` as `31/08/2026`, the form officers type and read in exports. */
export function formatDateShort(isoDate: string): string {
  const [year, month, day] = splitDate(isoDate);
  return `${day}/${month}/${year}`;
}

/**
 * An instant in the agency's zone: `23 November 2026 08.15 WIB` (Indonesian writes the
 * time with a dot) or `23 November 2026 08:15 WIB`.
 */
export function formatInstant(iso: string, lang: Language, timeZone = 'Asia/Jakarta'): string {
  const instant = new Date(iso);
  // Shown as stored rather than hidden: a bad timestamp in the audit log is itself a clue.
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const date = formatDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  const time = `${parts.hour}${lang === 'id' ? '.' : ':'}${parts.minute}`;
  return `${date} ${time} ${zoneAbbreviation(timeZone, instant)}`;
}

/** Indonesia's three zones by their Indonesian names, which English text uses too. */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const known = INDONESIAN_ZONES[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Midnight UTC of the calendar day, formatted in UTC so no zone can move it to another day. */
function calendarDay(isoDate: string): Date {
  const [year, month, day] = splitDate(isoDate);
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

function splitDate(isoDate: string): [string, string, string] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return [match[1] as string, match[2] as string, match[3] as string];
}
