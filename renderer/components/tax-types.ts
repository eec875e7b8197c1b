import { DICTIONARIES, useLanguage } from '../i18n';

/** A canonical tax type code (`PBJT_MAKMIN`) by its name; a code the app does not know is shown as it is. */
export function useTaxTypeName(): (code: string) => string {
  const names = DICTIONARIES[useLanguage()].taxTypes;
  return (code) => names[code] ?? code;
}
