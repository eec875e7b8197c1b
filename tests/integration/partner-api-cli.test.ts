import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PartnerClient } from '../../main/payments/partner-api/partner-client.js';
import { runCli, SIPEKA_BIN } from '../support/cli.js';
import { freshDatabases, testEngines } from '../support/engines.js';

const fresh = freshDatabases();

/** `sipeka --json serve --partner-api --port 0`, resolved once it prints its URL. */
function servePartnerApi(flags: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SIPEKA_BIN, ...flags, '--json', 'serve', '--partner-api', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        const json = JSON.parse(line) as Record<string, unknown>;
        resolve({ child, url: json.url as string, json });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe.each(testEngines())('sipeka serve --partner-api on %s', (engine) => {
  it('serves the partner API alone: a partner added on the command line is answered, the officers API is not there', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    const added = await runCli([...d.flags, '--json', 'partner', 'add', 'Bank Sumsel Babel', '--id', 'BSB_MOBILE', '--ip', '127.0.0.1', '--ip', '::1'], { env });
    expect(added.code).toBe(0);
    const { secret } = added.json() as { secret: string };

    const { child, url, json } = await servePartnerApi(d.flags, env);
    try {
      expect(json).toMatchObject({ partnerApi: true });
      const bsb = new PartnerClient(url, 'BSB_MOBILE', secret);
      expect(await bsb.v1('/v1/inquiry', { partner_id: 'BSB_MOBILE', request_id: 'R1', tax_id: '123456789' })).toEqual({ status: 200, json: { status_code: '14', message: expect.any(String) } });
      expect(await new PartnerClient(url, 'BSB_MOBILE', 'not-the-secret').v1('/v1/inquiry', { partner_id: 'BSB_MOBILE', request_id: 'R2', tax_id: '1' })).toMatchObject({ status: 401 });
      for (const path of ['/api/auth.login', '/healthz', '/']) {
        expect((await fetch(new URL(path, url), { method: path === '/' ? 'GET' : 'POST', body: path === '/' ? undefined : '{}' })).status).toBe(404);
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
