import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/ledger/demo/index.js';
import { seedDefaultTemplates, usableTemplate } from '../../main/templates/index.js';
import type { In } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import { DEFAULT_TEMPLATES } from '../../shared/templates/index.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

const SMS_H3: In<'templates.create'> = {
  name: 'Pengingat H-3 singkat',
  channel: 'sms',
  language: 'id',
  purpose: 'H-3',
  body: 'Yth. {nama_wp}, {jenis_pajak} {objek_pajak} sebesar {total} jatuh tempo {jatuh_tempo}. Kode bayar {kode_bayar}, bayar via {cara_bayar}.',
};
const WHATSAPP_H7: In<'templates.create'> = {
  ...SMS_H3,
  name: 'Pengingat H-7 WhatsApp',
  channel: 'whatsapp',
  purpose: 'H-7',
  metaName: 'pengingat_h7_singkat',
};

async function errorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe.each(testEngines())('template approval on %s', (engine) => {
  let t: TestApp;
  let officer: TestClient;
  let head: TestClient;
  let head2: TestClient;
  let admin: TestClient;

  // One ledger for the file: each test works on templates of its own purpose, so none sees another's approvals.
  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    await admin.call('users.add', { username: 'kepala2', role: 'head', password: 'rahasia-kepala2' });
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    head = t.client();
    await head.login('head', 'rahasia-head');
    head2 = t.client();
    await head2.login('kepala2', 'rahasia-kepala2');
  });
  afterAll(async () => {
    await t.close();
  });

  async function submitted(content: In<'templates.create'>, author: TestClient = officer) {
    const { template } = await author.call('templates.create', content);
    await author.call('templates.submit', { id: template.id });
    return template.id;
  }

  const slot = (content: In<'templates.create'>) => ({ purpose: content.purpose, channel: content.channel, language: content.language });

  it('ships the default drafts once, by nobody, and never brings back one the agency retired', async () => {
    const { rows } = await admin.call('templates.list', {});
    expect(rows).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(rows.every((r) => r.status === 'draft' && r.createdBy === 'system' && r.version === 1)).toBe(true);
    expect(new Set(rows.map((r) => `${r.purpose}/${r.channel}`)).size).toBe(14);

    const retired = rows.find((r) => r.purpose === 'H+30' && r.channel === 'sms')?.id as number;
    const deleted = rows.find((r) => r.purpose === 'H+30' && r.channel === 'whatsapp')?.id as number;
    await admin.call('templates.retire', { id: retired });
    await t.app.ledger.db.deleteFrom('templates').where('id', '=', deleted).execute();
    expect(await seedDefaultTemplates(t.app.ledger.db, t.clock.now())).toBe(0);
    const again = (await admin.call('templates.list', { purpose: 'H+30' })).rows;
    expect(again.map((r) => [r.id, r.status])).toEqual([[retired, 'retired']]);
  });

  it('lets any head approve a default draft an officer submitted', async () => {
    const { rows } = await officer.call('templates.list', { channel: 'sms', purpose: 'H-14' });
    const id = rows[0]?.id as number;
    await officer.call('templates.submit', { id });
    const { template } = await head.call('templates.approve', { id });
    expect(template).toMatchObject({ status: 'approved', usable: true, decidedBy: 'head', submittedBy: 'officer' });
  });

  it('an officer cannot approve, nor can an administrator: only a head', async () => {
    const id = await submitted(SMS_H3);
    expect((await errorOf(officer.call('templates.approve', { id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(admin.call('templates.approve', { id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(officer.call('templates.reject', { id, reason: 'tidak' }))).code).toBe('FORBIDDEN');
    expect((await head.call('templates.get', { id })).template.status).toBe('submitted');
  });

  it('a head cannot approve or reject a template they created', async () => {
    const id = await submitted(SMS_H3, head);
    const own = await errorOf(head.call('templates.approve', { id }));
    expect(own.code).toBe('TEMPLATE_OWN_DECISION');
    expect(own.params).toMatchObject({ field: 'created_by', username: 'head' });
    expect(own.status).toBe(403);
    expect((await errorOf(head.call('templates.reject', { id, reason: 'ragu' }))).code).toBe('TEMPLATE_OWN_DECISION');
    expect((await head2.call('templates.approve', { id })).template.decidedBy).toBe('kepala2');
  });

  it('a head cannot approve a template they edited last', async () => {
    const { template } = await officer.call('templates.create', SMS_H3);
    await head.call('templates.update', { id: template.id, changes: { body: `${SMS_H3.body} Terima kasih.` } });
    await officer.call('templates.submit', { id: template.id });
    const own = await errorOf(head.call('templates.approve', { id: template.id }));
    expect(own.code).toBe('TEMPLATE_OWN_DECISION');
    expect(own.params.field).toBe('updated_by');
    await head2.call('templates.approve', { id: template.id });
  });

  it('editing an approved template leaves it in force until the new version is approved, then retires it', async () => {
    const h7 = { ...SMS_H3, purpose: 'H+7' } as const;
    const v1 = await submitted(h7);
    await head.call('templates.approve', { id: v1 });

    const edit = await officer.call('templates.update', { id: v1, changes: { body: `${SMS_H3.body} Abaikan bila sudah bayar.` } });
    expect(edit.newVersion).toBe(true);
    expect(edit.template).toMatchObject({ familyId: v1, version: 2, status: 'draft', createdBy: 'officer' });
    const v2 = edit.template.id;
    expect((await head.call('templates.get', { id: v1 })).template).toMatchObject({ status: 'approved', body: SMS_H3.body });
    expect((await usableTemplate(t.app.ledger.db, slot(h7)))?.id).toBe(v1);

    // Only one version in the works per family.
    expect((await errorOf(officer.call('templates.update', { id: v1, changes: { name: 'lagi' } }))).code).toBe('TEMPLATE_OPEN_VERSION');

    await officer.call('templates.submit', { id: v2 });
    expect((await usableTemplate(t.app.ledger.db, slot(h7)))?.id).toBe(v1);

    const approved = await head.call('templates.approve', { id: v2 });
    expect(approved.retired).toEqual([v1]);
    expect((await head.call('templates.get', { id: v1 })).template.status).toBe('retired');
    expect((await usableTemplate(t.app.ledger.db, slot(h7)))?.id).toBe(v2);

    const detail = await head.call('templates.get', { id: v2 });
    expect(detail.inForceId).toBe(v2);
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'approved'],
    ]);
    expect(detail.versions[1]?.diff.patch).toContain('+Yth. {nama_wp}');
    expect(detail.versions[1]?.diff.words.find((w) => w.op === 'added')?.text).toContain('Abaikan bila sudah bayar.');
  });

  it('reject needs a reason; the author edits the rejected version back to a draft and resubmits it', async () => {
    const id = await submitted(SMS_H3);
    const noReason = await errorOf(head.call('templates.reject', { id, reason: '   ' }));
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.params.field).toBe('reason');

    const { template: rejected } = await head.call('templates.reject', { id, reason: 'Sebutkan denda keterlambatan.' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Sebutkan denda keterlambatan.', usable: false });
    expect((await errorOf(officer.call('templates.submit', { id }))).code).toBe('TEMPLATE_BAD_STATUS');

    const edit = await officer.call('templates.update', { id, changes: { body: `${SMS_H3.body} Denda {denda}.` } });
    expect(edit).toMatchObject({ newVersion: false, template: { id, version: 1, status: 'draft' } });
    const { template: again } = await officer.call('templates.submit', { id });
    expect(again).toMatchObject({ status: 'submitted', rejectReason: null });
    expect((await head.call('templates.approve', { id })).template.status).toBe('approved');
  });

  it('keeps a submitted text still: withdraw it to edit it', async () => {
    const id = await submitted(SMS_H3);
    expect((await errorOf(officer.call('templates.update', { id, changes: { name: 'Baru' } }))).code).toBe('TEMPLATE_SUBMITTED_LOCKED');
    expect((await officer.call('templates.withdraw', { id })).template).toMatchObject({ status: 'draft', submittedBy: null });
    expect((await officer.call('templates.update', { id, changes: { name: 'Baru' } })).template.name).toBe('Baru');
  });

  it('refuses to submit a reminder that does not say how much is due and by when', async () => {
    const { template } = await officer.call('templates.create', { ...SMS_H3, body: 'Yth. {nama_wp}, mohon segera membayar pajak daerah.' });
    const refused = await errorOf(officer.call('templates.submit', { id: template.id }));
    expect(refused.code).toBe('TEMPLATE_HAS_ERRORS');
    expect(String(refused.params.codes)).toContain('missing_required');
    expect((await officer.call('templates.get', { id: template.id })).issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
  });

  it('a WhatsApp template is usable only once Meta approved it too, and its old version serves until then', async () => {
    const v1 = await submitted(WHATSAPP_H7);
    expect((await head.call('templates.approve', { id: v1 })).template).toMatchObject({ status: 'approved', usable: false });
    expect(await usableTemplate(t.app.ledger.db, slot(WHATSAPP_H7))).toBeNull();
    expect((await errorOf(head.call('templates.setMetaStatus', { id: v1, metaStatus: 'approved' }))).code).toBe('FORBIDDEN');
    expect((await admin.call('templates.setMetaStatus', { id: v1, metaStatus: 'approved' })).template.usable).toBe(true);
    expect((await usableTemplate(t.app.ledger.db, slot(WHATSAPP_H7)))?.id).toBe(v1);

    // A new text needs Meta's review again; the head's approval alone does not retire v1.
    const { template: draft } = await officer.call('templates.update', { id: v1, changes: { body: `${WHATSAPP_H7.body} Terima kasih.` } });
    expect(draft.metaStatus).toBeNull();
    await officer.call('templates.submit', { id: draft.id });
    expect((await head.call('templates.approve', { id: draft.id })).retired).toEqual([]);
    expect((await usableTemplate(t.app.ledger.db, slot(WHATSAPP_H7)))?.id).toBe(v1);
    expect((await head.call('templates.get', { id: draft.id })).inForceId).toBe(v1);
    expect((await errorOf(officer.call('templates.update', { id: v1, changes: { name: 'Lagi' } }))).params).toMatchObject({ id: draft.id });

    const meta = await officer.call('templates.setMetaStatus', { id: draft.id, metaStatus: 'approved' });
    expect(meta.retired).toEqual([v1]);
    expect((await usableTemplate(t.app.ledger.db, slot(WHATSAPP_H7)))?.id).toBe(draft.id);
  });

  it('records Meta status for WhatsApp only', async () => {
    const { template } = await officer.call('templates.create', SMS_H3);
    expect((await errorOf(officer.call('templates.setMetaStatus', { id: template.id, metaStatus: 'pending' }))).code).toBe('TEMPLATE_META_SMS');
  });

  it('writes every step to the audit log with the diff from the previous version', async () => {
    const id = await submitted(SMS_H3);
    await head.call('templates.reject', { id, reason: 'Terlalu kaku.' });
    await officer.call('templates.update', { id, changes: { body: `${SMS_H3.body} Terima kasih.` } });
    await officer.call('templates.submit', { id });
    await head.call('templates.approve', { id });
    const next = await officer.call('templates.update', { id, changes: { name: 'Pengingat H-3 ramah' } });
    await admin.call('templates.retire', { id: next.template.id });

    const rows = await t.app.ledger.db.selectFrom('audit_log').selectAll().where('target', 'in', [`template:${id}`, `template:${next.template.id}`]).orderBy('id').execute();
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['templates.create', 'officer'],
      ['templates.submit', 'officer'],
      ['templates.reject', 'head'],
      ['templates.update', 'officer'],
      ['templates.submit', 'officer'],
      ['templates.approve', 'head'],
      ['templates.update', 'officer'],
      ['templates.retire', 'admin'],
    ]);
    const after = rows.map((r) => JSON.parse(r.after as string));
    expect(after.every((a) => a.diff && Array.isArray(a.diff.fields))).toBe(true);
    expect(after[0].diff.patch).toContain('+Yth. {nama_wp}');
    expect(after[2]).toMatchObject({ status: 'rejected', rejectReason: 'Terlalu kaku.' });
    expect(after[3].diff.patch).toContain('Terima kasih.');
    expect(after[6].diff).toMatchObject({ before: 'v1', after: 'v2', fields: [{ field: 'name', before: SMS_H3.name, after: 'Pengingat H-3 ramah' }], patch: null });
  });

  it('gives treasurers no access', async () => {
    const treasurer = t.client();
    await treasurer.login('treasurer', 'rahasia-treasurer');
    expect((await errorOf(treasurer.call('templates.list', {}))).code).toBe('FORBIDDEN');
  });
});

describe.each(testEngines())('template preview on %s', (engine) => {
  let t: TestApp;
  let officer: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    await loadDemo(t.app.ledger.db, { taxpayers: 40, seed: 3, today: '2026-11-23', force: false, actor: { username: 'officer', role: 'officer' }, origin: 'test', now: t.clock.now() });
  });
  afterAll(async () => {
    await t.close();
  });

  async function taxpayerWithUnpaidBills() {
    return t.app.ledger.db
      .selectFrom('taxpayers')
      .innerJoin('bills', 'bills.taxpayer_id', 'taxpayers.id')
      .select(['taxpayers.id', 'taxpayers.npwpd', 'taxpayers.name'])
      .where('bills.status', '=', 'unpaid')
      .where('taxpayers.npwpd', 'is not', null)
      .orderBy('taxpayers.id')
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  it("fills an SMS with a real taxpayer's unpaid bills and says what it costs to send", async () => {
    const { template } = await officer.call('templates.create', SMS_H3);
    const taxpayer = await taxpayerWithUnpaidBills();
    const preview = await officer.call('templates.preview', { id: template.id, sample: 'taxpayer', npwpd: ` ${(taxpayer.npwpd as string).toLowerCase()} ` });
    expect(preview.text).toContain(taxpayer.name.trim().replace(/\s+/g, ' '));
    expect(preview.taxpayer).toMatchObject({ id: Number(taxpayer.id), name: taxpayer.name });
    expect(preview).toMatchObject({ channel: 'sms', encoding: 'GSM-7', whatsappParameters: null, metaText: null });
    expect(preview.characters).toBe(preview.text.length);
    expect(preview.smsParts).toBe(preview.characters <= 160 ? 1 : Math.ceil(preview.characters / 153));
  });

  it("previews the editor's unsaved WhatsApp text with Meta's numbered variables and their values", async () => {
    const preview = await officer.call('templates.preview', {
      draft: { channel: 'whatsapp', language: 'id', purpose: 'H-7', body: 'Yth. {nama_wp}, total {total}.', metaName: 'uji' },
      sample: 'example',
    });
    expect(preview.metaText).toBe('Yth. {{1}}, total {{2}}.');
    expect(preview.whatsappParameters).toEqual(['H. Ahmad Fauzi', 'Rp 1.250.000']);
    expect(preview.text).toBe('Yth. H. Ahmad Fauzi, total Rp 1.250.000.');
    expect(preview.smsParts).toBeNull();
    expect(preview.issues.map((i) => i.code)).toContain('missing_required');
  });

  it('measures with the longest names and bill lists in the ledger', async () => {
    const longestName = await t.app.ledger.db.selectFrom('taxpayers').select('name').execute();
    const longest = longestName.map((r) => r.name).reduce((a, b) => (b.length > a.length ? b : a));
    const { template } = await officer.call('templates.create', SMS_H3);
    const preview = await officer.call('templates.preview', { id: template.id, sample: 'longest' });
    expect(preview.text).toContain(longest.trim().replace(/\s+/g, ' '));
    const detail = await officer.call('templates.get', { id: template.id });
    expect(detail.longestValues.nama_wp).toBe(longest.trim().replace(/\s+/g, ' '));
  });

  it('lets an officer submit every default draft on a real ledger: each is measured as one message carries it', async () => {
    const { rows } = await officer.call('templates.list', { status: 'draft' });
    const defaults = rows.filter((r) => r.createdBy === 'system');
    expect(defaults).toHaveLength(DEFAULT_TEMPLATES.length);
    for (const row of defaults) {
      const detail = await officer.call('templates.get', { id: row.id });
      expect(detail.issues.filter((i) => i.severity === 'error'), `${row.name}`).toEqual([]);
      await officer.call('templates.submit', { id: row.id });
    }
    const after = await officer.call('templates.list', { status: 'submitted' });
    expect(after.rows.filter((r) => r.createdBy === 'system')).toHaveLength(DEFAULT_TEMPLATES.length);
  });

  it('names the NPWPD it could not find', async () => {
    const { template } = await officer.call('templates.create', SMS_H3);
    const missing = await errorOf(officer.call('templates.preview', { id: template.id, sample: 'taxpayer', npwpd: 'P.9.9999999.99.99' }));
    expect(missing.code).toBe('PREVIEW_TAXPAYER_NOT_FOUND');
    expect(missing.params).toEqual({ field: 'npwpd', value: 'P.9.9999999.99.99' });
  });
});
