import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors.js';

/** Generated workbooks are kept this long for the download; the report can always be generated again. */
const KEEP_MS = 24 * 60 * 60_000;
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function reportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports', 'reports');
}

/** A fresh folder for one workbook; its name is the download token, so nothing guessable leads to it. */
export function newReportFile(dataDir: string, fileName: string, now: Date): { token: string; file: string } {
  pruneOldReports(dataDir, now);
  const token = randomUUID();
  const dir = path.join(reportsDir(dataDir), token);
  fs.mkdirSync(dir, { recursive: true });
  return { token, file: path.join(dir, fileName) };
}

/** The workbook a token hands out. */
export function reportFile(dataDir: string, token: string): { file: string; fileName: string } {
  const dir = path.join(reportsDir(dataDir), token);
  const fileName = TOKEN.test(token) && fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith('.xlsx')) : undefined;
  if (!fileName) throw new UserError('REPORT_FILE_GONE', {});
  return { file: path.join(dir, fileName), fileName };
}

export function removeReportFile(dataDir: string, token: string): void {
  if (TOKEN.test(token)) fs.rmSync(path.join(reportsDir(dataDir), token), { recursive: true, force: true });
}

function pruneOldReports(dataDir: string, now: Date): void {
  const root = reportsDir(dataDir);
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !TOKEN.test(entry.name)) continue;
    const dir = path.join(root, entry.name);
    if (now.getTime() - fs.statSync(dir).mtimeMs > KEEP_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}
