import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { closeApp, createApp } from '../app.js';
import { startPlannerSchedule } from '../reminders/index.js';
import { ensureSimulatorGateway } from '../gateways/index.js';
import { DEFAULT_PORT, startServer } from '../server/index.js';
import { DEFAULT_PARTNER_PORT, startPartnerApiServer } from '../server/partner-api-server.js';
import { normaliseCidr } from '../payments/ip-allowlist.js';
import { emit, type GlobalOptions } from './output.js';

export function registerServeCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('serve the app over HTTP (office server, or the browser UI when Electron is absent)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', `port (default SIPEKA_PORT or ${DEFAULT_PORT}, else the next free one)`, (v) => Number.parseInt(v, 10))
    .option('--open', 'open the browser')
    .option('--partner-api', `serve only the partner payment API, on --port (default ${DEFAULT_PARTNER_PORT}); the officers' UI is not exposed`)
    .option('--partner-port <port>', 'also serve the partner payment API on this port, beside the officers\' server', (v) => Number.parseInt(v, 10))
    .option('--tls-cert <file>', 'partner API: TLS certificate (PEM)')
    .option('--tls-key <file>', 'partner API: TLS private key (PEM)')
    .option('--trust-proxy <cidrs>', 'partner API: comma-separated proxy addresses whose X-Forwarded-For is believed')
    .action(async (opts: { host: string; port?: number; open?: boolean; partnerApi?: boolean; partnerPort?: number; tlsCert?: string; tlsKey?: string; trustProxy?: string }) => {
      const options = globals();
      const app = await createApp({ db: options.db, databaseUrl: options.databaseUrl, logToConsole: true });
      if (opts.partnerApi && opts.partnerPort === undefined) return servePartnerApiOnly(app, opts, options);
      const envPort = process.env.SIPEKA_PORT ? Number.parseInt(process.env.SIPEKA_PORT, 10) : undefined;
      const running = await startServer(app, {
        host: opts.host,
        port: opts.port ?? envPort ?? DEFAULT_PORT,
        nextFreePort: opts.port === undefined && envPort === undefined,
      });
      const partner = opts.partnerPort === undefined ? null : await startPartnerApiServer(app, partnerOptions(opts, opts.partnerPort));
      if (partner) app.logger.info(`SI PEKA partner API at ${partner.url}`);
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
      await partner?.close();
      await running.close();
      await closeApp(app);
    });
}

type PartnerFlags = { host: string; port?: number; tlsCert?: string; tlsKey?: string; trustProxy?: string };

function partnerOptions(opts: PartnerFlags, port: number) {
  if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) throw new Error('--tls-cert and --tls-key go together');
  return {
    host: opts.host,
    port,
    trustProxy: opts.trustProxy ? opts.trustProxy.split(',').map((s) => s.trim()).filter(Boolean).map(normaliseCidr) : [],
    tls: opts.tlsCert && opts.tlsKey ? { certFile: opts.tlsCert, keyFile: opts.tlsKey } : undefined,
  };
}

/** `serve --partner-api`: the banks' door alone, so it can face the internet without the officers' API behind it. */
async function servePartnerApiOnly(app: Awaited<ReturnType<typeof createApp>>, opts: PartnerFlags, options: GlobalOptions): Promise<void> {
  const running = await startPartnerApiServer(app, partnerOptions(opts, opts.port ?? DEFAULT_PARTNER_PORT));
  app.logger.info(`SI PEKA partner API for ${app.ledger.label} at ${running.url}`);
  emit(options, { url: running.url, database: app.ledger.label, engine: app.ledger.engine, partnerApi: true }, () => `API partner SI PEKA berjalan di ${running.url}  (Ctrl+C untuk berhenti)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await running.close();
  await closeApp(app);
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
