import type { HandlerMap } from '../api/handler.js';
import { appliedMigrations } from '../db/migrate.js';
import { readSettings, writeSettings } from './settings.js';

export const platformProcedures: HandlerMap<'settings.get' | 'settings.update' | 'system.info'> = {
  async 'settings.get'(ctx) {
    return { settings: await readSettings(ctx.db) };
  },

  async 'settings.update'(ctx, { changes }) {
    const before = await readSettings(ctx.db);
    await writeSettings(ctx.db, changes, ctx.actor?.username ?? '-', ctx.app.clock.now());
    const changedKeys = Object.keys(changes) as (keyof typeof changes)[];
    await ctx.audit({
      target: `settings:${changedKeys.join(',')}`,
      before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
      after: changes,
    });
    return { settings: await readSettings(ctx.db) };
  },

  async 'system.info'(ctx) {
    const applied = await appliedMigrations(ctx.db as never);
    return {
      version: ctx.app.version,
      engine: ctx.app.ledger.engine,
      database: ctx.app.ledger.label,
      schemaVersion: applied[applied.length - 1] ?? '',
      logFile: ctx.app.logger.file,
    };
  },
};
