/**
 * The calendar day of an instant in the agency's zone, with the formatter kept: building an
 * Intl.DateTimeFormat costs most of a millisecond, which every partner call would pay.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function agencyDay(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}
