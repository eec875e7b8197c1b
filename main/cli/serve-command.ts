import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { closeApp, createApp } from '../app.js';
import { startPlannerSchedule } from '../reminders/index.js';
import { ensureSimulatorGateway } from '../gateways/index.js';
import { DEFAULT_PORT, startServer } from '../server/index.js';
import { emit, type GlobalOptions } from './output.js';

export function registerServeCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('serve the app over HTTP (office server, or the browser UI when Electron is absent)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', `port (default SIPEKA_PORT or ${DEFAULT_PORT}, else the next free one)`, (v) => Number.parseInt(v, 10))
    .option('--open', 'open the browser')
    .action(async (opts: { host: string; port?: number; open?: boolean }) => {
      const options = globals();
      const app = await createApp({ db: options.db, databaseUrl: options.databaseUrl, logToConsole: true });
      const envPort = process.env.SIPEKA_PORT ? Number.parseInt(process.env.SIPEKA_PORT, 10) : undefined;
      const running = await startServer(app, {
        host: opts.host,
        port: opts.port ?? envPort ?? DEFAULT_PORT,
        nextFreePort: opts.port === undefined && envPort === undefined,
      });
      const planner = startPlannerSchedule(app);
      await ensureSimulatorGateway(app, running.url);
      app.logger.info(`SI PEKA serving ${app.ledger.label} at ${running.url}`);
      emit(options, { url: running.url, database: app.ledger.label, engine: app.ledger.engine }, () => `SI PEKA berjalan di ${running.url}  (Ctrl+C untuk berhenti)`);
      if (opts.open) openBrowser(running.url);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      planner.stop();
      await running.close();
      await closeApp(app);
    });
}

/** Best effort: an office server has no browser, and that is fine. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser here
  }
}
