import fs from 'node:fs';
import type { App } from './api/context.js';
import { ensureContacts, refreshContacts, stashContactsOfRun } from './contacts/index.js';
import { stopRollups } from './dashboard/index.js';
import { openLedger } from './db/index.js';
import { onBillsPaid, onContactCellsChanged, onTaxpayersRemoving } from './ledger/index.js';
import { type Clock, clockFromEnv } from './platform/clock.js';
import { toErrorBody } from './api/errors.js';
import { JobRegistry } from './platform/jobs.js';
import { createLogger } from './platform/logger.js';
import { packageRoot } from './platform/package-root.js';
import { type LocationOverrides, resolveLocation } from './platform/paths.js';
import { thankForPayments } from './reminders/index.js';
import { seedDefaultTemplates } from './templates/index.js';

export interface AppOptions extends LocationOverrides {
  clock?: Clock;
  /** Echo the log on stderr (the CLI and `serve` do). */
  logToConsole?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Run pending migrations (default); `false` only checks the database is ours and not newer. */
  migrate?: boolean | undefined;
}

/** The composition root: where paths, the ledger and the services are decided, once. */
export async function createApp(options: AppOptions = {}): Promise<App> {
  const location = resolveLocation(options, options.env ?? process.env);
  fs.mkdirSync(location.dataDir, { recursive: true });
  const logger = createLogger(location.logFile, { console: options.logToConsole ?? false });
  const ledger = await openLedger(location, { migrate: options.migrate ?? true });
  onContactCellsChanged(refreshContacts);
  onTaxpayersRemoving(stashContactsOfRun);
  onBillsPaid(thankForPayments);
  const clock = options.clock ?? clockFromEnv(options.env ?? process.env);
  // A ledger imported before contacts existed gets them once, here.
  if (options.migrate !== false) await ensureContacts(ledger.db, clock.now());
  if (options.migrate !== false) await seedDefaultTemplates(ledger.db, clock.now());
  const app: App = {
    ledger,
    clock,
    logger,
    location,
    version: packageRoot().version,
    jobs: new JobRegistry((err) => toErrorBody(app, err, 'id', { job: true }).body.error),
  };
  return app;
}

export async function closeApp(app: App): Promise<void> {
  // A dashboard rebuild running in the background is abandoned; the previous build stays.
  await stopRollups(app);
  await app.ledger.close();
}
