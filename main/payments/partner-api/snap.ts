import { randomBytes } from 'node:crypto';
import type { ZodError, ZodTypeAny } from 'zod';
import { type SnapInquiryRequest, type SnapPaymentRequest, snapInquiryRequest, snapPaymentRequest, snapTokenRequest } from '../../../shared/api/partner-snap.js';
import type { App } from '../../api/context.js';
import { agencyDay } from './agency-day.js';
import { readSettings } from '../../platform/settings.js';
import { paymentDateProblem } from './payment-date.js';
import { findPayableBill, type PayableBill } from '../bill-lookup.js';
import { answerOnce } from './answer-once.js';
import { parseJsonBody } from './json-body.js';
import { authenticate, REFUSAL_MESSAGES, type Refusal } from './authenticate.js';
import { header, type PartnerCall, type Reply } from './reply.js';
import { logRequest } from './request-log.js';
import { settlePartnerPayment } from './settle.js';
import { minifyJson, sha256Hex, snapStringToSign, snapTokenStringToSign } from './signature.js';
import { rupiahOf, snap, snapMoney, snapReply, type SnapService } from './snap-codes.js';

/** SNAP's B2B access tokens live 15 minutes. */
export const TOKEN_SECONDS = 900;

/**
 * `POST /v1.0/access-token/b2b`. SNAP signs this request with the partner's RSA key; partners
 * here have a shared secret only, so the token request is signed HMAC-SHA512 over
 * `X-CLIENT-KEY|X-TIMESTAMP` with that secret (ADR 0009). The token is stored hashed.
 */
export async function handleSnapToken(app: App, call: PartnerCall): Promise<Reply> {
  const clientKey = header(call, 'x-client-key');
  const timestamp = header(call, 'x-timestamp');
  const log = (reply: Reply) => logged(app, call, clientKey, null, reply);
  const auth = await authenticate(app, { partnerId: clientKey, address: call.address, timestamp, signature: header(call, 'x-signature') }, snapTokenStringToSign(clientKey, timestamp));
  if (!auth.ok) return log(refused('token', auth.refusal));
  const body = validated(snapTokenRequest, parseJsonBody(call.raw), 'token');
  if (!body.ok) return log(body.reply);

  const token = randomBytes(32).toString('base64url');
  const now = app.clock.now();
  await app.ledger.db
    .insertInto('partner_tokens')
    .values({ token_hash: sha256Hex(token), partner_id: auth.partner.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + TOKEN_SECONDS * 1000).toISOString() })
    .execute();
  return log({ http: 200, code: '2007300', body: { responseCode: '2007300', responseMessage: 'Successful', accessToken: token, tokenType: 'Bearer', expiresIn: String(TOKEN_SECONDS) } });
}

