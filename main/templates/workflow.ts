import type { META_STATUSES, TEMPLATE_STATUSES } from '../../shared/api/templates.js';
import { UserError } from '../../shared/errors.js';

/**
 * The approval workflow: draft → submitted → approved | rejected, and retired at the end.
 * Officers (and heads) write and submit; a head decides, never on a version they wrote; an
 * approved version never changes: editing it starts a new version of the same family.
 */
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Meta's verdict on a WhatsApp template; a business may send it only once Meta approved it. */
export type MetaStatus = (typeof META_STATUSES)[number];

export type Step = 'submit' | 'withdraw' | 'approve' | 'reject' | 'retire' | 'setMetaStatus';

const ALLOWED_FROM: Record<Step, readonly TemplateStatus[]> = {
  submit: ['draft'],
  withdraw: ['submitted'],
  approve: ['submitted'],
  reject: ['submitted'],
  // Retiring ends a version whatever its state: an unwanted draft, or a text no longer sent.
  retire: ['draft', 'submitted', 'approved', 'rejected'],
  // Meta reviews the WhatsApp text on its own schedule, before or after the head decides.
  setMetaStatus: ['draft', 'submitted', 'approved', 'rejected'],
};

interface VersionState {
  id: number;
  status: TemplateStatus;
}

export function assertStep(step: Step, version: VersionState): void {
  const allowed = ALLOWED_FROM[step];
  if (!allowed.includes(version.status)) {
    throw new UserError('TEMPLATE_BAD_STATUS', { id: version.id, status: version.status, action: `templates.${step}`, allowed: allowed.join(', ') });
  }
}

/**
 * How an edit lands: a draft or rejected version is rewritten in place (and is a draft again);
 * an approved version stays in force untouched, so the edit becomes the family's next version.
 */
export function editKind(version: VersionState): 'in-place' | 'new-version' {
  switch (version.status) {
    case 'draft':
    case 'rejected':
      return 'in-place';
    case 'approved':
      return 'new-version';
    case 'submitted':
      // The head is reading this text; changing it under them would approve words they never saw.
      throw new UserError('TEMPLATE_SUBMITTED_LOCKED', { id: version.id });
    case 'retired':
      throw new UserError('TEMPLATE_BAD_STATUS', { id: version.id, status: version.status, action: 'templates.update', allowed: 'draft, rejected, approved' });
  }
}

/**
 * The version of a family still on its way into force, if any besides the one being edited:
 * one in the works (draft, submitted, rejected) or approved but still waiting for Meta. A
 * second new version beside it would split the review, so edits go to that one.
 */
export function pendingVersion<V extends VersionState & { channel: 'whatsapp' | 'sms'; metaStatus: MetaStatus | null }>(family: readonly V[], editedId: number): V | null {
  const pending = family.filter((v) => v.id !== editedId && (v.status === 'draft' || v.status === 'submitted' || v.status === 'rejected' || (v.status === 'approved' && !isUsable(v))));
  return pending[pending.length - 1] ?? null;
}

/** Four eyes: whoever wrote the version (its creator or its last editor) does not decide it. */
export function assertNotAuthor(version: { id: number; createdBy: string; updatedBy: string }, username: string): void {
  const field = version.createdBy === username ? 'created_by' : version.updatedBy === username ? 'updated_by' : null;
  if (field) throw new UserError('TEMPLATE_OWN_DECISION', { id: version.id, username, field });
}

/** A message may go out only with the head's approval and, on WhatsApp, Meta's too. */
export function isUsable(version: { status: TemplateStatus; channel: 'whatsapp' | 'sms'; metaStatus: MetaStatus | null }): boolean {
  return version.status === 'approved' && (version.channel === 'sms' || version.metaStatus === 'approved');
}

/**
 * Meta approves the registered text under its name and language; change any of them and the
 * new text needs Meta's review again. Other edits (our own name, the purpose) keep the verdict.
 */
export function metaStatusAfterEdit(
  before: { body: string; metaName: string | null; language: string; metaStatus: MetaStatus | null },
  after: { body: string; metaName: string | null; language: string; channel: 'whatsapp' | 'sms' },
): MetaStatus | null {
  if (after.channel !== 'whatsapp') return null;
  const sameText = before.body === after.body && before.metaName === after.metaName && before.language === after.language;
  return sameText ? before.metaStatus : null;
}
