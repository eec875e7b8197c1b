import ExcelJS from 'exceljs';
import { UserError } from '../../shared/errors.js';
import type { Ctx } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import { type Field, FIELD_LABELS, FIELDS, ImportFileError, listSheets, type MappingOverrides, REQUIRED_GROUPS } from './import/index.js';
import { runImport } from './import-run.js';
import { loadProfiles } from './mapping-profiles.js';
import { undoRun } from './sync-undo.js';
import { findUpload, saveUpload } from './uploads.js';
import { runHistory, runDetail, runRejects } from './sync-history.js';

export const importProcedures: HandlerMap<
  'import.upload' | 'import.inspect' | 'import.start' | 'import.history' | 'import.run' | 'import.undo' | 'import.rejectsXlsx' | 'import.profiles'
> = {
  async 'import.upload'(ctx, { fileName, contentBase64 }) {
    const upload = saveUpload(ctx.app.location.dataDir, fileName, contentBase64, ctx.app.clock.now());
    const list = await asUserError(listSheets(upload.file, { fileName: upload.fileName, profiles: await loadProfiles(ctx.db) }));
    const sameFileRuns = await ctx.db.selectFrom('sync_runs').select(['id', 'created_at', 'created_by']).where('sha256', '=', upload.sha256).where('status', '=', 'applied').execute();
    return {
      uploadId: upload.uploadId,
      fileName: upload.fileName,
      size: upload.size,
      sha256: upload.sha256,
      sheets: list.sheets.map((s) => ({ name: s.name, recognised: s.hasHeader && (s.mapping?.missingRequired.length ?? 1) === 0, rows: s.totalRows })),
      sameFileRuns: sameFileRuns.map((r) => ({ id: r.id, createdAt: r.created_at, createdBy: r.created_by })),
    };
  },

  async 'import.inspect'(ctx, { uploadId, sheet, mapping }) {
    const upload = findUpload(ctx.app.location.dataDir, uploadId);
    const profiles = await loadProfiles(ctx.db);
    const overrides = toOverrides(mapping);
    const list = await asUserError(listSheets(upload.file, { fileName: upload.fileName, profiles, ...(overrides ? { overrides } : {}) }));
    const chosen = list.sheets.find((s) => s.name === sheet) ?? list.sheets.find((s) => s.hasHeader) ?? list.sheets[0];
    if (!chosen?.mapping || chosen.headerRow === null) {
      throw new UserError('IMPORT_FILE', {
        message_id: `Lembar "${chosen?.name ?? '?'}" di berkas ${upload.fileName} tidak memiliki baris judul kolom yang dikenali.`,
        message_en: `Sheet "${chosen?.name ?? '?'}" of ${upload.fileName} has no recognisable header row.`,
      });
    }
    const m = chosen.mapping;
    const profile = m.source === 'profile' ? (profiles.find((p) => p.headerKey === m.headerKey)?.name ?? null) : null;
    return {
      sheet: chosen.name,
      headerRow: chosen.headerRow,
      columns: m.columns.map((c) => ({
        index: c.index,
        letter: c.letter,
        header: c.header,
        field: c.field,
        status: c.source === 'user' ? ('chosen' as const) : c.source === 'profile' ? ('profile' as const) : m.ambiguous.some((a) => a.columns.includes(c.index)) ? ('ambiguous' as const) : c.field === 'unknown' ? ('unknown' as const) : ('recognised' as const),
      })),
      missingRequired: m.missingRequired.map((g) => ({ id: g.id, en: g.en })),
      ambiguous: m.ambiguous.map((a) => a.field),
      profileName: profile,
      ready: m.missingRequired.length === 0,
      fields: FIELDS.map((field) => ({ field, labelId: FIELD_LABELS[field].id, labelEn: FIELD_LABELS[field].en, required: REQUIRED_GROUPS.some((g) => g.fields.includes(field)) })),
    };
  },

  async 'import.start'(ctx, { uploadId, sheet, mapping, dryRun, saveProfileAs }) {
    const upload = findUpload(ctx.app.location.dataDir, uploadId);
    const actor = requireActor(ctx);
    const overrides = toOverrides(mapping);
    const job = ctx.app.jobs.start(dryRun ? 'import.preview' : 'import.apply', actor.username, (signal, report) =>
      asUserError(
        runImport(
          ctx.app,
          {
            file: upload.file,
            fileName: upload.fileName,
            ...(sheet ? { sheets: [sheet] } : {}),
            ...(overrides ? { mapping: overrides } : {}),
            ...(saveProfileAs ? { saveProfileAs } : {}),
            dryRun,
            actor,
            origin: ctx.origin,
          },
          signal,
          report,
        ),
      ),
    );
    return { jobId: job.id };
  },

  async 'import.history'(ctx, page) {
    return runHistory(ctx.db, page.limit, page.offset);
  },

  async 'import.run'(ctx, { runId, rejectsLimit }) {
    return runDetail(ctx.db, runId, rejectsLimit);
  },

  async 'import.undo'(ctx, { runId }) {
    const result = await undoRun(ctx.db, runId, ctx.actor?.username ?? '-', ctx.app.clock.now());
    await ctx.audit({ target: `sync_run:${runId}`, after: result });
    return result;
  },

  async 'import.rejectsXlsx'(ctx, { runId }) {
    const rejects = await runRejects(ctx.db, runId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Baris ditolak');
    sheet.columns = [
      { header: 'Lembar', key: 'sheet', width: 18 },
      { header: 'Baris', key: 'row_number', width: 8 },
      { header: 'Kolom', key: 'column_name', width: 24 },
      { header: 'Nilai', key: 'value', width: 30 },
      { header: 'Kode', key: 'reason_code', width: 24 },
      { header: 'Alasan', key: 'reason', width: 60 },
      { header: 'Reason (English)', key: 'reason_en', width: 60 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const reject of rejects) sheet.addRow(reject);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `impor-${runId}-baris-ditolak.xlsx`, contentBase64: buffer.toString('base64') };
  },

  async 'import.profiles'(ctx) {
    const profiles = await loadProfiles(ctx.db);
    return { profiles: profiles.map(({ name, headers, createdBy, createdAt }) => ({ name, headers, createdBy, createdAt })) };
  },
};

function toOverrides(mapping: Record<string, string> | undefined): MappingOverrides | undefined {
  if (!mapping || Object.keys(mapping).length === 0) return undefined;
  const byIndex: NonNullable<MappingOverrides['byIndex']> = {};
  for (const [index, field] of Object.entries(mapping)) {
    if (field !== 'ignore' && !(FIELDS as readonly string[]).includes(field)) {
      throw new UserError('INVALID_INPUT', { field: `mapping.${index}`, detail: `unknown field ${field}` });
    }
    byIndex[Number(index)] = field as Field | 'ignore';
  }
  return { byIndex };
}

function requireActor(ctx: Ctx): { username: string; role: string } {
  if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
  return { username: ctx.actor.username, role: ctx.actor.role };
}

/** The parser's file errors already name the file, sheet, row and column: pass them on as they are. */
export async function asUserError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof ImportFileError) throw new UserError('IMPORT_FILE', { message_id: err.message_id, message_en: err.message_en, code: err.code });
    throw err;
  }
}
