import { FormError } from './form-error';

/** Mirrors the backend's rule (main/auth/passwords.ts), which still decides; this only saves a round trip. */
export const MIN_PASSWORD_LENGTH = 8;

/** Every form that sets a password asks for it twice: a typo would lock the person out. */
export function checkNewPassword(password: string, repeated: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new FormError('errors.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (password !== repeated) throw new FormError('errors.passwordMismatch');
}
