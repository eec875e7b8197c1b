import type { ZodError } from 'zod';
import { v1InquiryRequest, v1PaymentRequest } from '../../../shared/api/partner-v1.js';
import type { App } from '../../api/context.js';
import { agencyDay } from './agency-day.js';
import { readSettings } from '../../platform/settings.js';
import { findPayableBill } from '../bill-lookup.js';
import { answerOnce } from './answer-once.js';
import { parseJsonBody } from './json-body.js';
import { paymentDateProblem } from './payment-date.js';
import { authenticate, REFUSAL_MESSAGES } from './authenticate.js';
import { header, type PartnerCall, type Reply } from './reply.js';
import { logRequest } from './request-log.js';
import { settlePartnerPayment } from './settle.js';
import { v1StringToSign } from './signature.js';

/** The agency's v1 JSON API (partner-api.md §1–§3): `POST /v1/inquiry` and `POST /v1/payment`. */
export async function handleV1(app: App, call: PartnerCall, service: 'inquiry' | 'payment'): Promise<Reply> {
  const partnerId = header(call, 'x-partner-id');
  let taxId: string | null = null;
  const log = async (reply: Reply) => {
    await logRequest(app.ledger.db, call, { partnerId: partnerId || null, taxId, idempotencyKey: null }, reply, app.clock.now());
    return reply;
  };

  const auth = await authenticate(
    app,
    { partnerId, address: call.address, timestamp: header(call, 'x-timestamp'), signature: header(call, 'x-signature') },
    v1StringToSign(call.method, call.endpoint, call.raw, header(call, 'x-timestamp')),
  );
  if (!auth.ok) return log(v1Error(auth.refusal === 'address' ? 403 : 401, auth.refusal === 'address' ? '403' : '401', REFUSAL_MESSAGES[auth.refusal]));

  const parsed = parseJsonBody(call.raw);
  if (parsed === undefined || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return log(malformed('isi permintaan bukan objek JSON'));
  const claimedTaxId = (parsed as { tax_id?: unknown }).tax_id;
  if (typeof claimedTaxId === 'string') taxId = claimedTaxId;
  if ((parsed as { partner_id?: unknown }).partner_id !== auth.partner.id) return log(v1Error(401, '401', 'partner_id di isi tidak sama dengan X-Partner-Id'));

  const now = app.clock.now();
  // The agency's day prices the bill; a payment reads it inside its transaction, so the whole
  // call takes the connection once (with sixteen banks calling at once, each extra turn queues).
  const todayIn = async (db: typeof app.ledger.db) => agencyDay(now, (await readSettings(db)).timezone);

  if (service === 'inquiry') {
    const request = v1InquiryRequest.safeParse(parsed);
    if (!request.success) return log(malformed(firstIssue(request.error)));
    const today = await todayIn(app.ledger.db);
    const bill = await findPayableBill(app.ledger.db, request.data.tax_id, { today, taxYear: request.data.tax_year });
    if (!bill) return log(NOT_FOUND);
    if (bill.status === 'paid') return log(ALREADY_PAID);
    return log({
      http: 200,
      code: '00',
      body: {
        status_code: '00',
        message: 'Inquiry Sukses',
        taxpayer_name: bill.taxpayerName,
        tax_id: request.data.tax_id,
        amount: bill.principal,
        penalty: bill.penalty,
        admin_fee: bill.adminFee,
        total_amount: bill.totalAmount,
        description: bill.description,
        object_address: bill.objectAddress,
        tax_year: bill.tahun,
      },
    });
  }

  const request = v1PaymentRequest.safeParse(parsed);
  if (!request.success) return log(malformed(firstIssue(request.error)));
  const payment = request.data;
  const dateProblem = paymentDateProblem(new Date(payment.payment_date), now);
  if (dateProblem) return log(malformed(dateProblem));
  const { reply, replayed } = await answerOnce(
    app.ledger.db,
    call,
    { partnerId: auth.partner.id, idempotencyKey: `payment:${payment.request_id}`, taxId },
    now,
    v1Error(200, '94', 'request_id sudah dipakai dengan isi yang berbeda'),
    async (trx) => {
      const today = await todayIn(trx);
      const settled = await settlePartnerPayment(
        trx,
        { partnerId: auth.partner.id, partnerRef: payment.partner_ref_number, requestId: payment.request_id, taxId: payment.tax_id, taxYear: payment.tax_year, amountPaid: payment.amount_paid, paidAt: new Date(payment.payment_date), today },
        now,
      );
      switch (settled.kind) {
        case 'paid':
          return { http: 200, code: '00', body: { status_code: '00', message: 'Notifikasi Pembayaran Diterima', receipt_number: settled.receiptNumber } };
        case 'not_found':
          return NOT_FOUND;
        case 'already_paid':
          return ALREADY_PAID;
        case 'amount_mismatch':
          return v1Error(200, '13', `Jumlah bayar tidak sama dengan total tagihan (${settled.bill.totalAmount})`);
        case 'ref_reused':
          return v1Error(200, '94', 'partner_ref_number sudah dipakai untuk tagihan lain');
      }
    },
  );
  // The first call's audit row is the one holding the key; a replay gets a row of its own.
  return replayed ? log(reply) : reply;
}

export const NOT_FOUND = v1Error(200, '14', 'Tagihan tidak ditemukan');
export const ALREADY_PAID = v1Error(200, '88', 'Tagihan sudah dibayar');

export function v1Error(http: number, code: string, message: string): Reply {
  return { http, code, body: { status_code: code, message } };
}

export function malformed(detail: string): Reply {
  return v1Error(400, '30', `Format permintaan salah: ${detail}`);
}


function firstIssue(error: ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'tidak sah';
}
