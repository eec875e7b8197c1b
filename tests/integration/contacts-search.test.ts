import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSync } from '../../main/ledger/index.js';
import { CONSULTANT, MESSY, messy, messyBills } from '../support/contacts-fixture.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

const npwpds = (rows: readonly { npwpd: string | null }[]) => rows.map((r) => r.npwpd).sort();
const withProblems = (keys: string[]) => keys.map((k) => messy(k)).filter((m) => m.expected.problems.length > 0).map((m) => m.npwpd).sort();

describe.each(testEngines())('searching the review queue on %s', (engine) => {
  let t: TestApp;
  let officer: TestClient;

  beforeEach(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    const bills = messyBills();
    await runSync(
      t.app.ledger.db,
      { fileName: 'daftar-ketetapan.xlsx', sha256: 'messy', sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) },
      { dryRun: false, actor: 'budi', now: t.clock.now() },
    );
  });
  afterEach(async () => {
    await t.close();
  });

  const search = async (term: string, problem?: 'shared' | 'invalid') => {
    const page = await officer.call('contacts.queue', { limit: 200, search: term, ...(problem ? { problem } : {}) });
    expect(page.total).toBe(page.rows.length);
    return npwpds(page.rows);
  };

  it('finds taxpayers whose name starts with the term, in any case', async () => {
    expect(await search('hotel')).toEqual(withProblems(['landline']));
    expect(await search('Rumah Makan')).toEqual(withProblems(['consultantC']));
  });

  it('a term that starts some name does not also bring names that only contain it', async () => {
    // `Es Tebu Manis` starts with ES; many other names contain it.
    expect(await search('es')).toEqual(withProblems(['tooShort']));
  });

  it('falls back to names containing the term when no name, NPWPD or number starts with it', async () => {
    expect(await search('kayuagung')).toEqual(withProblems(['twoNumbers', 'landline']));
    expect(await search('Makmur')).toEqual(withProblems(['consultantB']));
  });

  it('finds a taxpayer by the whole NPWPD or its start, however it is typed', async () => {
    expect(await search(messy('dash').npwpd)).toEqual(withProblems(['dash']));
    const prefix = 'P.2.010001';
    const expected = MESSY.filter((m) => m.npwpd.startsWith(prefix) && m.expected.problems.length > 0).map((m) => m.npwpd).sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(await search(' p.2.010001')).toEqual(expected);
  });

  it('finds the taxpayers using a number from its start, typed nationally or with the country code', async () => {
    const consultants = withProblems(['consultantA', 'consultantB', 'consultantC']);
    expect(await search('0811-7777')).toEqual(consultants);
    expect(await search('62 811 7777 8888')).toEqual(consultants);
    expect(await search(CONSULTANT.e164.slice(0, 8))).toEqual(consultants);
    expect(await search('0811 7777', 'shared')).toEqual(consultants);
    expect(await search('0811 7777', 'invalid')).toEqual([]);
  });

  it('finds nothing for a term nothing has, and treats LIKE wildcards as plain text', async () => {
    expect(await search('Zzyzx')).toEqual([]);
    expect(await search('Hot_l')).toEqual([]);
  });
});
