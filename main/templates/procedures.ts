import type { Kysely } from 'kysely';
import { toMetaTemplate } from '../../shared/templates/index.js';
import type { HandlerMap } from '../api/handler.js';
import type { Database } from '../db/schema.js';
import { checkText, longestValuesFor } from './live-checks.js';
import { previewTemplate } from './preview.js';
import { contentOf, familyVersions, getVersion, listVersions, type TemplateVersion } from './template-store.js';
import {
  approveTemplate,
  createTemplate,
  rejectTemplate,
  retireTemplate,
  setMetaStatus,
  submitTemplate,
  updateTemplate,
  withdrawTemplate,
} from './template-steps.js';
import { bodyWordDiff, versionDiff } from './version-diff.js';
import { isUsable } from './workflow.js';

type TemplateProcedure =
  | 'templates.list'
  | 'templates.get'
  | 'templates.create'
  | 'templates.update'
  | 'templates.submit'
  | 'templates.withdraw'
  | 'templates.approve'
  | 'templates.reject'
  | 'templates.retire'
  | 'templates.setMetaStatus'
  | 'templates.preview';

export const templateProcedures: HandlerMap<TemplateProcedure> = {
  async 'templates.list'(ctx, filter) {
    const versions = await listVersions(ctx.db, filter);
    const newest = await latestVersions(ctx.db, versions);
    return { rows: versions.map(({ body: _body, ...v }) => ({ ...v, usable: isUsable(v), latest: newest.get(v.familyId) === v.version })) };
  },

  async 'templates.get'(ctx, { id }) {
    const template = await getVersion(ctx.db, id);
    const family = await familyVersions(ctx.db, template.familyId);
    const versions = family.map((v, i) => {
      const previous = family[i - 1];
      const diff = versionDiff(previous ? { label: `v${previous.version}`, content: contentOf(previous) } : null, { label: `v${v.version}`, content: contentOf(v) });
      return { ...view(v), diff: { ...diff, words: bodyWordDiff(previous?.body ?? '', v.body) } };
    });
    const longestValues = await longestValuesFor(ctx, template.language);
    return {
      template: view(template),
      inForceId: inForce(family)?.id ?? null,
      versions,
      issues: checkText(template, longestValues),
      longestValues,
      meta: template.channel === 'whatsapp' ? toMetaTemplate(template.body) : null,
    };
  },

  async 'templates.create'(ctx, content) {
    return { template: view(await createTemplate(ctx, content)) };
  },

  async 'templates.update'(ctx, { id, changes }) {
    const { version, newVersion } = await updateTemplate(ctx, id, changes);
    return { template: view(version), newVersion };
  },

  async 'templates.submit'(ctx, { id }) {
    return { template: view(await submitTemplate(ctx, id)) };
  },

  async 'templates.withdraw'(ctx, { id }) {
    return { template: view(await withdrawTemplate(ctx, id)) };
  },

  async 'templates.approve'(ctx, { id }) {
    const { version, retired } = await approveTemplate(ctx, id);
    return { template: view(version), retired };
  },

  async 'templates.reject'(ctx, { id, reason }) {
    return { template: view(await rejectTemplate(ctx, id, reason)) };
  },

  async 'templates.retire'(ctx, { id }) {
    return { template: view(await retireTemplate(ctx, id)) };
  },

  async 'templates.setMetaStatus'(ctx, { id, metaStatus }) {
    const { version, retired } = await setMetaStatus(ctx, id, metaStatus);
    return { template: view(version), retired };
  },

  async 'templates.preview'(ctx, input) {
    return previewTemplate(ctx, input);
  },
};

/** What the reminders send now: the usable approved version, else (WhatsApp awaiting Meta) the approved one. */
function inForce(family: TemplateVersion[]): TemplateVersion | undefined {
  const approved = family.filter((v) => v.status === 'approved');
  return approved.find(isUsable) ?? approved[approved.length - 1];
}

function view(v: TemplateVersion) {
  return { ...v, usable: isUsable(v) };
}

/** The newest version number of each family among those listed (a filter may hide it, so ask). */
async function latestVersions(db: Kysely<Database>, versions: TemplateVersion[]): Promise<Map<number, number>> {
  const families = [...new Set(versions.map((v) => v.familyId))];
  if (families.length === 0) return new Map();
  const rows = await db
    .selectFrom('templates')
    .select((eb) => ['family_id', eb.fn.max('version').as('version')])
    .where('family_id', 'in', families)
    .groupBy('family_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.family_id), Number(r.version)]));
}
