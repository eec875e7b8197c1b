import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof UserError) return err.code;
    throw err;
  }
  return 'no error';
}

describe.each(testEngines())('users, sessions and lockout on %s', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => {
    await t.close();
  });

  it('asks for the first administrator only once', async () => {
    const tab = t.client();
    expect((await tab.call('auth.state', {})).needsSetup).toBe(true);
    await tab.call('auth.setup', { username: 'admin', fullName: 'Admin', password: 'rahasia-admin' });
    expect((await tab.call('auth.state', {})).user?.role).toBe('admin');
    expect(await errorCode(t.client().call('auth.setup', { username: 'evil', fullName: 'x', password: 'rahasia-evil' }))).toBe('SETUP_DONE');
  });

  it('locks an account for 15 minutes after five wrong passwords', async () => {
    await seedUsers(t);
    const tab = t.client();
    for (let i = 0; i < 4; i += 1) expect(await errorCode(tab.login('officer', 'salah'))).toBe('WRONG_CREDENTIALS');
    expect(await errorCode(tab.login('officer', 'salah'))).toBe('ACCOUNT_LOCKED');
    expect(await errorCode(tab.login('officer', 'rahasia-officer'))).toBe('ACCOUNT_LOCKED');
    t.clock.advance(14 * 60_000);
    expect(await errorCode(tab.login('officer', 'rahasia-officer'))).toBe('ACCOUNT_LOCKED');
    t.clock.advance(61_000);
    expect((await tab.login('officer', 'rahasia-officer')).user.role).toBe('officer');
  });

  it('does not say whether a user name exists', async () => {
    await seedUsers(t);
    expect(await errorCode(t.client().login('nobody', 'rahasia'))).toBe('WRONG_CREDENTIALS');
  });

  it('ends a session after the idle time set by the administrator', async () => {
    await seedUsers(t);
    const tab = t.client();
    await tab.login('head', 'rahasia-head');
    t.clock.advance(29 * 60_000);
    await tab.call('settings.get', {});
    t.clock.advance(29 * 60_000);
    await tab.call('settings.get', {});
    t.clock.advance(31 * 60_000);
    expect(await errorCode(tab.call('settings.get', {}))).toBe('SESSION_EXPIRED');
  });

  it('disabling a user ends their sessions at once', async () => {
    await seedUsers(t);
    const admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    const officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    await admin.call('users.setActive', { username: 'officer', active: false });
    expect(await errorCode(officer.call('settings.get', {}))).toBe('SESSION_EXPIRED');
    expect(await errorCode(t.client().login('officer', 'rahasia-officer'))).toBe('ACCOUNT_DISABLED');
  });

  it('refuses to disable the last active administrator', async () => {
    await seedUsers(t);
    const admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    expect(await errorCode(admin.call('users.setActive', { username: 'admin', active: false }))).toBe('LAST_ADMIN');
  });

  it('stores passwords only as scrypt hashes', async () => {
    await seedUsers(t);
    const rows = await t.app.ledger.db.selectFrom('users').select(['password_hash']).execute();
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain('rahasia');
    }
  });

  it('writes an audit row with every change, in the same transaction', async () => {
    await seedUsers(t);
    const admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    await admin.call('settings.update', { changes: { headName: 'Drs. H. Ahmad', headNip: '196801011990031001' } });
    const { entries } = await admin.call('audit.list', { limit: 20 });
    const change = entries.find((e) => e.action === 'settings.update');
    expect(change?.actor).toBe('admin');
    expect(change?.after).toContain('Drs. H. Ahmad');
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.setup', 'users.add', 'auth.login']));
    // A failing change leaves neither the change nor its audit row behind.
    const before = (await admin.call('audit.list', { limit: 1 })).total;
    expect(await errorCode(admin.call('users.add', { username: 'officer', role: 'officer', password: 'rahasia-lagi' }))).toBe('USER_EXISTS');
    expect((await admin.call('audit.list', { limit: 1 })).total).toBe(before);
  });
});
