import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.js';
import { assertNotAuthor, assertStep, editKind, isUsable, metaStatusAfterEdit, pendingVersion } from './workflow.js';

function thrown(run: () => unknown): UserError | null {
  try {
    run();
    return null;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
}

function code(run: () => unknown): string | null {
  return thrown(run)?.code ?? null;
}

describe('the approval workflow', () => {
  it('decides only submitted versions', () => {
    for (const status of ['draft', 'approved', 'rejected', 'retired'] as const) {
      expect(code(() => assertStep('approve', { id: 1, status }))).toBe('TEMPLATE_BAD_STATUS');
      expect(code(() => assertStep('reject', { id: 1, status }))).toBe('TEMPLATE_BAD_STATUS');
    }
    expect(code(() => assertStep('approve', { id: 1, status: 'submitted' }))).toBeNull();
  });

  it('submits only drafts: a rejected version is edited (and so a draft again) before it goes back', () => {
    expect(code(() => assertStep('submit', { id: 1, status: 'draft' }))).toBeNull();
    expect(code(() => assertStep('submit', { id: 1, status: 'rejected' }))).toBe('TEMPLATE_BAD_STATUS');
    expect(editKind({ id: 1, status: 'rejected' })).toBe('in-place');
  });

  it('edits drafts in place, turns an edit of an approved version into a new version, and locks submitted and retired ones', () => {
    expect(editKind({ id: 1, status: 'draft' })).toBe('in-place');
    expect(editKind({ id: 1, status: 'approved' })).toBe('new-version');
    expect(code(() => editKind({ id: 1, status: 'submitted' }))).toBe('TEMPLATE_SUBMITTED_LOCKED');
    expect(code(() => editKind({ id: 1, status: 'retired' }))).toBe('TEMPLATE_BAD_STATUS');
  });

  it('never lets the creator or the last editor decide', () => {
    const version = { id: 7, createdBy: 'rina', updatedBy: 'sari' };
    expect(code(() => assertNotAuthor(version, 'rina'))).toBe('TEMPLATE_OWN_DECISION');
    expect(code(() => assertNotAuthor(version, 'sari'))).toBe('TEMPLATE_OWN_DECISION');
    expect(code(() => assertNotAuthor(version, 'kepala'))).toBeNull();
    expect(thrown(() => assertNotAuthor(version, 'sari'))?.params).toMatchObject({ field: 'updated_by', username: 'sari', id: 7 });
  });

  it('counts a WhatsApp template usable only once Meta approved it too', () => {
    expect(isUsable({ status: 'approved', channel: 'sms', metaStatus: null })).toBe(true);
    expect(isUsable({ status: 'approved', channel: 'whatsapp', metaStatus: 'pending' })).toBe(false);
    expect(isUsable({ status: 'approved', channel: 'whatsapp', metaStatus: 'approved' })).toBe(true);
    expect(isUsable({ status: 'submitted', channel: 'whatsapp', metaStatus: 'approved' })).toBe(false);
  });

  it("keeps Meta's verdict through edits that leave the registered text alone, and drops it otherwise", () => {
    const before = { body: 'Halo {nama_wp}, terima kasih.', metaName: 'terima_kasih', language: 'id', metaStatus: 'approved' as const };
    expect(metaStatusAfterEdit(before, { ...before, channel: 'whatsapp' })).toBe('approved');
    expect(metaStatusAfterEdit(before, { ...before, body: 'Halo {nama_wp}, terima kasih banyak.', channel: 'whatsapp' })).toBeNull();
    expect(metaStatusAfterEdit(before, { ...before, metaName: 'terima_kasih_v2', channel: 'whatsapp' })).toBeNull();
    expect(metaStatusAfterEdit(before, { ...before, channel: 'sms' })).toBeNull();
  });

  it('sends a second edit of an approved version to the version already on its way', () => {
    const v = (id: number, status: 'draft' | 'approved' | 'retired' | 'rejected', metaStatus: 'approved' | null = 'approved') => ({ id, status, channel: 'whatsapp' as const, metaStatus });
    expect(pendingVersion([v(1, 'approved')], 1)).toBeNull();
    expect(pendingVersion([v(1, 'approved'), v(2, 'rejected')], 1)?.id).toBe(2);
    expect(pendingVersion([v(1, 'approved'), v(2, 'approved', null)], 1)?.id).toBe(2);
    expect(pendingVersion([v(1, 'retired'), v(2, 'approved'), v(3, 'retired', null)], 2)).toBeNull();
  });
});
