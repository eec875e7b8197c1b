import type { ParseKeys } from 'i18next';

/**
 * A problem the form finds before asking the backend. It carries a dictionary key, not text,
 * so the message follows a language switch like the backend's own errors do.
 */
export class FormError extends Error {
  readonly key: ParseKeys;
  readonly params: Record<string, string | number>;
  constructor(key: ParseKeys, params: Record<string, string | number> = {}) {
    super(key);
    this.name = 'FormError';
    this.key = key;
    this.params = params;
  }
}
