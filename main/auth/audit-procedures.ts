import type { HandlerMap } from '../api/handler.js';

export const auditProcedures: HandlerMap<'audit.list'> = {
  async 'audit.list'(ctx, { limit, offset, actor, action }) {
    let query = ctx.db.selectFrom('audit_log');
    if (actor) query = query.where('actor', '=', actor);
    if (action) query = query.where('action', 'like', `${action}%`);
    const [entries, total] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { entries, total: Number(total.n) };
  },
};
