/**
 * How an SMS will be sent and billed (GSM 03.38 / 03.40). Seven-bit GSM fits 160 characters
 * in one message and 153 in each part of a longer one (the rest carries the concatenation
 * header); one character outside the GSM alphabet switches the whole message to UCS-2, 70 and
 * 67. Reminders hit this by accident: a curly quote pasted from a word processor, an en dash,
 * a non-breaking space, an emoji.
 */
export interface SmsInfo {
  encoding: 'GSM-7' | 'UCS-2';
  /** What counts against the limit: septets for GSM-7 (an extension character is 2), UTF-16 code units for UCS-2 (an emoji is 2). */
  characters: number;
  parts: number;
  /** The limit of the last part: 160 or 70 for a single message, 153 or 67 per part of a longer one. */
  perPart: number;
  remainingInPart: number;
  /** The distinct characters that force UCS-2, in order of appearance. */
  ucs2Characters: string[];
}

export const SMS_LIMITS = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
} as const;

export function smsInfo(text: string): SmsInfo {
  const characters = [...text];
  const ucs2Characters = [...new Set(characters.filter((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)))];
  if (ucs2Characters.length === 0) return layout('GSM-7', characters.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)), ucs2Characters);
  return layout('UCS-2', characters.map((c) => c.length), ucs2Characters);
}

/**
 * Parts are filled character by character: an extension character (escape + code) or a
 * surrogate pair that does not fit whole in a part starts the next one, so a part may end
 * one short of 153 or 67.
 */
function layout(encoding: SmsInfo['encoding'], widths: readonly number[], ucs2Characters: string[]): SmsInfo {
  const limits = SMS_LIMITS[encoding];
  const characters = widths.reduce((total, width) => total + width, 0);
  if (characters <= limits.single) {
    return { encoding, characters, parts: 1, perPart: limits.single, remainingInPart: limits.single - characters, ucs2Characters };
  }
  let parts = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > limits.perPart) {
      parts += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, characters, parts, perPart: limits.perPart, remainingInPart: limits.perPart - used, ucs2Characters };
}

/** The GSM 03.38 default alphabet (without the escape code itself). `é` is in it, `ç` is not (only `Ç`). */
const GSM_BASIC: ReadonlySet<string> = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: each costs two septets, the escape and the code. */
const GSM_EXTENSION: ReadonlySet<string> = new Set('\f^{}\\[~]|€');
