import type { z } from 'zod';
import type { templateContent } from '../../shared/api/templates.js';
import { UserError } from '../../shared/errors.js';
import type { Ctx } from '../api/context.js';
import { mergeContent, sameContent } from './content.js';
import { assertNoErrors } from './live-checks.js';
import {
  contentOf,
  familyVersions,
  getVersion,
  insertFirstVersion,
  insertNextVersion,
  previousVersion,
  type TemplateVersion,
  toContentRow,
  updateVersion,
  type VersionChanges,
} from './template-store.js';
import { type VersionDiff, versionDiff } from './version-diff.js';
import { assertNotAuthor, assertStep, editKind, isUsable, type MetaStatus, metaStatusAfterEdit, pendingVersion } from './workflow.js';

type ContentInput = z.output<typeof templateContent>;

/**
 * Every step of the workflow, each inside the caller's transaction and each with its audit
 * row: who, the state before and after, and what the text changed from the previous version.
 */
export async function createTemplate(ctx: Ctx, input: ContentInput): Promise<TemplateVersion> {
  const content = mergeContent(null, input);
  const created = await insertFirstVersion(ctx.db, content, actorName(ctx), now(ctx));
  await auditStep(ctx, null, created, versionDiff(null, { label: label(created), content }));
  return created;
}

export async function updateTemplate(ctx: Ctx, id: number, changes: Partial<ContentInput>): Promise<{ version: TemplateVersion; newVersion: boolean }> {
  const current = await getVersion(ctx.db, id);
  const kind = editKind(current);
  const content = mergeContent(contentOf(current), changes);
  if (sameContent(contentOf(current), content)) throw new UserError('TEMPLATE_UNCHANGED', { id });
  const metaStatus = metaStatusAfterEdit(current, content);
  const by = actorName(ctx);
  const at = now(ctx);
  if (kind === 'in-place') {
    // A rejected version keeps the head's reason in view while it is reworked; submitting clears it.
    const edited = await updateVersion(ctx.db, id, { ...toContentRow(content), meta_status: metaStatus, status: 'draft', updated_by: by, updated_at: at });
    const diff = versionDiff({ label: `${label(current)} ${current.updatedAt}`, content: contentOf(current) }, { label: `${label(edited)} ${at}`, content });
    await auditStep(ctx, current, edited, diff);
    return { version: edited, newVersion: false };
  }
  const open = pendingVersion(await familyVersions(ctx.db, current.familyId), current.id);
  if (open) throw new UserError('TEMPLATE_OPEN_VERSION', { id: open.id, version: open.version, name: open.name });
  const next = await insertNextVersion(ctx.db, current.familyId, content, metaStatus, by, at);
  await auditStep(ctx, current, next, versionDiff({ label: label(current), content: contentOf(current) }, { label: label(next), content }));
  return { version: next, newVersion: true };
}

export async function submitTemplate(ctx: Ctx, id: number): Promise<TemplateVersion> {
  const current = await getVersion(ctx.db, id);
  assertStep('submit', current);
  await assertNoErrors(ctx, id, current, 'templates.submit');
  // A new submission answers the last rejection; its reason stays in the audit log.
  return statusStep(ctx, current, { status: 'submitted', submitted_by: actorName(ctx), submitted_at: now(ctx), reject_reason: null });
}

export async function withdrawTemplate(ctx: Ctx, id: number): Promise<TemplateVersion> {
  const current = await getVersion(ctx.db, id);
  assertStep('withdraw', current);
  return statusStep(ctx, current, { status: 'draft', submitted_by: null, submitted_at: null });
}

/**
 * Approving a version puts it in force. The version it replaces is retired only once the new
 * one is usable: a WhatsApp text still waiting for Meta must not leave the stage without any.
 */
