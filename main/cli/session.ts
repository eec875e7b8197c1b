import os from 'node:os';
import type { In, Out, ProcedureName } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import type { Actor, App, SessionPort } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { closeApp, createApp } from '../app.js';
import { findUser } from '../auth/index.js';
import type { GlobalOptions } from './output.js';

/**
 * The CLI acts as a local administrator: whoever can read the database file can read the
 * ledger anyway. It is audited as `cli:<os user>`, or as the user `--as` names.
 */
export async function cliActor(app: App, as: string | undefined): Promise<Actor> {
  if (!as) return { userId: null, username: `cli:${safeOsUser()}`, role: 'admin' };
  const user = await findUser(app.ledger.db, as);
  if (!user || !user.active) throw new UserError('USER_NOT_FOUND', { username: as });
  return { userId: user.id, username: user.username, role: user.role as Role };
}

function safeOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface CliSession {
  app: App;
  call<N extends ProcedureName>(name: N, input: In<N>): Promise<Out<N>>;
}

/** Opens the ledger for one command, runs it, and always closes the ledger. */
export async function withApp<T>(options: GlobalOptions, run: (session: CliSession) => Promise<T>, extra: { migrate?: boolean } = {}): Promise<T> {
  const app = await createApp({ db: options.db, databaseUrl: options.databaseUrl, migrate: extra.migrate });
  try {
    const actor = await cliActor(app, options.as);
    const port: SessionPort = { token: null, set: () => undefined };
    const call = async <N extends ProcedureName>(name: N, input: In<N>) =>
      (await dispatch(app, { procedure: name, input, session: port, origin: 'cli', actor })) as Out<N>;
    return await run({ app, call });
  } finally {
    await closeApp(app);
  }
}
