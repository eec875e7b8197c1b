import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcedureName } from '../../../shared/api/index.js';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/import.js';
import { UserError } from '../../../shared/errors.js';
import type { HandlerMap } from '../../api/handler.js';
import { importStatement } from './import-statement.js';

export const statementProcedures: HandlerMap<Extract<ProcedureName, `statements.${string}`>> = {
  async 'statements.import'(ctx, { fileName, contentBase64, mapping }) {
    if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length > MAX_UPLOAD_BYTES) throw new UserError('UPLOAD_TOO_LARGE', { fileName, size: bytes.length, limit: MAX_UPLOAD_BYTES });
    // The readers take a path; the copy lives only as long as the import.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-statement-'));
    try {
      const file = path.join(dir, 'statement' + path.extname(fileName).replace(/[^\w.]/g, ''));
      fs.writeFileSync(file, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const result = await importStatement(ctx.db, { file, fileName: path.basename(fileName), sha256, mapping, actor: ctx.actor.username, now: ctx.app.clock.now() });
      await ctx.audit({ target: result.importId === null ? `statement:${sha256.slice(0, 12)}` : `statement_import:${result.importId}`, after: { ...result, days: result.days.length } });
      return result;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  async 'statements.list'(ctx, { limit, offset }) {
    const total = await ctx.db.selectFrom('statement_imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await ctx.db.selectFrom('statement_imports').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return {
      total: Number(total.n),
      imports: rows.map((r) => ({
        id: Number(r.id),
        fileName: r.file_name,
        sha256: r.sha256,
        lines: Number(r.lines),
        credits: Number(r.credits),
        duplicates: Number(r.duplicates),
        firstDate: r.first_date,
        lastDate: r.last_date,
        importedBy: r.imported_by,
        importedAt: r.imported_at,
      })),
    };
  },
};
