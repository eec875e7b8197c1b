import { createTwoFilesPatch, diffWords, FILE_HEADERS_ONLY } from 'diff';

/** The parts of a template version a person writes; everything else is workflow bookkeeping. */
export interface TemplateContent {
  name: string;
  channel: 'whatsapp' | 'sms';
  language: string;
  purpose: string;
  body: string;
  metaName: string | null;
  metaCategory: string | null;
}

export const CONTENT_FIELDS = ['name', 'channel', 'language', 'purpose', 'body', 'metaName', 'metaCategory'] as const satisfies readonly (keyof TemplateContent)[];

export interface FieldChange {
  field: (typeof CONTENT_FIELDS)[number];
  before: string | null;
  after: string | null;
}

export interface VersionDiff {
  /** Labels of the two sides, e.g. `v1` → `v2`; `before` is null against nothing (a first version). */
  before: string | null;
  after: string;
  fields: FieldChange[];
  /** Unified diff of the body, null when the body did not change. */
  patch: string | null;
}

export interface WordChange {
  text: string;
  op: 'same' | 'added' | 'removed';
}

/**
 * What changed between two versions: every changed field, and the body as a unified diff a
 * head can read in the audit log long after the screen that showed it is gone.
 */
export function versionDiff(before: { label: string; content: TemplateContent } | null, after: { label: string; content: TemplateContent }): VersionDiff {
  const old = before?.content ?? null;
  const fields: FieldChange[] = [];
  for (const field of CONTENT_FIELDS) {
    const was = old ? old[field] : null;
    const now = after.content[field];
    if (was !== now) fields.push({ field, before: was, after: now });
  }
  const bodyChanged = fields.some((f) => f.field === 'body');
  return {
    before: before?.label ?? null,
    after: after.label,
    fields,
    patch: bodyChanged ? bodyPatch(before?.label ?? '(kosong)', after.label, old?.body ?? '', after.content.body) : null,
  };
}

/** The body's changes word by word: what a reviewer wants for one-paragraph SMS texts, where a line diff marks everything. */
export function bodyWordDiff(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({ text: part.value, op: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

function bodyPatch(beforeLabel: string, afterLabel: string, before: string, after: string): string {
  // A final newline on both sides keeps "\ No newline at end of file" out of every patch.
  return createTwoFilesPatch(beforeLabel, afterLabel, `${before}\n`, `${after}\n`, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
