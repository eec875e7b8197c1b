/**
 * Every bill's payment code: what a taxpayer types at the bank, what a partner sends as
 * `tax_id`, and the tail of the bill's virtual account number. A SIMPADA kode bayar that is
 * all digits and 6–20 long serves as it is; any other bill gets a generated code. Generated
 * codes are always 15 long and a numeric kode bayar of length 15 never serves, so the two kinds
 * cannot collide (see docs/decisions/0008-payment-codes.md).
 */

const GENERATED_LENGTH = 15;
const GENERATED_LEAD = '9';
const ID_DIGITS = 13;

export function paymentCodeOf(bill: { id: number; kodeBayar: string }): string {
  return kodeBayarServesAsCode(bill.kodeBayar) ? bill.kodeBayar : generatedPaymentCode(bill.id);
}

/** True when the export's own kode bayar can be typed at a bank as the payment code. */
export function kodeBayarServesAsCode(kodeBayar: string): boolean {
  return /^\d{6,20}$/.test(kodeBayar) && kodeBayar.length !== GENERATED_LENGTH;
}

/** `9` + the bill id zero-padded to 13 digits + a Luhn check digit, so a mistyped digit is caught. */
export function generatedPaymentCode(billId: number): string {
  if (!Number.isSafeInteger(billId) || billId < 1 || String(billId).length > ID_DIGITS) {
    throw new RangeError(`no payment code for bill id ${billId}`);
  }
  const payload = GENERATED_LEAD + String(billId).padStart(ID_DIGITS, '0');
  return payload + luhnCheckDigit(payload);
}

/** The bill id a generated code stands for, or null when it is not one (or its check digit is wrong). */
export function billIdOfGeneratedCode(code: string): number | null {
  if (code.length !== GENERATED_LENGTH || !code.startsWith(GENERATED_LEAD) || !/^\d+$/.test(code)) return null;
  const payload = code.slice(0, -1);
  if (luhnCheckDigit(payload) !== code.slice(-1)) return null;
  const id = Number(payload.slice(GENERATED_LEAD.length));
  return id >= 1 ? id : null;
}

/** SNAP's virtual account: the partner's company prefix followed by the payment code. */
export function virtualAccountNumber(vaPrefix: string, paymentCode: string): string {
  return vaPrefix + paymentCode;
}

/** The digit that makes `payload + digit` pass the Luhn (mod 10) check. */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  // Walking from the right, the digit next to the check digit is doubled first.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}
