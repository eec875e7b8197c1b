/** What reading a phone cell yields: its candidates, and the cell summed up from them. */
export type PhoneStatus = 'valid' | 'landline' | 'invalid' | 'missing';
export type InvalidReason =
  | 'too_short'
  | 'too_long'
  /** The right length, but no such number range (e.g. `0809 8999 9`, `00812…`). */
  | 'invalid_number'
  /** A real number of another kind: toll-free, premium, shared cost, VoIP, UAN… */
  | 'not_mobile_or_landline'
  /** Text without digits that is not a placeholder (`Budi`). */
  | 'not_a_number'
  /** An Excel number in scientific notation whose digits were rounded away (`6.28123E+12`). */
  | 'digits_lost'
  | 'cell_too_long';

export interface PhoneCandidate {
  /** The piece as written (whitespace normalised, trimmed). */
  text: string;
  e164: string | null;
  status: 'valid' | 'landline' | 'invalid';
  reason?: InvalidReason;
}

export interface PhoneCell {
  status: PhoneStatus;
  /** E.164 of the first mobile candidate. */
  primary: string | null;
  /** E.164 of every other usable candidate, mobiles first, then landlines; no duplicates, never the primary. */
  alternates: string[];
  /** E.164 of the first landline. */
  landline: string | null;
  candidates: PhoneCandidate[];
  /** Why the cell is invalid: the first invalid candidate's reason, or cell_too_long. */
  reason?: InvalidReason;
}
