import { spawn } from 'node:child_process';
import type { RunningSimulator } from '../../main/gateways/index.js';
import { SIPEKA_BIN } from './cli.js';
import type { TestDatabase } from './engines.js';

/** States a message may end in after any number of kills: none is left queued or sending. */
export const FINAL_STATES = new Set(['sent', 'delivered', 'read', 'failed', 'unknown']);

export interface KillRun {
  kills: number;
  runs: number;
}

/**
 * Starts `sipeka dispatch --until-empty` again and again and SIGKILLs each run a random
 * 0–`maxDelayMs` ms after the simulator saw its first message, until `kills` kills or until a
 * run finishes by itself. The random moments come from a seeded generator, so a failure repeats.
 */
export async function killDispatchRepeatedly(database: TestDatabase, simulator: RunningSimulator, options: { kills: number; seed?: number; maxDelayMs?: number }): Promise<KillRun> {
  let kills = 0;
  let runs = 0;
  let seed = options.seed ?? 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  while (kills < options.kills) {
    runs += 1;
    const before = simulator.received.length;
    const child = spawn(process.execPath, [SIPEKA_BIN, ...database.flags, '--json', 'dispatch', '--until-empty'], {
      env: { ...process.env, SIPEKA_DATA_DIR: database.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until this run is sending, then kill it a random moment later.
    const started = Date.now();
    while (simulator.received.length === before && Date.now() - started < 20_000 && child.exitCode === null) await sleep(5);
    await sleep(Math.floor(random() * (options.maxDelayMs ?? 400)));
    if (child.exitCode !== null) break;
    child.kill('SIGKILL');
    await exited;
    kills += 1;
  }
  return { kills, runs };
}

/** One last `sipeka dispatch --until-empty`, left to finish: its exit code, stderr and JSON result. */
export function dispatchToEnd(database: TestDatabase): Promise<{ code: number | null; stderr: string; json: Record<string, number> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SIPEKA_BIN, ...database.flags, '--json', 'dispatch', '--until-empty'], { env: { ...process.env, SIPEKA_DATA_DIR: database.dir } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, stderr: err, json: out.trim() ? (JSON.parse(out.trim().split('\n').at(-1) as string) as Record<string, number>) : {} }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
