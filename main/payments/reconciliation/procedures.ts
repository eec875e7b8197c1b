import type { ProcedureName } from '../../../shared/api/index.js';
import { UserError } from '../../../shared/errors.js';
import type { Ctx } from '../../api/context.js';
import type { HandlerMap } from '../../api/handler.js';
import { calendarDate } from '../../platform/clock.js';
import { readSettings } from '../../platform/settings.js';
import { daysOf } from './days.js';
import { listItems } from './items.js';
import { rematchDays } from './rematch.js';
import { resolveItem } from './resolve.js';
import { signOff, unlockPeriod } from './signoff.js';
import { checkedPeriod, reconciliationStatus } from './status.js';

export const reconciliationProcedures: HandlerMap<Extract<ProcedureName, `reconciliation.${string}`>> = {
  async 'reconciliation.status'(ctx, { period }) {
    return reconciliationStatus(ctx.db, period);
  },

  async 'reconciliation.refresh'(ctx, { period }) {
    const { days, lockedDays } = await rematchDays(ctx.db, daysOf(checkedPeriod(period).period));
    await ctx.audit({ target: `reconciliation:${period}`, after: { days: days.length, lockedDays } });
    return reconciliationStatus(ctx.db, period);
  },

  async 'reconciliation.items'(ctx, filter) {
    return listItems(ctx.db, filter);
  },

  async 'reconciliation.resolve'(ctx, input) {
    const now = ctx.app.clock.now();
    const { timezone } = await readSettings(ctx.db);
    const { before, after } = await resolveItem(ctx.db, input, { actor: actorName(ctx), today: calendarDate(now, timezone), now });
    await ctx.audit({ target: `recon_item:${after.id}`, before, after: { ...after, requested: input.resolution } });
    return { item: after };
  },

  async 'reconciliation.signoff'(ctx, { period }) {
    const result = await signOff(ctx.db, period, { actor: actorName(ctx), now: ctx.app.clock.now() });
    await ctx.audit({ target: `period:${result.period}`, after: { kind: result.kind, signedBy: result.signedBy, reconciled: result.status.reconciled, classes: result.status.classes } });
    return result;
  },

  async 'reconciliation.unlock'(ctx, { period, reason }) {
    const result = await unlockPeriod(ctx.db, period, reason, { actor: actorName(ctx), now: ctx.app.clock.now() });
    await ctx.audit({ target: `period:${result.period}`, before: { state: 'locked' }, after: { state: 'unlocked', reason: result.reason } });
    return result;
  },
};

function actorName(ctx: Ctx): string {
  if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
  return ctx.actor.username;
}
