import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordDelivered, recordDeliveryProblem, type DeliveryProblem } from '../../main/contacts/index.js';
import { runSync, type SnapshotBill, type SyncSource, undoRun } from '../../main/ledger/index.js';
import { CONTACT_PROBLEMS, EMAIL_STATUSES, PHONE_STATUSES, type ContactProblem } from '../../shared/api/contacts.js';
import type { In } from '../../shared/api/index.js';
import { type CellChanges, CONSULTANT, MESSY, messy, messyBills, ONE_OWNER, PAID_BILL, PAIR } from '../support/contacts-fixture.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

/** Later, but within the officers' idle-session limit. */
const LATER = 10 * 60_000;

function source(bills: SnapshotBill[], sha: string): SyncSource {
  return { fileName: 'daftar-ketetapan.xlsx', sha256: sha, sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
}

function countBy<K extends string>(keys: readonly K[], of: (k: K) => number): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, of(k)])) as Record<K, number>;
}

const withProblem = (problem: ContactProblem) => MESSY.filter((m) => m.expected.problems.includes(problem));
const npwpds = (rows: readonly { npwpd: string | null }[]) => rows.map((r) => r.npwpd).sort();
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe.each(testEngines())('contacts through the handlers on %s', (engine) => {
  let t: TestApp;
  let officer: TestClient;
  let admin: TestClient;

  beforeEach(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    admin = t.client();
    await admin.login('admin', 'rahasia-admin');
  });
  afterEach(async () => {
    await t.close();
  });

  /** Imports the messy export, with these cells changed: the same changes are the same file. */
  const importExport = (changes: CellChanges = {}) =>
    runSync(t.app.ledger.db, source(messyBills(changes), createHash('sha256').update(JSON.stringify(changes)).digest('hex')), { dryRun: false, actor: 'budi', now: t.clock.now() });
  const undo = (runId: number | null) => t.app.ledger.db.transaction().execute((trx) => undoRun(trx, runId as number, 'budi', t.clock.now()));
  const deliver = (phone: string, problem: DeliveryProblem) =>
    t.app.ledger.db.transaction().execute((trx) => recordDeliveryProblem(trx, { phone, problem, at: t.clock.now(), detail: `gateway: ${problem}` }));
  const list = async () => (await officer.call('contacts.list', {})).taxpayers;
  const listed = async (key: string) => (await list()).find((r) => r.npwpd === messy(key).npwpd);
  const detail = (key: string) => officer.call('contacts.detail', { npwpd: messy(key).npwpd });
  const contactOf = async (key: string) => (await detail(key)).contact;
  const queue = (input: In<'contacts.queue'> = {}) => officer.call('contacts.queue', { limit: 200, ...input });
  const counts = async (input: In<'contacts.counts'> = {}) => (await officer.call('contacts.counts', input)).counts;
  const fixPhone = (key: string, phone: string, reason?: string) => officer.call('contacts.fixPhone', { npwpd: messy(key).npwpd, phone, reason });
  const tables = async () => {
    const db = t.app.ledger.db;
    return {
      contacts: await db.selectFrom('contacts').selectAll().orderBy('id').execute(),
      changes: await db.selectFrom('contact_changes').selectAll().orderBy('id').execute(),
      shared: await db.selectFrom('shared_numbers').selectAll().orderBy('phone').execute(),
    };
  };

  describe('classifying an export', () => {
    it('gives every cell of a messy export its status, E.164 number, alternates and shared flag', async () => {
      await importExport();
      const rows = await list();
      expect(rows.map((r) => ({ npwpd: r.npwpd, raw: r.phone_raw, status: r.phone_status, phone: r.phone, alternates: r.alternates, shared: r.shared_phone, email: r.email, emailStatus: r.email_status, source: r.source }))).toEqual(
        MESSY.map((m) => ({
          npwpd: m.npwpd,
          raw: m.phone,
          status: m.expected.status,
          phone: m.expected.phone,
          alternates: m.expected.alternates,
          shared: m.expected.problems.includes('shared'),
          email: m.expected.email,
          emailStatus: m.expected.emailStatus,
          source: 'export',
        })),
      );
      expect(await contactOf('landline')).toMatchObject({ landline: '+62712123456', phone: null, reach: 'none' });
      expect(await contactOf('overLong')).toMatchObject({ phoneStatus: 'invalid', phoneReason: 'cell_too_long', phone: null });
      // One owner's three NPWPD count as one user of the number: no shared flag, but the officer sees the other two.
      expect((await contactOf('ownerA')).shared).toBeNull();
      expect((await detail('ownerA')).sharedWith.map((s) => s.npwpd)).toEqual([messy('ownerB').npwpd, messy('ownerC').npwpd]);
      expect((await detail('consultantA')).sharedWith.map((s) => s.name).sort()).toEqual(['Rumah Makan Sri Melayu', 'Toko Makmur Jaya']);
    });

    it('the summary counts what the list shows', async () => {
      await importExport();
      const s = await officer.call('contacts.summary', {});
      const mobiles = MESSY.filter((m) => m.expected.phone !== null);
      expect(s).toMatchObject({
        taxpayers: MESSY.length,
        phone: countBy(PHONE_STATUSES, (status) => MESSY.filter((m) => m.expected.status === status).length),
        email: countBy(EMAIL_STATUSES, (status) => MESSY.filter((m) => m.expected.emailStatus === status).length),
        sharedNumbers: { flagged: 1, office: 0, shared: 0, threshold: 3 },
        problems: countBy(CONTACT_PROBLEMS, (p) => withProblem(p).length),
        reach: { whatsapp: mobiles.length, sms: 0, none: MESSY.length - mobiles.length, total: MESSY.length },
      });
      const unpaid = sum(MESSY.map((m) => m.principal));
      const reachable = sum(mobiles.map((m) => m.principal));
      expect(s.principalShare.whatsapp).toBeCloseTo(reachable / unpaid, 4);
    });
  });

  describe("an officer's fix", () => {
    it('survives a re-import of the same export, and becomes a conflict when a later export changes that cell', async () => {
      await importExport();
      const fixed = await fixPhone('tooShort', '0813-5555-6666', 'ditelepon, nomor benar');
      expect(fixed.contact).toMatchObject({ phone: '+6281355556666', phoneStatus: 'valid', phoneSource: 'officer', reach: 'whatsapp', problems: [] });

      await importExport();
      expect(await contactOf('tooShort')).toMatchObject({ phone: '+6281355556666', phoneSource: 'officer', phoneConflict: null, problems: [] });
      expect((await queue({ problem: 'conflict' })).total).toBe(0);

      t.clock.advance(LATER);
      await importExport({ tooShort: { phone: '0813-7777-1212' } });
      const conflicts = await queue({ problem: 'conflict' });
      expect(npwpds(conflicts.rows)).toEqual([messy('tooShort').npwpd]);
      expect((await counts()).conflict).toBe(1);
      const inConflict = await contactOf('tooShort');
      expect(inConflict).toMatchObject({ phone: '+6281355556666', phoneSource: 'officer', phoneConflict: { raw: '0813-7777-1212', at: t.clock.now().toISOString() }, reach: 'whatsapp' });
      expect(inConflict.problems).toEqual(['conflict']);

      const resolved = await officer.call('contacts.resolveConflict', { npwpd: messy('tooShort').npwpd, field: 'phone', keep: 'export' });
      expect(resolved.contact).toMatchObject({ phone: '+6281377771212', phoneStatus: 'valid', phoneSource: 'export', phoneConflict: null, problems: [] });
      expect((await counts()).conflict).toBe(0);
      expect((await listed('tooShort'))?.phone).toBe('+6281377771212');
    });

    it("keeping the officer's number settles the conflict for good: the same later export raises none again", async () => {
      await importExport();
      await fixPhone('dash', '0813-5555-6666', 'dari kunjungan lapangan');
      await importExport({ dash: { phone: '0813-7777-1212' } });
      const kept = await officer.call('contacts.resolveConflict', { npwpd: messy('dash').npwpd, field: 'phone', keep: 'officer' });
      expect(kept.contact).toMatchObject({ phone: '+6281355556666', phoneSource: 'officer', phoneConflict: null, problems: [] });

      await importExport({ dash: { phone: '0813-7777-1212' } });
      expect(await contactOf('dash')).toMatchObject({ phone: '+6281355556666', phoneSource: 'officer', phoneConflict: null, problems: [] });
      expect((await counts()).conflict).toBe(0);
      await expect(officer.call('contacts.resolveConflict', { npwpd: messy('dash').npwpd, field: 'phone', keep: 'export' })).rejects.toMatchObject({ code: 'CONTACT_NO_CONFLICT' });
    });

    it("an email fix is kept over the export's cell until the export changes it, then the officer chooses", async () => {
      await importExport();
      const fixed = await officer.call('contacts.fixEmail', { npwpd: messy('bracketed').npwpd, email: ' Uli@Example.com ', reason: 'kartu nama' });
      expect(fixed.contact).toMatchObject({ email: 'uli@example.com', emailStatus: 'valid', emailSource: 'officer', problems: [] });
      await importExport();
      expect(await contactOf('bracketed')).toMatchObject({ email: 'uli@example.com', emailConflict: null });

      await importExport({ bracketed: { email: 'kopi.uli@example.com' } });
      expect(await contactOf('bracketed')).toMatchObject({ email: 'uli@example.com', emailConflict: { raw: 'kopi.uli@example.com' }, problems: ['conflict'] });
      const resolved = await officer.call('contacts.resolveConflict', { npwpd: messy('bracketed').npwpd, field: 'email', keep: 'export' });
      expect(resolved.contact).toMatchObject({ email: 'kopi.uli@example.com', emailSource: 'export', emailConflict: null, problems: [] });
    });

    it("raises no conflict when a later export adopts the officer's number (SIMPADA fixed the cell from the corrections workbook)", async () => {
      await importExport();
      await fixPhone('tooShort', '0813-5555-6666', 'ditelepon, nomor benar');
      await importExport({ tooShort: { phone: '081355556666' } });
      const contact = await contactOf('tooShort');
      expect(contact).toMatchObject({ phone: '+6281355556666', phoneConflict: null });
      expect(contact.problems).toEqual([]);
    });

    it('a new fix while a conflict is pending settles it: the taxpayer leaves the conflict queue', async () => {
      await importExport();
      await fixPhone('dash', '0813-5555-6666');
      await importExport({ dash: { phone: '0813-7777-1212' } });
      const refixed = await fixPhone('dash', '0813-9999-0000', 'ditelepon lagi');
      expect(refixed.contact).toMatchObject({ phone: '+6281399990000', phoneConflict: null });
      // The conflict is gone from the contact, so it must be gone from the queue: otherwise it
      // sits there for ever (resolveConflict now answers "no conflict").
      expect(refixed.contact.problems).not.toContain('conflict');
      expect((await queue({ problem: 'conflict' })).total).toBe(0);
    });
  });

  describe('bad input changes nothing', () => {
    const OVER_LONG = '0812-3456-7890 '.repeat(20);

    it.each([
      { what: 'letters', field: 'phone', value: 'abc', code: 'CONTACT_PHONE_UNPARSEABLE' },
      { what: 'too few digits', field: 'phone', value: '123', code: 'CONTACT_PHONE_UNPARSEABLE' },
      { what: 'a placeholder', field: 'phone', value: 'Tidak Ada', code: 'CONTACT_PHONE_UNPARSEABLE' },
      { what: `${OVER_LONG.length} characters`, field: 'phone', value: OVER_LONG, code: 'CONTACT_VALUE_TOO_LONG', names: String(OVER_LONG.length) },
      { what: 'an address without a domain', field: 'email', value: 'budi@', code: 'CONTACT_EMAIL_INVALID' },
      { what: 'a word', field: 'email', value: 'Tidak Ada', code: 'CONTACT_EMAIL_INVALID' },
      { what: `${OVER_LONG.length} characters`, field: 'email', value: `${'a'.repeat(OVER_LONG.length - 12)}@example.com`, code: 'CONTACT_VALUE_TOO_LONG', names: String(OVER_LONG.length) },
    ])('a $field of $what is refused with $code', async ({ field, value, code, names }) => {
      await importExport();
      const before = await tables();
      const auditBefore = await t.app.ledger.db.selectFrom('audit_log').selectAll().execute();
      const call =
        field === 'phone'
          ? officer.call('contacts.fixPhone', { npwpd: messy('plain').npwpd, phone: value, reason: 'coba' })
          : officer.call('contacts.fixEmail', { npwpd: messy('plain').npwpd, email: value, reason: 'coba' });
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code });
      expect((error as Error).message).toContain(names ?? `"${value}"`);
      expect(await tables()).toEqual(before);
      expect(await t.app.ledger.db.selectFrom('audit_log').selectAll().execute()).toEqual(auditBefore);
    });

    it.each(['0809 8999 9', '0800 1234 567'])("explains why %s cannot be used in words, not with the parser's internal code", async (typed) => {
      await importExport();
      const error = await fixPhone('plain', typed).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error?.code).toBe('CONTACT_PHONE_UNPARSEABLE');
      expect(error?.message).toContain(typed);
      expect(error?.message).not.toMatch(/invalid_number|not_mobile_or_landline|digits_lost/);
    });

    it('an unknown taxpayer is named', async () => {
      await importExport();
      await expect(officer.call('contacts.fixPhone', { npwpd: 'P.2.9999999.16.02', phone: '081234567890' })).rejects.toMatchObject({
        code: 'CONTACT_NOT_FOUND',
        message: expect.stringContaining('P.2.9999999.16.02'),
      });
    });
  });

  describe('shared numbers', () => {
    const consultants = withProblem('shared');
    const theirPrincipal = sum(consultants.map((m) => m.principal));

    it("marking the consultant's number as the office's takes exactly its taxpayers and their unpaid principal out of reach", async () => {
      await importExport();
      const before = await officer.call('contacts.reachability', {});
      const kayuagungBefore = before.byKecamatan.find((g) => g.key === 'Kayuagung');

      const marked = await officer.call('contacts.markShared', { phone: CONSULTANT.typed, as: 'office', note: 'konsultan pajak' });
      expect(marked).toEqual({ phone: CONSULTANT.e164, marking: 'office', taxpayers: 3, reachChanged: 3 });
      const after = await officer.call('contacts.reachability', {});
      expect(after.taxpayers).toEqual({ ...before.taxpayers, whatsapp: before.taxpayers.whatsapp - 3, none: before.taxpayers.none + 3 });
      expect(after.principal).toEqual({ ...before.principal, whatsapp: before.principal.whatsapp - theirPrincipal, none: before.principal.none + theirPrincipal });
      const inKayuagung = consultants.filter((m) => m.kecamatan === 'Kayuagung');
      expect(after.byKecamatan.find((g) => g.key === 'Kayuagung')?.taxpayers.whatsapp).toBe((kayuagungBefore?.taxpayers.whatsapp ?? 0) - inKayuagung.length);
      const summary = await officer.call('contacts.summary', {});
      expect(summary.reach).toEqual(after.taxpayers);
      expect(summary.sharedNumbers).toMatchObject({ flagged: 0, office: 1 });
      expect((await queue({ problem: 'shared' })).total).toBe(0);
      expect(await contactOf('consultantB')).toMatchObject({ reach: 'none', shared: { count: 3, marking: 'office' } });
      expect((await listed('consultantB'))?.shared_marking).toBe('office');

      const shared = await officer.call('contacts.markShared', { phone: CONSULTANT.e164, as: 'shared' });
      expect(shared).toMatchObject({ marking: 'shared', reachChanged: 3 });
      expect(await officer.call('contacts.reachability', {})).toEqual(before);
      expect((await queue({ problem: 'shared' })).total).toBe(0);
      expect((await counts()).shared).toBe(0);

      await officer.call('contacts.markShared', { phone: '+62 811-7777-8888', as: 'none' });
      expect(npwpds((await queue({ problem: 'shared' })).rows)).toEqual(npwpds(consultants));
      expect(await officer.call('contacts.reachability', {})).toEqual(before);
      const unmarked = await officer.call('contacts.sharedNumbers', {});
      expect(unmarked.numbers).toMatchObject([{ phone: CONSULTANT.e164, taxpayers: 3, marking: null }]);
    });

    it("a verdict on one owner's number (three NPWPD, one name) does not make it a shared number", async () => {
      await importExport();
      await officer.call('contacts.markShared', { phone: ONE_OWNER.typed, as: 'shared' });
      expect((await list()).filter((r) => r.shared_phone).map((r) => r.npwpd)).toEqual(npwpds(consultants));
      await officer.call('contacts.markShared', { phone: ONE_OWNER.typed, as: 'none' });
      expect(npwpds((await queue({ problem: 'shared' })).rows)).toEqual(npwpds(consultants));
      expect((await officer.call('contacts.summary', {})).sharedNumbers.flagged).toBe(1);
    });

    it("a later export's new client of an office number is not reachable either", async () => {
      await importExport();
      await officer.call('contacts.markShared', { phone: CONSULTANT.typed, as: 'office' });
      await importExport({ plain: { phone: '0811 7777 8888' } });
      expect(await contactOf('plain')).toMatchObject({ phone: CONSULTANT.e164, reach: 'none', shared: { count: 4, marking: 'office' } });
    });

    it('refuses to mark a number nobody uses, or no number at all', async () => {
      await importExport();
      await expect(officer.call('contacts.markShared', { phone: '0812-9999-9999', as: 'office' })).rejects.toMatchObject({ code: 'CONTACT_NUMBER_UNKNOWN' });
      await expect(officer.call('contacts.markShared', { phone: 'kantor', as: 'office' })).rejects.toMatchObject({ code: 'CONTACT_PHONE_UNPARSEABLE' });
    });

    it('raising the threshold un-flags a number used by 3; lowering it to 2 flags a pair, never one owner', async () => {
      await importExport();
      expect(npwpds((await queue({ problem: 'shared' })).rows)).toEqual(npwpds(consultants));

      await admin.call('settings.update', { changes: { sharedNumberThreshold: 4 } });
      expect((await list()).filter((r) => r.shared_phone)).toEqual([]);
      expect((await queue({ problem: 'shared' })).total).toBe(0);
      expect((await officer.call('contacts.summary', {})).sharedNumbers).toEqual({ flagged: 0, office: 0, shared: 0, threshold: 4 });
      expect((await officer.call('contacts.sharedNumbers', {})).numbers).toEqual([]);
      expect((await contactOf('consultantA')).problems).toEqual([]);

      await admin.call('settings.update', { changes: { sharedNumberThreshold: 2 } });
      const pair = MESSY.filter((m) => m.expected.phone === PAIR.e164);
      expect(npwpds((await queue({ problem: 'shared' })).rows)).toEqual(npwpds([...consultants, ...pair]));
      expect(npwpds((await list()).filter((r) => r.shared_phone))).toEqual(npwpds([...consultants, ...pair]));
      expect((await contactOf('ownerA')).problems).toEqual([]);
    });
  });

  describe('choosing the primary number', () => {
    it('a two-number cell asks the officer; the chosen second number becomes the one reminders use', async () => {
      await importExport();
      const before = await contactOf('twoNumbers');
      expect(before.problems).toEqual(['several']);
      const chosen = await officer.call('contacts.choosePrimary', { taxpayerIds: [before.taxpayerId], phone: '+6281333334444' });
      expect(chosen.updated).toBe(1);
      expect(await contactOf('twoNumbers')).toMatchObject({ phone: '+6281333334444', waPhone: '+6281333334444', alternates: ['+6281211112222'], primaryConfirmed: true, problems: [] });
      expect((await listed('twoNumbers'))?.phone).toBe('+6281333334444');
      expect(npwpds((await queue({ problem: 'several' })).rows)).toEqual([messy('twoNumbersHotel').npwpd]);

      await importExport();
      expect((await contactOf('twoNumbers')).phone).toBe('+6281333334444');
    });

    it('confirming many at once clears "several" for all of them, keeping their first numbers', async () => {
      await importExport();
      const ids = await Promise.all(['twoNumbers', 'twoNumbersHotel'].map(async (k) => (await contactOf(k)).taxpayerId));
      expect((await officer.call('contacts.choosePrimary', { taxpayerIds: ids })).updated).toBe(2);
      expect((await counts()).several).toBe(0);
      expect((await queue({ problem: 'several' })).rows).toEqual([]);
      expect((await contactOf('twoNumbersHotel')).phone).toBe('+6282122223333');
    });

    it('refuses a number that is not in the cell, and changes nothing', async () => {
      await importExport();
      const { taxpayerId } = await contactOf('twoNumbers');
      const before = await tables();
      await expect(officer.call('contacts.choosePrimary', { taxpayerIds: [taxpayerId], phone: '+6281299998888' })).rejects.toMatchObject({
        code: 'CONTACT_NOT_A_CANDIDATE',
        message: expect.stringContaining('+6281299998888'),
      });
      await expect(officer.call('contacts.choosePrimary', { taxpayerIds: [taxpayerId], phone: '+62712123456' })).rejects.toMatchObject({ code: 'CONTACT_NOT_A_CANDIDATE' });
      expect(await tables()).toEqual(before);
    });
  });

  describe('delivery feedback', () => {
    it('moves WhatsApp or the primary to the next mobile, falls back to SMS or invalid, and keeps that through a re-import', async () => {
      await importExport();
      t.clock.advance(LATER);

      expect(await deliver('+6281211112222', 'not_on_whatsapp')).toBe(1);
      expect(await contactOf('twoNumbers')).toMatchObject({ phone: '+6281211112222', waPhone: '+6281333334444', reach: 'whatsapp', phoneSource: 'delivery' });
      expect((await contactOf('twoNumbers')).problems).not.toContain('no_whatsapp');

      await deliver('+6281234567890', 'not_on_whatsapp');
      const plain = await detail('plain');
      expect(plain.contact).toMatchObject({ phone: '+6281234567890', waPhone: null, reach: 'sms', phoneSource: 'delivery', problems: ['no_whatsapp'] });
      expect(plain.history[0]).toMatchObject({ source: 'delivery', actor: 'gateway', field: 'whatsapp', oldValue: '+6281234567890', newValue: null, reason: 'gateway: not_on_whatsapp' });

      await deliver('+6282122223333', 'invalid_number');
      expect(await contactOf('twoNumbersHotel')).toMatchObject({ phone: '+6282244445555', waPhone: '+6282244445555', phoneStatus: 'valid', reach: 'whatsapp' });
      expect((await detail('twoNumbersHotel')).history[0]).toMatchObject({ source: 'delivery', field: 'phone', oldValue: '+6282122223333', newValue: '+6282244445555' });

      await deliver('+6281234567891', 'invalid_number');
      expect(await contactOf('dashed')).toMatchObject({ phone: null, phoneStatus: 'invalid', reach: 'none', problems: ['invalid'] });
      expect((await officer.call('contacts.reachability', {})).taxpayers.sms).toBe(1);

      const reported = ['twoNumbers', 'plain', 'twoNumbersHotel', 'dashed'];
      const before = await Promise.all(reported.map(contactOf));
      t.clock.advance(LATER);
      await importExport();
      expect(await Promise.all(reported.map(contactOf))).toEqual(before);

      await importExport({ plain: { phone: '0813-1234-0000' }, dashed: { phone: '0812-3456-7891 / 0813-2222-1111' } });
      expect(await contactOf('plain')).toMatchObject({ phone: '+6281312340000', waPhone: '+6281312340000', reach: 'whatsapp', phoneSource: 'export', problems: [] });
      expect(await contactOf('dashed')).toMatchObject({ phone: '+6281234567891', phoneStatus: 'valid', phoneSource: 'export' });
    });

    it('a delivered message verifies the contact as of then', async () => {
      await importExport();
      t.clock.advance(LATER);
      await t.app.ledger.db.transaction().execute((trx) => recordDelivered(trx, '+6281333334444', t.clock.now()));
      expect((await contactOf('twoNumbers')).verifiedAt).toBeNull();
      await t.app.ledger.db.transaction().execute((trx) => recordDelivered(trx, CONSULTANT.e164, t.clock.now()));
      for (const key of ['consultantA', 'consultantB', 'consultantC']) expect((await contactOf(key)).verifiedAt).toBe(t.clock.now().toISOString());
      expect((await contactOf('plain')).verifiedAt).toBeNull();
    });

    it('a number every taxpayer of it lost is reported once per taxpayer', async () => {
      await importExport();
      expect(await deliver(CONSULTANT.e164, 'not_on_whatsapp')).toBe(3);
      expect(await deliver(CONSULTANT.e164, 'not_on_whatsapp')).toBe(0);
      for (const key of ['consultantA', 'consultantB', 'consultantC']) expect(await contactOf(key)).toMatchObject({ waPhone: null, reach: 'sms' });
    });
  });

  describe('the corrections workbook', () => {
    it('lists every correction by officers and gateways with NPWPD, name, field, old, new, who, when and why', async () => {
      await importExport();
            await fixPhone('tooShort', '0813-5555-6666', 'ditelepon, nomor benar');
      await officer.call('contacts.fixEmail', { npwpd: messy('bracketed').npwpd, email: 'uli@example.com', reason: 'kartu nama' });
      await deliver('+6281234567890', 'not_on_whatsapp');
      await fixPhone('dash', '0813-5555-7777');
      await importExport({ dash: { phone: '0813-7777-1212' } });

      const out = await officer.call('contacts.exportCorrections', {});
      expect(out.rows).toBe(4);
      const workbook = new ExcelJS.Workbook();
      // ExcelJS declares its own Buffer type, which Node's Buffer no longer matches.
      await workbook.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(values(1)).toEqual(['NPWPD', 'Nama WP', 'Kolom', 'Nilai lama', 'Nilai baru', 'Oleh', 'Sumber', 'Waktu', 'Alasan']);
      expect(sheet.rowCount).toBe(5);
      const wib = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000);
      const at = wib(t.clock.now().toISOString());
      expect(values(2)).toEqual([messy('tooShort').npwpd, messy('tooShort').name, 'No HP', '0812345', '+6281355556666', 'officer', 'Petugas', at, 'ditelepon, nomor benar']);
      expect(values(3)).toEqual([messy('bracketed').npwpd, messy('bracketed').name, 'Email', 'bukan email', 'uli@example.com', 'officer', 'Petugas', at, 'kartu nama']);
      expect(values(4)).toEqual([messy('plain').npwpd, messy('plain').name, 'WhatsApp', '+6281234567890', '', 'gateway', 'Laporan gateway', at, 'gateway: not_on_whatsapp']);
      expect(values(5)?.slice(0, 6)).toEqual([messy('dash').npwpd, messy('dash').name, 'No HP', '-', '+6281355557777', 'officer']);
    });
  });

  describe('undo', () => {
    it("undoing the import that created the taxpayers removes their contacts; undoing a later one restores each contact it changed", async () => {
      const first = await importExport();
      const before = await list();
      const plainBefore = await contactOf('plain');
      const tablesBefore = await tables();

      t.clock.advance(LATER);
      const later = await importExport({ plain: { phone: CONSULTANT.typed }, dashed: { email: 'rm.sederhana@example.com' }, landline: { phone: '0813-4444-5555' } });
      expect(await contactOf('plain')).toMatchObject({ phone: CONSULTANT.e164, shared: { count: 4, marking: null } });
      expect((await listed('landline'))?.phone_status).toBe('valid');

      await undo(later.runId);
      expect(await list()).toEqual(before);
      expect(await contactOf('plain')).toEqual(plainBefore);
      expect((await contactOf('consultantA')).shared).toEqual({ count: 3, marking: null });
      const restored = await tables();
      expect(restored.shared).toEqual(tablesBefore.shared);
      expect(restored.contacts.map(({ updated_at: _u, ...c }) => c)).toEqual(tablesBefore.contacts.map(({ updated_at: _u, ...c }) => c));

      await undo(first.runId);
      expect(await list()).toEqual([]);
      expect(await tables()).toEqual({ contacts: [], changes: [], shared: [] });
      expect((await officer.call('contacts.summary', {})).taxpayers).toBe(0);
    });

    it("undoing an export that replaced a gateway's report brings the report back", async () => {
      await importExport();
      await deliver('+6281234567890', 'not_on_whatsapp');
      const reported = await contactOf('plain');
      expect(reported).toMatchObject({ waPhone: null, reach: 'sms' });
      t.clock.advance(LATER);
      const later = await importExport({ plain: { phone: '0813-1234-0000' } });
      expect((await contactOf('plain')).reach).toBe('whatsapp');

      await undo(later.runId);
      expect(await contactOf('plain')).toEqual(reported);
    });

    it("undoing an export that conflicted with an officer's fix brings back the fix without a conflict", async () => {
      await importExport();
      await fixPhone('dash', '0813-5555-6666', 'dari kunjungan lapangan');
      const fixed = await contactOf('dash');
      t.clock.advance(LATER);
      const later = await importExport({ dash: { phone: '0813-7777-1212' } });
      expect((await contactOf('dash')).problems).toEqual(['conflict']);

      await undo(later.runId);
      expect(await contactOf('dash')).toEqual(fixed);
      expect((await counts()).conflict).toBe(0);
    });
  });

  describe('the review queue', () => {
    it('each problem filter returns exactly the taxpayers with that problem, and the counts agree', async () => {
      await importExport();
      const all = await counts();
      for (const problem of CONTACT_PROBLEMS) {
        const page = await queue({ problem });
        expect({ problem, npwpds: npwpds(page.rows) }).toEqual({ problem, npwpds: npwpds(withProblem(problem)) });
        expect(page.total).toBe(withProblem(problem).length);
        expect(all[problem]).toBe(page.total);
        for (const row of page.rows) expect(row.problems).toContain(problem);
      }
      const any = await queue();
      expect(npwpds(any.rows)).toEqual(npwpds(MESSY.filter((m) => m.expected.problems.length > 0)));
      for (const row of any.rows) expect(row.problems).toEqual(MESSY.find((m) => m.npwpd === row.npwpd)?.expected.problems);
    });

    it('filters by kecamatan and by tax type, alone and with a problem', async () => {
      await importExport();
      const inTanjungLubuk = MESSY.filter((m) => m.kecamatan === 'Tanjung Lubuk');
      const hotels = MESSY.filter((m) => m.taxType === 'PBJT_HOTEL');
      expect(npwpds((await queue({ kecamatan: 'Tanjung Lubuk' })).rows)).toEqual(npwpds(inTanjungLubuk.filter((m) => m.expected.problems.length > 0)));
      expect(npwpds((await queue({ taxType: 'PBJT_HOTEL' })).rows)).toEqual(npwpds(hotels.filter((m) => m.expected.problems.length > 0)));
      expect(npwpds((await queue({ problem: 'missing', kecamatan: 'Tanjung Lubuk' })).rows)).toEqual(npwpds(inTanjungLubuk.filter((m) => m.expected.problems.includes('missing'))));
      expect(npwpds((await queue({ problem: 'shared', taxType: 'PBJT_MAKMIN' })).rows)).toEqual(npwpds(withProblem('shared').filter((m) => m.taxType === 'PBJT_MAKMIN')));
      expect(await counts({ kecamatan: 'Tanjung Lubuk' })).toEqual(countBy(CONTACT_PROBLEMS, (p) => inTanjungLubuk.filter((m) => m.expected.problems.includes(p)).length));
      expect(await counts({ taxType: 'PBJT_HOTEL' })).toEqual(countBy(CONTACT_PROBLEMS, (p) => hotels.filter((m) => m.expected.problems.includes(p)).length));
      expect((await queue({ kecamatan: 'Lempuing' })).total).toBe(0);
    });

    it('pages through the queue in taxpayer order', async () => {
      await importExport();
      const all = (await queue()).rows.map((r) => r.taxpayerId);
      const first = await queue({ limit: 5 });
      const second = await queue({ limit: 5, offset: 5 });
      expect([...first.rows, ...second.rows].map((r) => r.taxpayerId)).toEqual(all.slice(0, 10));
      expect(first.total).toBe(all.length);
      expect(all).toEqual([...all].sort((a, b) => a - b));
    });

    it("shows each taxpayer's unpaid bills and principal, never a paid bill", async () => {
      await importExport();
      const row = (await queue({ problem: 'shared' })).rows.find((r) => r.npwpd === messy(PAID_BILL.key).npwpd);
      expect(row).toMatchObject({ unpaidBills: 1, unpaidPrincipal: messy(PAID_BILL.key).principal });
    });
  });
});
