import { afterEach, describe, expect, it } from 'vitest';
import { partnerForAuth } from '../../main/payments/index.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

describe.each(testEngines())('payment partners on %s', (engine) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  async function admin(): Promise<TestClient> {
    t = await createTestApp(engine);
    await seedUsers(t);
    const client = t.client();
    await client.login('admin', 'rahasia-admin');
    return client;
  }
  const auditText = async () => JSON.stringify(await t.app.ledger.db.selectFrom('audit_log').selectAll().where('action', 'like', 'partners.%').execute());
  const sealed = async (id: string) => (await t.app.ledger.db.selectFrom('partners').select('secret_sealed').where('id', '=', id).executeTakeFirstOrThrow()).secret_sealed;

  it('adds a partner, returns its secret once, stores it sealed, and never lists or audits it', async () => {
    const client = await admin();
    const { partner, secret } = await client.call('partners.add', { name: 'Bank Sumsel Babel Mobile', id: 'bsb_mobile', ipAllowlist: ['203.0.113.7', '198.51.100.0/24'], vaPrefix: '12345678' });
    expect(partner).toMatchObject({ id: 'BSB_MOBILE', ipAllowlist: ['203.0.113.7/32', '198.51.100.0/24'], vaPrefix: '12345678', active: true, createdBy: 'admin' });
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(await sealed('BSB_MOBILE')).not.toContain(secret);
    expect(JSON.stringify(await client.call('partners.list', {}))).not.toContain(secret);
    expect(await auditText()).not.toContain(secret);
    expect(await auditText()).toContain('BSB_MOBILE');
    const auth = await partnerForAuth(t.app.ledger.db, 'BSB_MOBILE', t.app.location.dataDir);
    expect(auth).toEqual({ id: 'BSB_MOBILE', active: true, secret, allowlist: ['203.0.113.7/32', '198.51.100.0/24'], vaPrefix: '12345678' });
    expect(await partnerForAuth(t.app.ledger.db, 'NOBODY', t.app.location.dataDir)).toBeNull();
  });

  it('rotates the secret: the new one works at once, the old one is gone, and its tokens end', async () => {
    const client = await admin();
    const { secret: first } = await client.call('partners.add', { name: 'GoPay', ipAllowlist: ['10.0.0.0/8'] });
    await t.app.ledger.db.insertInto('partner_tokens').values({ token_hash: 'h', partner_id: 'GOPAY', created_at: '2026-11-23T01:00:00Z', expires_at: '2026-11-23T01:15:00Z' }).execute();
    t.clock.advance(60_000);
    const { partner, secret } = await client.call('partners.rotateSecret', { id: 'gopay' });
    expect(secret).not.toBe(first);
    expect(partner.secretRotatedAt).toBe('2026-11-23T01:01:00.000Z');
    expect((await partnerForAuth(t.app.ledger.db, 'GOPAY', t.app.location.dataDir))?.secret).toBe(secret);
    expect(await t.app.ledger.db.selectFrom('partner_tokens').selectAll().execute()).toEqual([]);
    expect(await auditText()).not.toContain(secret);
  });

  it('gives each partner its own default VA prefix and id from its name', async () => {
    const client = await admin();
    const a = await client.call('partners.add', { name: 'Bank Sumsel Babel', ipAllowlist: ['10.0.0.1'] });
    const b = await client.call('partners.add', { name: 'OVO e-wallet', ipAllowlist: ['10.0.0.2'] });
    expect([a.partner.id, a.partner.vaPrefix, b.partner.id, b.partner.vaPrefix]).toEqual(['BANK_SUMSEL_BABEL', '88000001', 'OVO_E_WALLET', '88000002']);
  });

  it('disables, enables and updates a partner, each change audited', async () => {
    const client = await admin();
    await client.call('partners.add', { name: 'GoPay', ipAllowlist: ['10.0.0.0/8'] });
    expect((await client.call('partners.disable', { id: 'GOPAY' })).partner.active).toBe(false);
    expect((await partnerForAuth(t.app.ledger.db, 'GOPAY', t.app.location.dataDir))?.active).toBe(false);
    expect((await client.call('partners.enable', { id: 'GOPAY' })).partner.active).toBe(true);
    const { partner } = await client.call('partners.update', { id: 'GOPAY', name: 'GoPay Indonesia', ipAllowlist: ['2001:db8::1/32'] });
    expect(partner).toMatchObject({ name: 'GoPay Indonesia', ipAllowlist: ['2001:db8::/32'] });
    const actions = (await t.app.ledger.db.selectFrom('audit_log').select('action').where('action', 'like', 'partners.%').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['partners.add', 'partners.disable', 'partners.enable', 'partners.update']);
  });

  it('refuses a malformed address range, a taken id, the counter id, and anyone but an admin', async () => {
    const client = await admin();
    for (const cidr of ['10.1', '300.0.0.1', '10.0.0.0/33', 'bank.example', '10.0.0.0/8/1']) {
      await expect(client.call('partners.add', { name: 'X', id: 'X_BANK', ipAllowlist: [cidr] })).rejects.toMatchObject({ code: 'PARTNER_BAD_CIDR', params: { cidr } });
    }
    await client.call('partners.add', { name: 'GoPay', ipAllowlist: ['10.0.0.1'] });
    await expect(client.call('partners.add', { name: 'GoPay', ipAllowlist: ['10.0.0.1'] })).rejects.toMatchObject({ code: 'PARTNER_EXISTS' });
    await expect(client.call('partners.add', { name: 'Loket', ipAllowlist: ['10.0.0.1'] })).rejects.toMatchObject({ code: 'PARTNER_RESERVED_ID' });
    await expect(client.call('partners.rotateSecret', { id: 'NOBODY' })).rejects.toMatchObject({ code: 'PARTNER_NOT_FOUND' });
    const treasurer = t.client();
    await treasurer.login('treasurer', 'rahasia-treasurer');
    await expect(treasurer.call('partners.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
