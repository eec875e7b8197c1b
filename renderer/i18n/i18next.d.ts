import 'i18next';
import type { Dictionary } from './id';

/** Makes t('…') a compile error for a key the dictionaries do not have. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Dictionary };
  }
}
