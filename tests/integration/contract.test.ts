import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/server/index.js';
import { contract, procedureNames } from '../../shared/api/index.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { testEngines } from '../support/engines.js';
import { HttpClient } from '../support/http.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

/**
 * The procedures anyone may call before signing in. Adding a procedure here is a security
 * decision; a public procedure not listed makes this test fail.
 */
const PUBLIC = new Set(['auth.state', 'auth.setup', 'auth.login']);

describe.each(testEngines())('API contract on %s', (engine) => {
  let t: TestApp;
  let server: RunningServer;
  const byRole = {} as Record<Role, HttpClient>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    server = await startServer(t.app, { port: 0 });
    for (const role of ROLES) await signIn(role);
  });

  async function signIn(role: Role) {
    byRole[role] = new HttpClient(server.url);
    const res = await byRole[role].call('auth.login', { username: role, password: `rahasia-${role}` });
    expect(res.status).toBe(200);
  }
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('declares only the listed procedures public', () => {
    const publicOnes = procedureNames.filter((n) => contract[n].roles === 'public');
    expect(new Set(publicOnes)).toEqual(PUBLIC);
  });

  it.each(procedureNames.filter((n) => !PUBLIC.has(n)))('%s refuses a caller with no session', async (name) => {
    const res = await new HttpClient(server.url).call(name, {});
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHENTICATED');
  });

  it.each(procedureNames.filter((n) => !PUBLIC.has(n)))('%s refuses every role it does not name, and lets its roles through', async (name) => {
    const allowed = contract[name].roles as readonly Role[];
    for (const role of ROLES) {
      const res = await byRole[role].call(name, {});
      if (allowed.includes(role)) {
        expect([401, 403], `${role} should pass the role check of ${name}`).not.toContain(res.status);
        if (name === 'auth.logout') await signIn(role);
      } else {
        expect(res.status, `${role} must not reach ${name}`).toBe(403);
        expect(res.json.error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a malformed body with one clear message and changes nothing', async () => {
    const before = await byRole.admin.call('audit.list', { limit: 1 });
    const client = byRole.admin;
    const broken = await client.post('/api/users.add', null, { raw: '{"username": "x",' });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('BAD_JSON');
    expect(broken.json.error.message_id).toMatch(/bukan JSON/);
    const wrongType = await client.call('users.add', { username: 'x y z', role: 'officer', password: 'panjang-sekali' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.code).toBe('INVALID_INPUT');
    expect(wrongType.json.error.params.field).toBe('username');
    const unknown = await client.call('nothing.here', {});
    expect(unknown.status).toBe(404);
    const after = await byRole.admin.call('audit.list', { limit: 1 });
    expect(after.json.total).toBe(before.json.total);
  });
});
