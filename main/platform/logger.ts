import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';

export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  file: string;
}

/**
 * The main-process log (electron-log, also outside Electron). Console output goes to stderr
 * so `--json` commands keep stdout for their one JSON object. Passwords never reach it:
 * callers log names and codes, not inputs.
 */
export function createLogger(file: string, options: { console: boolean }): Logger {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    log.transports.file.resolvePathFn = () => file;
    log.transports.file.level = 'info';
  } catch {
    log.transports.file.level = false;
  }
  log.transports.console.level = options.console ? 'info' : false;
  log.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.data.map(String).join(' ')}\n`);
  };
  const write = (level: 'info' | 'warn' | 'error') => (message: string, context?: Record<string, unknown>) => {
    if (context) log[level](message, JSON.stringify(context));
    else log[level](message);
  };
  return { info: write('info'), warn: write('warn'), error: write('error'), file };
}