/** `POST /v1.0/transfer-va/inquiry` and `/payment`: the v1 guarantees in SNAP's shapes and codes. */
export async function handleSnapVa(app: App, call: PartnerCall, service: 'inquiry' | 'payment'): Promise<Reply> {
  const partnerId = header(call, 'x-partner-id');
  let taxId: string | null = null;
  const log = (reply: Reply) => logged(app, call, partnerId, taxId, reply);

  const parsed = parseJsonBody(call.raw);
  if (parsed === undefined) return log(snap.invalidFormat(service, 'body'));
  const token = /^Bearer (\S+)$/i.exec(header(call, 'authorization'))?.[1] ?? '';
  const now = app.clock.now();
  const stored = token
    ? await app.ledger.db.selectFrom('partner_tokens').select(['partner_id', 'expires_at']).where('token_hash', '=', sha256Hex(token)).executeTakeFirst()
    : undefined;
  if (!stored || stored.partner_id !== partnerId || stored.expires_at <= now.toISOString()) return log(snap.invalidToken(service));
  const timestamp = header(call, 'x-timestamp');
  const auth = await authenticate(
    app,
    { partnerId, address: call.address, timestamp, signature: header(call, 'x-signature') },
    snapStringToSign(call.method, call.endpoint, token, minifyJson(parsed), timestamp),
  );
  if (!auth.ok) return log(refused(service, auth.refusal));

  const externalId = header(call, 'x-external-id');
  if (!externalId) return log(snap.mandatory(service, 'X-EXTERNAL-ID'));
  if (!/^[\x21-\x7e]{1,36}$/.test(externalId)) return log(snap.invalidFormat(service, 'X-EXTERNAL-ID'));
  if (!header(call, 'channel-id')) return log(snap.mandatory(service, 'CHANNEL-ID'));

  const schema = service === 'inquiry' ? snapInquiryRequest : snapPaymentRequest;
  const body = validated(schema, parsed, service);
  if (!body.ok) return log(body.reply);
  const request = body.data as { partnerServiceId: string; customerNo: string; virtualAccountNo: string };
  taxId = request.customerNo;
  const vaPrefix = auth.partner.vaPrefix;
  // The virtual account is the partner's own prefix and the payment code; another prefix is another company's account.
  if (request.partnerServiceId.trim() !== vaPrefix || request.virtualAccountNo.replace(/ /g, '') !== vaPrefix + request.customerNo) {
    return log(snap.billNotFound(service));
  }

  const { timezone } = await readSettings(app.ledger.db);
  const today = agencyDay(now, timezone);
  const { reply, replayed } = await answerOnce(
    app.ledger.db,
    call,
    { partnerId: auth.partner.id, idempotencyKey: `snap-${service}:${today}:${externalId}`, taxId },
    now,
    snap.conflict(service),
    async (trx) => {
      if (service === 'inquiry') {
        const inquiry = body.data as SnapInquiryRequest;
        const bill = await findPayableBill(trx, inquiry.customerNo, { today });
        if (!bill) return snap.billNotFound('inquiry');
        if (bill.status === 'paid') return snap.paidBill('inquiry');
        return snapReply('inquiry', 200, '00', 'Successful', { virtualAccountData: inquiryData(inquiry, bill) });
      }
      const payment = body.data as SnapPaymentRequest;
      const amount = rupiahOf(payment.paidAmount.value);
      if (amount === null) return snap.invalidAmount('payment');
      const paidAt = payment.trxDateTime ? new Date(payment.trxDateTime) : now;
      if (paymentDateProblem(paidAt, now)) return snap.invalidFormat('payment', 'trxDateTime');
      const settled = await settlePartnerPayment(
        trx,
        { partnerId: auth.partner.id, partnerRef: payment.referenceNo ?? payment.paymentRequestId, requestId: payment.paymentRequestId, taxId: payment.customerNo, amountPaid: amount, paidAt, today },
        now,
      );
      switch (settled.kind) {
        case 'paid':
          return snapReply('payment', 200, '00', 'Successful', {
            virtualAccountData: {
              partnerServiceId: payment.partnerServiceId,
              customerNo: payment.customerNo,
              virtualAccountNo: payment.virtualAccountNo,
              virtualAccountName: settled.bill.taxpayerName,
              paymentRequestId: payment.paymentRequestId,
              paidAmount: payment.paidAmount,
              trxDateTime: payment.trxDateTime ?? now.toISOString(),
              referenceNo: settled.receiptNumber,
              paymentFlagStatus: '00',
              paymentFlagReason: { english: 'Success', indonesia: 'Sukses' },
            },
            additionalInfo: { receiptNumber: settled.receiptNumber },
          });
        case 'not_found':
          return snap.billNotFound('payment');
        case 'already_paid':
          return snap.paidBill('payment');
        case 'amount_mismatch':
          return snap.invalidAmount('payment');
        case 'ref_reused':
          return snapReply('payment', 409, '01', 'Duplicate partnerReferenceNo');
      }
    },
  );
  return replayed ? log(reply) : reply;
}

function inquiryData(inquiry: { partnerServiceId: string; customerNo: string; virtualAccountNo: string; inquiryRequestId: string }, bill: PayableBill) {
  return {
    inquiryStatus: '00',
    inquiryReason: { english: 'Success', indonesia: 'Sukses' },
    partnerServiceId: inquiry.partnerServiceId,
    customerNo: inquiry.customerNo,
    virtualAccountNo: inquiry.virtualAccountNo,
    virtualAccountName: bill.taxpayerName,
    inquiryRequestId: inquiry.inquiryRequestId,
    totalAmount: snapMoney(bill.totalAmount),
    feeAmount: snapMoney(bill.adminFee),
    billDetails: [
      {
        billCode: '01',
        billNo: bill.kodeBayar,
        billName: bill.description,
        billShortName: bill.taxTypeLabel.slice(0, 18),
        billDescription: { english: bill.description, indonesia: bill.description },
        billAmount: snapMoney(bill.principal + bill.penalty),
      },
    ],
    virtualAccountTrxType: 'C',
  };
}

function refused(service: SnapService, refusal: Refusal): Reply {
  return refusal === 'address' ? snap.notPermitted(service) : snap.unauthorized(service, REFUSAL_MESSAGES[refusal]);
}

type Validated = { ok: true; data: unknown } | { ok: false; reply: Reply };

/** A missing field is SNAP's "mandatory" case (02); a present but wrong one, "format" (01). */
function validated(schema: ZodTypeAny, parsed: unknown, service: SnapService): Validated {
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, data: result.data };
  const issue = (result.error as ZodError).issues[0];
  const field = issue?.path.join('.') || 'body';
  const missing = issue !== undefined && valueAt(parsed, issue.path) === undefined;
  return { ok: false, reply: missing ? snap.mandatory(service, field) : snap.invalidFormat(service, field) };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

async function logged(app: App, call: PartnerCall, partnerId: string, taxId: string | null, reply: Reply): Promise<Reply> {
  await logRequest(app.ledger.db, call, { partnerId: partnerId || null, taxId, idempotencyKey: null }, reply, app.clock.now());
  return reply;
}

