import type { Reply } from './reply.js';

/** SNAP's service codes: the middle two digits of every responseCode. */
export const SNAP_SERVICE = { token: '73', inquiry: '24', payment: '25' } as const;
export type SnapService = keyof typeof SNAP_SERVICE;

/**
 * SNAP's responseCode is HTTP status + service code + case code. The cases this server gives
 * (SNAP's general and virtual-account lists): 00 success, 01 invalid field format, 02 invalid
 * mandatory field, 01 on 401 invalid token, 15 on 403 transaction not permitted (an address
 * outside the allowlist), 12/13/14 on 404 bill not found / invalid amount / paid bill, 00 on
 * 409 conflict (X-EXTERNAL-ID reused with another body), 00 on 500 general error.
 */
export function snapReply(service: SnapService, http: number, caseCode: string, message: string, extra: Record<string, unknown> = {}): Reply {
  const code = `${http}${SNAP_SERVICE[service]}${caseCode}`;
  return { http, code, body: { responseCode: code, responseMessage: message, ...extra } };
}

export const snap = {
  invalidFormat: (s: SnapService, field: string) => snapReply(s, 400, '01', `Invalid Field Format ${field}`),
  mandatory: (s: SnapService, field: string) => snapReply(s, 400, '02', `Invalid Mandatory Field ${field}`),
  unauthorized: (s: SnapService, reason: string) => snapReply(s, 401, '00', `Unauthorized. ${reason}`),
  invalidToken: (s: SnapService) => snapReply(s, 401, '01', 'Invalid Token (B2B)'),
  notPermitted: (s: SnapService) => snapReply(s, 403, '15', 'Transaction Not Permitted. [Address]'),
  billNotFound: (s: SnapService) => snapReply(s, 404, '12', 'Invalid Bill/Virtual Account [Not Found]'),
  invalidAmount: (s: SnapService) => snapReply(s, 404, '13', 'Invalid Amount'),
  paidBill: (s: SnapService) => snapReply(s, 404, '14', 'Paid Bill'),
  conflict: (s: SnapService) => snapReply(s, 409, '00', 'Conflict'),
  generalError: (s: SnapService) => snapReply(s, 500, '00', 'General Error'),
};

/** Integer Rupiah as SNAP writes money. */
export function snapMoney(rupiah: number): { value: string; currency: 'IDR' } {
  return { value: `${rupiah}.00`, currency: 'IDR' };
}

/** SNAP money back to integer Rupiah; null when it carries sen (no tax bill has any). */
export function rupiahOf(value: string): number | null {
  const match = /^(\d{1,16})\.00$/.exec(value);
  return match ? Number(match[1]) : null;
}
