import { useLanguage } from '../i18n';

const FORMATS = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/** Counts in the UI's language: `12.345` in Indonesian, `12,345` in English. Money uses formatRupiah. */
export function useNumberFormat(): (n: number) => string {
  const format = FORMATS[useLanguage()];
  return (n) => format.format(n);
}
