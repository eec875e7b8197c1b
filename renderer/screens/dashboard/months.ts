import { DICTIONARIES, useLanguage } from '../../i18n';

/** A month's name by its index 0–11 (January is 0), in the UI's language. */
export function useMonthName(): (index: number) => string {
  const names: Record<number, string> = DICTIONARIES[useLanguage()].dashboard.months;
  return (index) => names[index] ?? String(index + 1);
}
