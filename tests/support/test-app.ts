import type { App, SessionPort } from '../../main/api/context.js';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import type { Engine } from '../../main/db/engine.js';
import { type Clock, ManualClock } from '../../main/platform/clock.js';
import type { In, Out, ProcedureName } from '../../shared/api/index.js';
import { freshDatabase, type TestDatabase } from './engines.js';

export interface TestApp {
  app: App;
  database: TestDatabase;
  clock: ManualClock;
  /** A caller with its own session, as a browser tab would be. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  session: SessionPort;
  call<N extends ProcedureName>(name: N, input: In<N>): Promise<Out<N>>;
  login(username: string, password: string): Promise<Out<'auth.login'>>;
}

export async function createTestApp(engine: Engine, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await freshDatabase(engine);
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock('2026-11-23T01:00:00Z');
  const app = await createApp({ db: database.db, databaseUrl: database.databaseUrl, clock, env: { SIPEKA_DATA_DIR: database.dir } });
  const client = (): TestClient => {
    const session: SessionPort = {
      token: null,
      set(token) {
        this.token = token;
      },
    };
    const call = async <N extends ProcedureName>(name: N, input: In<N>) =>
      (await dispatch(app, { procedure: name, input, session, origin: 'test' })) as Out<N>;
    return { session, call, login: (username, password) => call('auth.login', { username, password }) };
  };
  return {
    app,
    database,
    clock,
    client,
    close: async () => {
      await closeApp(app);
      await database.drop();
    },
  };
}

/** A ledger with an administrator `admin` / `rahasia-admin` and one user per other role. */
export async function seedUsers(t: TestApp): Promise<void> {
  const admin = t.client();
  await admin.call('auth.setup', { username: 'admin', fullName: 'Admin TI', password: 'rahasia-admin' });
  for (const role of ['officer', 'treasurer', 'head'] as const) {
    await admin.call('users.add', { username: role, role, password: `rahasia-${role}` });
  }
}