export async function approveTemplate(ctx: Ctx, id: number): Promise<{ version: TemplateVersion; retired: number[] }> {
  const current = await getVersion(ctx.db, id);
  assertStep('approve', current);
  assertNotAuthor(current, actorName(ctx));
  await assertNoErrors(ctx, id, current, 'templates.approve');
  const retired = isUsable({ ...current, status: 'approved' }) ? await retireReplaced(ctx, current) : [];
  const version = await statusStep(ctx, current, { status: 'approved', decided_by: actorName(ctx), decided_at: now(ctx) }, { retired });
  return { version, retired };
}

export async function rejectTemplate(ctx: Ctx, id: number, reason: string): Promise<TemplateVersion> {
  const current = await getVersion(ctx.db, id);
  assertStep('reject', current);
  assertNotAuthor(current, actorName(ctx));
  return statusStep(ctx, current, { status: 'rejected', reject_reason: reason, decided_by: actorName(ctx), decided_at: now(ctx) });
}

export async function retireTemplate(ctx: Ctx, id: number): Promise<TemplateVersion> {
  const current = await getVersion(ctx.db, id);
  assertStep('retire', current);
  return statusStep(ctx, current, { status: 'retired' });
}

/** Meta's approval of a version the head already approved is the one that puts it in use. */
export async function setMetaStatus(ctx: Ctx, id: number, metaStatus: MetaStatus): Promise<{ version: TemplateVersion; retired: number[] }> {
  const current = await getVersion(ctx.db, id);
  if (current.channel !== 'whatsapp') throw new UserError('TEMPLATE_META_SMS', { id });
  assertStep('setMetaStatus', current);
  const retired = isUsable({ ...current, metaStatus }) ? await retireReplaced(ctx, current) : [];
  const version = await statusStep(ctx, current, { meta_status: metaStatus }, { retired });
  return { version, retired };
}

/** The family's older approved versions, out of force now that this one is usable. */
async function retireReplaced(ctx: Ctx, current: TemplateVersion): Promise<number[]> {
  const replaced = await ctx.db
    .selectFrom('templates')
    .select('id')
    .where('family_id', '=', current.familyId)
    .where('status', '=', 'approved')
    .where('version', '<', current.version)
    .execute();
  const ids = replaced.map((r) => Number(r.id));
  if (ids.length > 0) await ctx.db.updateTable('templates').set({ status: 'retired' }).where('id', 'in', ids).execute();
  return ids;
}

/**
 * A step that leaves the text alone. Its diff is against the family's previous version: what
 * the head is asked to put in force instead of what is there now.
 */
async function statusStep(ctx: Ctx, current: TemplateVersion, changes: VersionChanges, extra: Record<string, unknown> = {}): Promise<TemplateVersion> {
  const next = await updateVersion(ctx.db, current.id, changes);
  const previous = await previousVersion(ctx.db, current);
  const diff = versionDiff(previous && { label: label(previous), content: contentOf(previous) }, { label: label(next), content: contentOf(next) });
  await auditStep(ctx, current, next, diff, extra);
  return next;
}

async function auditStep(ctx: Ctx, before: TemplateVersion | null, after: TemplateVersion, diff: VersionDiff, extra: Record<string, unknown> = {}): Promise<void> {
  await ctx.audit({
    target: `template:${after.id}`,
    before: before && state(before),
    // The body's change is in the patch; repeating both bodies in `fields` would only crowd the log.
    after: { ...state(after), ...extra, diff: { ...diff, fields: diff.fields.map((f) => (f.field === 'body' ? { field: 'body' } : f)) } },
  });
}

function state(v: TemplateVersion) {
  return { id: v.id, familyId: v.familyId, version: v.version, name: v.name, channel: v.channel, purpose: v.purpose, status: v.status, metaStatus: v.metaStatus, usable: isUsable(v), rejectReason: v.rejectReason };
}

function label(v: TemplateVersion): string {
  return `v${v.version}`;
}

function actorName(ctx: Ctx): string {
  if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
  return ctx.actor.username;
}

function now(ctx: Ctx): string {
  return ctx.app.clock.now().toISOString();
}
