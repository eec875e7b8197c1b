import type { PhoneCell } from '../../shared/contacts/index.js';
import { phoneReasonText } from '../../shared/contacts/reasons.js';
import { UserError } from '../../shared/errors.js';

/** The error for a typed value that yields no usable number, with the reason in both languages. */
export function unparseablePhone(typed: string, cell: PhoneCell): UserError {
  const reason = cell.status === 'missing' ? 'not_a_number' : cell.reason;
  return new UserError('CONTACT_PHONE_UNPARSEABLE', { value: typed, detail_id: phoneReasonText(reason, 'id'), detail_en: phoneReasonText(reason, 'en') });
}
