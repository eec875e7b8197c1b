import type { Kysely, Selectable } from 'kysely';
import { UserError } from '../../shared/errors.js';
import { TEMPLATE_PURPOSES } from '../../shared/templates/index.js';
import type { Database, TemplatesTable } from '../db/schema.js';
import type { TemplateContent } from './version-diff.js';
import type { MetaStatus, TemplateStatus } from './workflow.js';

/** One version of a template as the module works with it. */
export interface TemplateVersion extends TemplateContent {
  id: number;
  familyId: number;
  version: number;
  status: TemplateStatus;
  metaStatus: MetaStatus | null;
  rejectReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface VersionFilter {
  status?: TemplateStatus | undefined;
  channel?: 'whatsapp' | 'sms' | undefined;
  purpose?: string | undefined;
  language?: string | undefined;
}

export async function getVersion(db: Kysely<Database>, id: number): Promise<TemplateVersion> {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('TEMPLATE_NOT_FOUND', { id });
  return fromRow(row);
}

/** Every version of one family, oldest first. */
export async function familyVersions(db: Kysely<Database>, familyId: number): Promise<TemplateVersion[]> {
  const rows = await db.selectFrom('templates').selectAll().where('family_id', '=', familyId).orderBy('version').execute();
  return rows.map(fromRow);
}

export async function listVersions(db: Kysely<Database>, filter: VersionFilter): Promise<TemplateVersion[]> {
  let query = db.selectFrom('templates').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.purpose) query = query.where('purpose', '=', filter.purpose);
  if (filter.language) query = query.where('language', '=', filter.language);
  const rows = await query.orderBy('family_id').orderBy('version').execute();
  // In the order of the reminder calendar (H-14 … H+30, thanks), which no column sorts by.
  const rank = (purpose: string) => (TEMPLATE_PURPOSES as readonly string[]).indexOf(purpose);
  return rows.map(fromRow).sort((a, b) => rank(a.purpose) - rank(b.purpose) || a.channel.localeCompare(b.channel) || a.familyId - b.familyId || a.version - b.version);
}

/** A new family's first version: its own id becomes the family id. */
export async function insertFirstVersion(db: Kysely<Database>, content: TemplateContent, by: string, at: string): Promise<TemplateVersion> {
  const { id } = await db
    .insertInto('templates')
    .values({ ...toContentRow(content), family_id: 0, version: 1, meta_status: null, status: 'draft', ...stamps(by, at) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('templates').set({ family_id: id }).where('id', '=', id).execute();
  return getVersion(db, id);
}

/** The next version of a family, as a draft. */
export async function insertNextVersion(
  db: Kysely<Database>,
  familyId: number,
  content: TemplateContent,
  metaStatus: MetaStatus | null,
  by: string,
  at: string,
): Promise<TemplateVersion> {
  const last = await db.selectFrom('templates').select((eb) => eb.fn.max('version').as('version')).where('family_id', '=', familyId).executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('templates')
    .values({ ...toContentRow(content), family_id: familyId, version: Number(last.version) + 1, meta_status: metaStatus, status: 'draft', ...stamps(by, at) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getVersion(db, id);
}

export type VersionChanges = Partial<Omit<TemplatesTable, 'id' | 'family_id' | 'version' | 'created_by' | 'created_at'>>;

export async function updateVersion(db: Kysely<Database>, id: number, changes: VersionChanges): Promise<TemplateVersion> {
  await db.updateTable('templates').set(changes).where('id', '=', id).execute();
  return getVersion(db, id);
}

export function toContentRow(content: TemplateContent) {
  return {
    name: content.name,
    channel: content.channel,
    language: content.language,
    purpose: content.purpose,
    body: content.body,
    meta_name: content.metaName,
    meta_category: content.metaCategory,
  };
}

export function contentOf(version: TemplateVersion): TemplateContent {
  return {
    name: version.name,
    channel: version.channel,
    language: version.language,
    purpose: version.purpose,
    body: version.body,
    metaName: version.metaName,
    metaCategory: version.metaCategory,
  };
}

function stamps(by: string, at: string) {
  return {
    reject_reason: null,
    created_by: by,
    created_at: at,
    updated_by: by,
    updated_at: at,
    submitted_by: null,
    submitted_at: null,
    decided_by: null,
    decided_at: null,
  };
}

export function fromRow(row: Selectable<TemplatesTable>): TemplateVersion {
  return {
    id: Number(row.id),
    familyId: Number(row.family_id),
    version: Number(row.version),
    name: row.name,
    channel: row.channel,
    language: row.language,
    purpose: row.purpose,
    body: row.body,
    metaName: row.meta_name,
    metaCategory: row.meta_category,
    metaStatus: row.meta_status as MetaStatus | null,
    status: row.status,
    rejectReason: row.reject_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/** The version just before this one in its family; null for a first version. */
export async function previousVersion(db: Kysely<Database>, version: TemplateVersion): Promise<TemplateVersion | null> {
  const row = await db
    .selectFrom('templates')
    .selectAll()
    .where('family_id', '=', version.familyId)
    .where('version', '<', version.version)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}
