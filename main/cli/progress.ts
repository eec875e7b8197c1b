import type { JobProgress } from '../platform/jobs.js';

const PHASES: Record<string, string> = { reading: 'membaca', applying: 'menerapkan', starting: 'memulai' };

/** A one-line progress bar on stderr, only when a person is watching a terminal. */
export function terminalProgress(label: string): { update(p: JobProgress): void; done(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  const fmt = new Intl.NumberFormat('id-ID');
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = p.total ? Math.min(1, p.done / p.total) : null;
      const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] `;
      const count = `${fmt.format(p.done)}${p.total ? ` / ${fmt.format(p.total)}` : ''} baris`;
      process.stderr.write(`\r${label}: ${PHASES[p.phase] ?? p.phase} ${bar}${count}\u001b[K`);
    },
    done() {
      process.stderr.write('\r\u001b[K');
    },
  };
}
