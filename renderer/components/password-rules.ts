import { MIN_PASSWORD_LENGTH } from '../../shared/api/common';
import { FormError } from './form-error';

export { MIN_PASSWORD_LENGTH };

/** Every form that sets a password asks for it twice: a typo would lock the person out. */
export function checkNewPassword(password: string, repeated: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new FormError('errors.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (password !== repeated) throw new FormError('errors.passwordMismatch');
}
