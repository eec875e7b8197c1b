import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
// The full metadata, so getType() tells MOBILE from FIXED_LINE. Passed explicitly: the CommonJS
// build of `libphonenumber-js/max` does not bind it into `PhoneNumber`.
import metadata from 'libphonenumber-js/max/metadata';

/** `+62 812 3456 7890`: libphonenumber-js's international format (it separates groups with spaces). */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164, metadata)?.formatInternational() ?? e164;
}
