import type { Kysely } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { Ledger } from '../db/index.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import type { JobRegistry } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import type { Location } from '../platform/paths.js';

/** Who is calling: a signed-in user, or the CLI acting as a local administrator. */
export interface Actor {
  userId: number | null;
  username: string;
  role: Role;
}

/** The long-lived services built once by the composition root (`main/app.ts`). */
export interface App {
  ledger: Ledger;
  clock: Clock;
  logger: Logger;
  location: Location;
  version: string;
  jobs: JobRegistry;
}

/** How a transport keeps a session between calls: a cookie over HTTP, the window over IPC. */
export interface SessionPort {
  token: string | null;
  set(token: string | null): void;
}

export interface AuditEntry {
  action?: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  /** Overrides the actor, e.g. the first administrator created by `auth.setup`. */
  actor?: string;
  role?: string;
}

export interface Ctx {
  /** The database; inside a mutation, its transaction. */
  db: Kysely<Database>;
  app: App;
  actor: Actor | null;
  /** Where the call came from, for the audit log: `http:127.0.0.1`, `ipc`, `cli`. */
  origin: string;
  session: SessionPort;
  procedure: string;
  audit(entry: AuditEntry): Promise<void>;
}
