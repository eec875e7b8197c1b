import { z } from 'zod';

/**
 * The agency's own partner API, v1 (docs partner-api.md §1): what a bank sends and gets back.
 * A public contract: banks build against these shapes, so fields are only ever added.
 * Identifiers are printable ASCII: a bill code or a bank reference never needs more, and
 * anything else (control characters, NUL) is refused as malformed before it reaches a query.
 */

/** A kode bayar, a generated payment code or a NOP; dots, dashes, slashes and spaces allowed. */
export const v1TaxId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z .\-/]{0,59}$/, 'a payment code or NOP');
export const v1Identifier = z.string().regex(/^[\x21-\x7e]{1,80}$/, '1–80 printable characters');

export const v1InquiryRequest = z.object({
  partner_id: z.string().max(40),
  request_id: v1Identifier,
  tax_id: v1TaxId,
  tax_year: z.number().int().min(1900).max(2200).optional(),
});
export type V1InquiryRequest = z.infer<typeof v1InquiryRequest>;

export const v1PaymentRequest = z.object({
  partner_id: z.string().max(40),
  request_id: v1Identifier,
  partner_ref_number: v1Identifier,
  tax_id: v1TaxId,
  tax_year: z.number().int().min(1900).max(2200).optional(),
  /** Integer Rupiah: the bill's total_amount as the inquiry answered it. */
  amount_paid: z.number().int().positive().safe(),
  /** When the taxpayer paid, ISO 8601 with its offset (`2025-06-16T09:31:05+07:00`). */
  payment_date: z.string().datetime({ offset: true }),
});
export type V1PaymentRequest = z.infer<typeof v1PaymentRequest>;

/** `00` success · `14` not found · `88` already paid · `13` wrong amount · `30` malformed · `94` request_id reused · `91` unavailable. */
export const v1StatusCode = z.enum(['00', '14', '88', '13', '30', '94', '91', '401', '403', '404', '413']);
export type V1StatusCode = z.infer<typeof v1StatusCode>;

export const v1InquiryAnswer = z.object({
  status_code: z.literal('00'),
  message: z.string(),
  taxpayer_name: z.string(),
  tax_id: z.string(),
  amount: z.number().int(),
  penalty: z.number().int(),
  admin_fee: z.number().int(),
  total_amount: z.number().int(),
  description: z.string(),
  object_address: z.string().nullable(),
  tax_year: z.number().int().nullable(),
});
export type V1InquiryAnswer = z.infer<typeof v1InquiryAnswer>;

export const v1PaymentAnswer = z.object({ status_code: z.literal('00'), message: z.string(), receipt_number: z.string() });
export type V1PaymentAnswer = z.infer<typeof v1PaymentAnswer>;

export const v1ErrorAnswer = z.object({ status_code: v1StatusCode, message: z.string() });
export type V1ErrorAnswer = z.infer<typeof v1ErrorAnswer>;
