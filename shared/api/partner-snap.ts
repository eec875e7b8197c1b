import { z } from 'zod';

/**
 * The SNAP (Bank Indonesia national open API) virtual-account services the partner API serves
 * (docs partner-api.md §4): access token B2B (service 73), transfer-va inquiry (24) and
 * payment (25). Field names follow SNAP's transfer-va specification; a public contract.
 * Amounts travel as SNAP's `{ value: "152500.00", currency: "IDR" }`; Rupiah has no sen here.
 */

/** SNAP pads the company prefix to 8 characters with leading spaces. */
export const snapPartnerServiceId = z.string().regex(/^ {0,7}\d{1,8}$/).refine((v) => v.length === 8, 'exactly 8 characters');
export const snapCustomerNo = z.string().regex(/^\d{1,30}$/);
export const snapVirtualAccountNo = z.string().regex(/^ {0,7}\d{1,38}$/);
export const snapIdentifier = z.string().regex(/^[\x21-\x7e]{1,64}$/);
export const snapAmount = z.object({ value: z.string().regex(/^\d{1,16}\.\d{2}$/), currency: z.literal('IDR') });
export type SnapAmount = z.infer<typeof snapAmount>;

export const snapTokenRequest = z.object({ grantType: z.literal('client_credentials'), additionalInfo: z.record(z.string(), z.unknown()).optional() });

export const snapInquiryRequest = z.object({
  partnerServiceId: snapPartnerServiceId,
  customerNo: snapCustomerNo,
  virtualAccountNo: snapVirtualAccountNo,
  inquiryRequestId: snapIdentifier,
  trxDateInit: z.string().optional(),
  channelCode: z.number().int().optional(),
  language: z.string().max(2).optional(),
  amount: snapAmount.optional(),
  additionalInfo: z.record(z.string(), z.unknown()).optional(),
});
export type SnapInquiryRequest = z.infer<typeof snapInquiryRequest>;

export const snapPaymentRequest = z.object({
  partnerServiceId: snapPartnerServiceId,
  customerNo: snapCustomerNo,
  virtualAccountNo: snapVirtualAccountNo,
  virtualAccountName: z.string().max(255).optional(),
  paymentRequestId: snapIdentifier,
  channelCode: z.number().int().optional(),
  hashedSourceAccountNo: z.string().max(32).optional(),
  sourceBankCode: z.string().max(3).optional(),
  paidAmount: snapAmount,
  cumulativePaymentAmount: snapAmount.optional(),
  paidBills: z.string().max(6).optional(),
  totalAmount: snapAmount.optional(),
  /** ISO 8601 with offset; the moment the taxpayer paid. */
  trxDateTime: z.string().datetime({ offset: true }).optional(),
  /** The bank's own transaction reference: recorded as the payment's partner reference. */
  referenceNo: snapIdentifier.optional(),
  journalNum: z.string().max(6).optional(),
  paymentType: z.string().max(1).optional(),
  flagAdvise: z.enum(['Y', 'N']).optional(),
  additionalInfo: z.record(z.string(), z.unknown()).optional(),
});
export type SnapPaymentRequest = z.infer<typeof snapPaymentRequest>;

/** Seven digits: HTTP status, service code (24 inquiry, 25 payment, 73 token), case code. */
export const snapResponseCode = z.string().regex(/^\d{7}$/);

export const snapTokenAnswer = z.object({
  responseCode: z.literal('2007300'),
  responseMessage: z.string(),
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.string(),
});

export const snapBillDetail = z.object({
  billCode: z.string(),
  billNo: z.string(),
  billName: z.string(),
  billShortName: z.string(),
  billDescription: z.object({ english: z.string(), indonesia: z.string() }),
  billAmount: snapAmount,
});

export const snapInquiryAnswer = z.object({
  responseCode: z.literal('2002400'),
  responseMessage: z.string(),
  virtualAccountData: z.object({
    inquiryStatus: z.string(),
    inquiryReason: z.object({ english: z.string(), indonesia: z.string() }),
    partnerServiceId: z.string(),
    customerNo: z.string(),
    virtualAccountNo: z.string(),
    virtualAccountName: z.string(),
    inquiryRequestId: z.string(),
    totalAmount: snapAmount,
    feeAmount: snapAmount,
    billDetails: z.array(snapBillDetail),
    virtualAccountTrxType: z.string(),
  }),
});

export const snapPaymentAnswer = z.object({
  responseCode: z.literal('2002500'),
  responseMessage: z.string(),
  virtualAccountData: z.object({
    partnerServiceId: z.string(),
    customerNo: z.string(),
    virtualAccountNo: z.string(),
    virtualAccountName: z.string(),
    paymentRequestId: z.string(),
    paidAmount: snapAmount,
    trxDateTime: z.string(),
    referenceNo: z.string(),
    paymentFlagStatus: z.string(),
    paymentFlagReason: z.object({ english: z.string(), indonesia: z.string() }),
  }),
  additionalInfo: z.object({ receiptNumber: z.string() }),
});

export const snapErrorAnswer = z.object({ responseCode: snapResponseCode, responseMessage: z.string() });
