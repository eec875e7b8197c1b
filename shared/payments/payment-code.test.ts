import { describe, expect, it } from 'vitest';
import { billIdOfGeneratedCode, generatedPaymentCode, kodeBayarServesAsCode, luhnCheckDigit, paymentCodeOf, virtualAccountNumber } from './payment-code.js';

describe('payment codes', () => {
  it('computes the Luhn check digit of the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });

  it('keeps a numeric kode bayar of 6 to 20 digits as the payment code', () => {
    expect(paymentCodeOf({ id: 7, kodeBayar: '160211000100100010' })).toBe('160211000100100010');
    expect(paymentCodeOf({ id: 7, kodeBayar: '123456' })).toBe('123456');
    expect(paymentCodeOf({ id: 7, kodeBayar: '12345678901234567890' })).toBe('12345678901234567890');
  });

  it('generates a code for a kode bayar with letters, too short, too long or exactly 15 digits', () => {
    for (const kodeBayar of ['SKPD/2026/00123', '12345', '123456789012345678901', '167126080001234']) {
      expect(kodeBayarServesAsCode(kodeBayar)).toBe(false);
      expect(paymentCodeOf({ id: 42, kodeBayar })).toBe(generatedPaymentCode(42));
    }
  });

  it('generates 15 digits: 9, the bill id on 13 digits, then a check digit that passes Luhn', () => {
    const code = generatedPaymentCode(123);
    expect(code).toMatch(/^90000000000123\d$/);
    expect(code).toHaveLength(15);
    expect(luhnCheckDigit(code.slice(0, -1))).toBe(code.slice(-1));
  });

  it('round-trips a generated code to its bill id', () => {
    for (const id of [1, 9, 123, 987_654, 9_999_999_999_999]) expect(billIdOfGeneratedCode(generatedPaymentCode(id))).toBe(id);
  });

  it('rejects a generated code with one digit mistyped or two neighbours swapped', () => {
    const code = generatedPaymentCode(4_711);
    const typo = code.slice(0, 10) + String((Number(code[10]) + 1) % 10) + code.slice(11);
    const swapped = code.slice(0, 11) + code[12] + code[11] + code.slice(13);
    expect(billIdOfGeneratedCode(typo)).toBeNull();
    if (swapped !== code) expect(billIdOfGeneratedCode(swapped)).toBeNull();
  });

  it('answers null for anything that is not a generated code', () => {
    for (const code of ['160211000100100010', '800000000001233', '90000000001230', 'ABC', '9000000000000000']) expect(billIdOfGeneratedCode(code)).toBeNull();
  });

  it('refuses a bill id that does not fit in 13 digits', () => {
    expect(() => generatedPaymentCode(10_000_000_000_000)).toThrow(RangeError);
    expect(() => generatedPaymentCode(0)).toThrow(RangeError);
  });

  it('puts the partner prefix before the payment code in a virtual account number', () => {
    expect(virtualAccountNumber('88000001', '123456789')).toBe('88000001123456789');
  });
});
