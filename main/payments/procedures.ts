import type { ProcedureName } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import type { Ctx } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import { writeAudit } from '../auth/index.js';
import { agencyToday } from '../platform/today.js';
import { counterBill, recordCounterPayment } from './counter-payment.js';
import { listPayments, paymentsWhere } from './payment-list.js';
import { inPaymentTransaction } from './payment-retry.js';
import { addPartner, getPartner, listPartners, rotatePartnerSecret, updatePartner } from './partners.js';

/** The audit log records every change to a partner, never its secret. */
export const partnerProcedures: HandlerMap<Extract<ProcedureName, `partners.${string}`>> = {
  async 'partners.list'(ctx) {
    return { partners: await listPartners(ctx.db) };
  },

  async 'partners.add'(ctx, input) {
    const { partner, secret } = await addPartner(ctx.db, input, change(ctx));
    await ctx.audit({ target: `partner:${partner.id}`, after: partner });
    return { partner, secret };
  },

  async 'partners.update'(ctx, { id, ...changes }) {
    const { before, after } = await updatePartner(ctx.db, id, changes, ctx.app.clock.now());
    await ctx.audit({ target: `partner:${id}`, before, after });
    return { partner: after };
  },

  async 'partners.disable'(ctx, { id }) {
    const { before, after } = await updatePartner(ctx.db, id, { active: false }, ctx.app.clock.now());
    await ctx.audit({ target: `partner:${id}`, before: { active: before.active }, after: { active: false } });
    return { partner: after };
  },

  async 'partners.enable'(ctx, { id }) {
    const { before, after } = await updatePartner(ctx.db, id, { active: true }, ctx.app.clock.now());
    await ctx.audit({ target: `partner:${id}`, before: { active: before.active }, after: { active: true } });
    return { partner: after };
  },

  async 'partners.rotateSecret'(ctx, { id }) {
    const before = await getPartner(ctx.db, id);
    const { partner, secret } = await rotatePartnerSecret(ctx.db, id, change(ctx));
    await ctx.audit({ target: `partner:${id}`, before: { secretRotatedAt: before.secretRotatedAt }, after: { secretRotatedAt: partner.secretRotatedAt } });
    return { partner, secret };
  },
};

export const paymentProcedures: HandlerMap<Extract<ProcedureName, `payments.${string}`>> = {
  async 'payments.list'(ctx, { limit, beforeId, ...filter }) {
    return listPayments(ctx.db, filter, { limit, beforeId });
  },

  async 'payments.forTaxpayer'(ctx, { taxpayerId }) {
    return { payments: await paymentsWhere(ctx.db, { taxpayerId }) };
  },

  async 'payments.forBill'(ctx, { billId }) {
    const [payment] = await paymentsWhere(ctx.db, { billId });
    return { payment: payment ?? null };
  },

  async 'payments.quote'(ctx, { taxId, billId, paidDate }) {
    const day = paidDate ?? (await agencyToday(ctx.db, ctx.app.clock));
    const bill = await counterBill(ctx.db, { taxId, billId }, day);
    return {
      billId: bill.id,
      kodeBayar: bill.kodeBayar,
      paymentCode: bill.paymentCode,
      taxpayerName: bill.taxpayerName,
      npwpd: bill.npwpd,
      description: bill.description,
      status: bill.status,
      paidDate: day,
      principal: bill.principal,
      penalty: bill.penalty,
      totalAmount: bill.totalAmount,
    };
  },

  async 'payments.record'(ctx, input) {
    const actor = actorOf(ctx);
    // Self-managed: the payment and its audit row commit together, retried once after a concurrent duplicate.
    const payment = await inPaymentTransaction(ctx.app.ledger.db, async (trx) => {
      const now = ctx.app.clock.now();
      const recorded = await recordCounterPayment(trx, input, { actor: actor.username, today: await agencyToday(trx, ctx.app.clock), now });
      await writeAudit(trx, {
        at: now.toISOString(),
        actor: actor.username,
        role: actor.role,
        action: ctx.procedure,
        target: `payment:${recorded.id}`,
        after: { kodeBayar: recorded.kodeBayar, amount: recorded.amount, paidDate: recorded.paidDate, reference: recorded.partnerRef, receiptNumber: recorded.receiptNumber },
        origin: ctx.origin,
      });
      return recorded;
    });
    return { payment };
  },
};

function change(ctx: Ctx) {
  return { dataDir: ctx.app.location.dataDir, by: actorOf(ctx).username, now: ctx.app.clock.now() };
}

function actorOf(ctx: Ctx) {
  if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
  return ctx.actor;
}
