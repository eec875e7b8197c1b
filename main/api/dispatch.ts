import { contract, isProcedureName, type ProcedureName } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import { writeAudit } from '../auth/audit-log.js';
import { lookupSession } from '../auth/sessions.js';
import { readSettings } from '../platform/settings.js';
import type { Actor, App, AuditEntry, Ctx, SessionPort } from './context.js';
import { handlers } from './handlers.js';

export interface Call {
  procedure: string;
  input: unknown;
  session: SessionPort;
  origin: string;
  /** Set by the CLI, which acts as a local administrator without a session. */
  actor?: Actor;
}

/**
 * The one gate every transport goes through: find the procedure, check the caller's role,
 * parse the input, run the handler (a mutation inside one transaction with its audit row),
 * and parse the output. Transports add nothing but encoding.
 */
export async function dispatch(app: App, call: Call): Promise<unknown> {
  if (!isProcedureName(call.procedure)) throw new UserError('UNKNOWN_PROCEDURE', { procedure: call.procedure });
  const name: ProcedureName = call.procedure;
  const def = contract[name];
  const actor = call.actor ?? (await resolveActor(app, call.session));
  if (def.roles !== 'public') {
    if (!actor) throw new UserError(call.session.token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!(def.roles as readonly Role[]).includes(actor.role)) throw new UserError('FORBIDDEN', { role: actor.role, procedure: name });
  }
  const parsed = def.input.safeParse(call.input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError('INVALID_INPUT', { field: issue?.path.join('.') || '(body)', detail: issue?.message ?? 'invalid' });
  }
  const handler = handlers[name] as (ctx: Ctx, input: unknown) => Promise<unknown>;
  const base = { app, actor, origin: call.origin, session: call.session, procedure: name };

  let result: unknown;
  if (def.kind === 'mutation') {
    result = await app.ledger.db.transaction().execute(async (trx) => {
      let audited = 0;
      const ctx: Ctx = { ...base, db: trx, audit: (entry) => ((audited += 1), auditInto(trx, base, entry)) };
      const out = await handler(ctx, parsed.data);
      // A change nobody can trace is a bug: roll it back rather than commit it unaudited.
      if (audited === 0) throw new Error(`mutation ${name} wrote no audit row`);
      return out;
    });
  } else {
    // Queries read through the reader, so they go on while an import holds the writer.
    const db = def.kind === 'query' ? app.ledger.reader : app.ledger.db;
    const ctx: Ctx = { ...base, db, audit: (entry) => auditInto(app.ledger.db, base, entry) };
    result = await handler(ctx, parsed.data);
  }
  return def.output.parse(result);
}

async function resolveActor(app: App, session: SessionPort): Promise<Actor | null> {
  if (!session.token) return null;
  const settings = await readSettings(app.ledger.reader);
  const found = await lookupSession(app.ledger.reader, app.ledger.db, session.token, app.clock.now(), settings.sessionIdleMinutes);
  if (found.kind !== 'ok') return null;
  return { userId: found.user.id, username: found.user.username, role: found.user.role as Role };
}

function auditInto(db: Ctx['db'], base: Pick<Ctx, 'app' | 'actor' | 'origin' | 'procedure'>, entry: AuditEntry): Promise<void> {
  return writeAudit(db, {
    at: base.app.clock.now().toISOString(),
    actor: entry.actor ?? base.actor?.username ?? 'anonymous',
    role: entry.role ?? base.actor?.role ?? '-',
    action: entry.action ?? base.procedure,
    target: entry.target ?? null,
    before: entry.before,
    after: entry.after,
    origin: base.origin,
  });
}
