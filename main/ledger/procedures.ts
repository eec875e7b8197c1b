import { UserError } from '../../shared/errors.js';
import type { HandlerMap } from '../api/handler.js';
import { agencyToday } from '../platform/today.js';
import { loadDemo } from './demo/index.js';
import { queryBills } from './bill-query.js';
import { ledgerSummary } from './summary.js';
import { getTaxpayer, ledgerFacets, queryTaxpayers, withPaymentFacts } from './taxpayer-query.js';

export const ledgerProcedures: HandlerMap<'ledger.summary' | 'ledger.bills' | 'ledger.taxpayers' | 'ledger.taxpayer' | 'ledger.facets' | 'ledger.loadDemo'> = {
  async 'ledger.summary'(ctx, { asOf }) {
    const day = asOf ?? (await agencyToday(ctx.db, ctx.app.clock));
    return { asOf: day, ...(await ledgerSummary(ctx.db, day)) };
  },

  async 'ledger.bills'(ctx, page) {
    const today = await agencyToday(ctx.db, ctx.app.clock);
    return { ...(await queryBills(ctx.db, page, today)), asOf: today };
  },

  async 'ledger.taxpayers'(ctx, page) {
    return queryTaxpayers(ctx.db, page);
  },

  async 'ledger.taxpayer'(ctx, { id }) {
    const found = await getTaxpayer(ctx.db, id);
    if (!found) throw new UserError('TAXPAYER_NOT_FOUND', { id });
    const today = await agencyToday(ctx.db, ctx.app.clock);
    const { rows: bills } = await queryBills(ctx.db, { filter: { taxpayerId: id }, sort: 'dueDate', direction: 'desc', limit: 1000, offset: 0, withTotal: false }, today);
    const t = found.taxpayer;
    const unpaid = bills.filter((b) => b.status === 'unpaid');
    return {
      asOf: today,
      taxpayer: {
        id: t.id,
        npwpd: t.npwpd,
        name: t.name,
        address: t.address,
        kecamatan: t.kecamatan,
        kelurahan: t.kelurahan,
        unpaidBills: unpaid.length,
        unpaidPrincipal: unpaid.reduce((sum, b) => sum + b.principal, 0),
        rawPhone: t.raw_phone,
        rawEmail: t.raw_email,
        createdAt: t.created_at,
        updatedAt: t.updated_at,
      },
      objects: found.objects,
      bills: await withPaymentFacts(ctx.db, bills),
    };
  },

  async 'ledger.facets'(ctx) {
    return ledgerFacets(ctx.db);
  },

  /** The empty ledger's offer on first start: a realistic demo kabupaten to try every screen with. */
  async 'ledger.loadDemo'(ctx, { taxpayers, seed }) {
    if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
    const result = await loadDemo(ctx.app.ledger.db, {
      taxpayers,
      seed,
      today: await agencyToday(ctx.db, ctx.app.clock),
      force: false,
      actor: { username: ctx.actor.username, role: ctx.actor.role },
      origin: ctx.origin,
      now: ctx.app.clock.now(),
    });
    return { runId: result.run_id, taxpayers: result.taxpayers, bills: result.bills, unpaidBills: result.unpaid_bills, overdueBills: result.overdue_bills };
  },
};
