import { describe, expect, it } from 'vitest';
import { bodyWordDiff, type TemplateContent, versionDiff } from './version-diff.js';

const v1: TemplateContent = {
  name: 'Pengingat H-3 (SMS)',
  channel: 'sms',
  language: 'id',
  purpose: 'H-3',
  body: 'Yth. {nama_wp},\npajak Anda jatuh tempo {jatuh_tempo}.\nKode bayar {kode_bayar}.',
  metaName: null,
  metaCategory: null,
};

describe('the diff between two versions', () => {
  it('lists the changed fields and gives the body as a unified diff without end-of-file noise', () => {
    const v2 = { ...v1, name: 'Pengingat H-3', body: v1.body.replace('jatuh tempo', 'akan jatuh tempo') };
    const diff = versionDiff({ label: 'v1', content: v1 }, { label: 'v2', content: v2 });
    expect(diff.fields.map((f) => f.field)).toEqual(['name', 'body']);
    expect(diff.fields[0]).toEqual({ field: 'name', before: 'Pengingat H-3 (SMS)', after: 'Pengingat H-3' });
    expect(diff.patch).toContain('--- v1\n+++ v2\n');
    expect(diff.patch).toContain('-pajak Anda jatuh tempo {jatuh_tempo}.\n+pajak Anda akan jatuh tempo {jatuh_tempo}.\n');
    expect(diff.patch).not.toContain('No newline');
  });

  it('has no patch when only other fields changed, and everything as added against nothing', () => {
    expect(versionDiff({ label: 'v1', content: v1 }, { label: 'v2', content: { ...v1, purpose: 'H-7' } }).patch).toBeNull();
    const first = versionDiff(null, { label: 'v1', content: v1 });
    expect(first.before).toBeNull();
    expect(first.fields.map((f) => f.field)).toEqual(['name', 'channel', 'language', 'purpose', 'body']);
    expect(first.patch).toContain('+Kode bayar {kode_bayar}.');
  });

  it('marks the words a reviewer should look at', () => {
    expect(bodyWordDiff('Bayar sebelum {jatuh_tempo}.', 'Segera bayar sebelum {jatuh_tempo}.')).toEqual([
      { text: 'Bayar', op: 'removed' },
      { text: 'Segera bayar', op: 'added' },
      { text: ' sebelum {jatuh_tempo}.', op: 'same' },
    ]);
  });
});
