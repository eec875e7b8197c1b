import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { testEngines } from '../support/engines.js';
import { seedOutbox } from '../support/outbox-fixture.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Twenty messages (P.TEST.0 … P.TEST.19, numbers +62813000000001 … +62813000000191), reshaped so
 * every filter has something to keep and something to drop:
 *   i % 4 == 0 → stage H-3 on SMS; i % 5 == 0 → planned 2026-11-20; i < 6 → failed,
 *   with code 131026 for even i and 130429 for odd i.
 */
describe.each(testEngines())('outbox search and summary in the database (%s)', (engine) => {
  let t: TestApp;
  let officer: TestClient;
  let ids: number[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    ids = await seedOutbox(t.app.ledger.db, 20);
    const db = t.app.ledger.db;
    for (const [i, id] of ids.entries()) {
      await db
        .updateTable('outbox')
        .set({
          updated_at: '2026-11-23T02:00:00.000Z',
          ...(i % 4 === 0 ? { stage: 'H-3', channel: 'sms' as const } : {}),
          ...(i % 5 === 0 ? { plan_date: '2026-11-20' } : {}),
          ...(i < 6 ? { state: 'failed' as const, error_code: i % 2 === 0 ? '131026' : '130429' } : {}),
        })
        .where('id', '=', id)
        .execute();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const npwpdsOf = (page: { messages: { npwpd: string | null }[] }) => page.messages.map((m) => m.npwpd);

  it('finds a message by part of its number typed the national way, with spaces and dashes', async () => {
    const page = await officer.call('messages.list', { search: '0813-0000 0007', limit: 50 });
    expect(npwpdsOf(page)).toEqual(['P.TEST.7']);
    expect((await officer.call('messages.list', { search: '+62 813 000000 07', limit: 50 })).messages.map((m) => m.recipient)).toEqual(['+62813000000071']);
  });

  it('finds a number by the digits someone remembers from its end', async () => {
    expect((await officer.call('messages.list', { search: '3000000121', limit: 50 })).messages.map((m) => m.recipient)).toEqual(['+62813000000121']);
  });

  it('finds NPWPD fragments whatever their case', async () => {
    const page = await officer.call('messages.list', { search: 'p.test.1', limit: 50 });
    expect(npwpdsOf(page)).toEqual(['P.TEST.1', ...Array.from({ length: 10 }, (_, k) => `P.TEST.${10 + k}`)]);
  });

  it('treats typed LIKE wildcards as nothing rather than as "anything"', async () => {
    expect((await officer.call('messages.list', { search: '%', limit: 50 })).messages).toHaveLength(20);
    expect((await officer.call('messages.list', { search: 'TEST_1', limit: 50 })).messages).toHaveLength(0);
  });

  it('combines stage, channel, state and plan-date filters', async () => {
    const h3 = await officer.call('messages.list', { stage: 'H-3', channel: 'sms', limit: 50 });
    expect(npwpdsOf(h3)).toEqual(['P.TEST.0', 'P.TEST.4', 'P.TEST.8', 'P.TEST.12', 'P.TEST.16']);
    const earlier = await officer.call('messages.list', { from: '2026-11-19', to: '2026-11-21', state: 'failed', limit: 50 });
    expect(npwpdsOf(earlier)).toEqual(['P.TEST.0', 'P.TEST.5']);
    expect((await officer.call('messages.list', { from: '2026-11-21', stage: 'H-7', channel: 'whatsapp', state: 'queued', limit: 50 })).messages).toHaveLength(9);
  });

  it('pages newest first by beforeId and oldest first by afterId, without a gap or a repeat', async () => {
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await officer.call('messages.list', { order: 'newest', limit: 6, ...(beforeId === undefined ? {} : { beforeId }) });
      seen.push(...page.messages.map((m) => m.id));
      if (page.nextBeforeId === null) break;
      expect(page.nextAfterId).toBeNull();
      beforeId = page.nextBeforeId;
    }
    expect(seen).toEqual([...ids].reverse());
    const first = await officer.call('messages.list', { limit: 15 });
    const rest = await officer.call('messages.list', { limit: 15, afterId: first.nextAfterId ?? -1 });
    expect([...first.messages, ...rest.messages].map((m) => m.id)).toEqual(ids);
    expect(rest.nextAfterId).toBeNull();
  });

  it('counts by state, channel and stage, and groups failures by code with the taxpayers affected', async () => {
    const summary = await officer.call('messages.summary', {});
    expect(summary).toMatchObject({ total: 20, byState: { failed: 6, queued: 14 }, byChannel: { sms: { failed: 2, queued: 3 }, whatsapp: { failed: 4, queued: 11 } } });
    expect(summary.byStage).toEqual({ 'H-3': { sms: 5 }, 'H-7': { whatsapp: 15 } });
    expect(summary.failures).toEqual([
      { code: '130429', messages: 3, taxpayers: 3, examples: [1, 3, 5].map((i) => ({ taxpayerId: expect.any(Number), name: `Warung Uji ${i}` })) },
      { code: '131026', messages: 3, taxpayers: 3, examples: [0, 2, 4].map((i) => ({ taxpayerId: expect.any(Number), name: `Warung Uji ${i}` })) },
    ]);
  });

  it('summarises under the same filters as the list', async () => {
    const summary = await officer.call('messages.summary', { channel: 'sms', from: '2026-11-21' });
    expect(summary).toMatchObject({ total: 4, byState: { failed: 1, queued: 3 } });
    expect(summary.failures).toEqual([{ code: '131026', messages: 1, taxpayers: 1, examples: [{ taxpayerId: expect.any(Number), name: 'Warung Uji 4' }] }]);
    expect((await officer.call('messages.summary', { search: '0813000000031' })).total).toBe(1);
  });

  it('filters from the command line and explains failure codes in JSON and in both languages on the terminal', async () => {
    const env = { SIPEKA_DATA_DIR: t.database.dir };
    const flags = t.database.flags;
    const list = await runCli([...flags, '--json', 'messages', 'list', '--state', 'failed', '--search', 'P.TEST', '--stage', 'H-7', '--channel', 'whatsapp', '--from', '2026-11-01', '--to', '2026-11-30', '--limit', '2'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.json().messages.map((m: { npwpd: string }) => m.npwpd)).toEqual(['P.TEST.1', 'P.TEST.2']);
    expect(list.json().messages[0]).toMatchObject({ errorCode: '130429', reason_text: { en: expect.stringContaining('rate limit') } });

    const summary = await runCli([...flags, '--json', 'messages', 'summary', '--channel', 'whatsapp'], { env });
    expect(summary.code, summary.stderr).toBe(0);
    const failures = summary.json().failures as { code: string; reason_text: { id: string; en: string } }[];
    expect(failures.map((f) => f.code)).toEqual(['130429', '131026']);
    expect(failures[1]?.reason_text.id).toContain('tidak terdaftar di WhatsApp');

    const human = await runCli([...flags, 'messages', 'summary'], { env });
    expect(human.stdout).toContain('Nomor tidak terdaftar di WhatsApp.');
    expect(human.stdout).toContain('The number is not on WhatsApp.');

    const bad = await runCli([...flags, '--json', 'messages', 'list', '--channel', 'fax'], { env });
    expect(bad.code).not.toBe(0);
    expect(bad.json().error.code).toBe('INVALID_INPUT');
  });
});
