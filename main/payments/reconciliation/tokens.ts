/**
 * What a bank credit's free text can tell us. Tellers, m-banking and the partner API write the
 * payment code, a VA number or the partner's transaction reference somewhere in the
 * description, surrounded by the bank's own words (`TRF KB 320101000123 PBJT`, `SETORAN
 * VA 9881 3201010001234 / FT26327AB12`).
 */

/** Words of the description that may be a partner reference: upper-cased, 6 characters or more. */
export function referenceTokens(description: string, reference: string | null): string[] {
  const tokens = new Set<string>();
  if (reference && reference.trim()) tokens.add(reference.trim().toUpperCase());
  for (const word of description.toUpperCase().split(/[\s,;:()[\]"'|]+/)) {
    const trimmed = word.replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/g, '');
    if (trimmed.length >= 6 && /\d/.test(trimmed)) tokens.add(trimmed);
    // `REF/FT26327AB12` names the reference after a slash.
    for (const part of trimmed.split('/')) if (part.length >= 6 && /\d/.test(part)) tokens.add(part);
  }
  return [...tokens];
}

/** Runs of digits that may be a payment code or kode bayar (6–20 long) or a VA (prefix + code). */
export function codeTokens(description: string, reference: string | null, vaPrefixes: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const text of [description, reference ?? '']) {
    // Dots, dashes and spaces inside a code are how people write it, not separators.
    for (const run of text.replace(/(\d)[.\- ](?=\d)/g, '$1').match(/\d+/g) ?? []) {
      if (run.length >= 6 && run.length <= 20) codes.add(run);
      for (const prefix of vaPrefixes) {
        const rest = run.slice(prefix.length);
        if (run.startsWith(prefix) && rest.length >= 6 && rest.length <= 20) codes.add(rest);
      }
    }
  }
  return [...codes];
}

/** Words that say what kind of business a taxpayer is, not who: matching them proves nothing. */
const NOT_A_NAME = new Set(['PT', 'CV', 'UD', 'PD', 'TB', 'RM', 'TOKO', 'RUMAH', 'MAKAN', 'WARUNG', 'HOTEL', 'CAFE', 'KAFE', 'RESTO', 'RESTORAN', 'DAN', 'BIN', 'BINTI', 'HJ', 'HAJI', 'IBU', 'BPK', 'BAPAK', 'SDR', 'TBK', 'PERSERO', 'KOPERASI', 'CABANG']);

/** The words of a taxpayer's name that identify them. */
export function nameTokens(name: string): string[] {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length >= 3);
  const telling = words.filter((w) => !NOT_A_NAME.has(w));
  return [...new Set(telling.length > 0 ? telling : words)];
}

/** The words of a description, for looking names up in it. */
export function descriptionWords(description: string): Set<string> {
  return new Set(description.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length >= 3));
}
