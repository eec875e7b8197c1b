import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from './gateway.js';
import { type RunningSimulator, startSimulator } from './simulator-server.js';
import { whatsAppCloudGateway } from './whatsapp-cloud.js';

describe('WhatsApp Cloud API client against the simulator', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ accessToken: 'token-1', rateLimit: 2, seed: 1 });
  });
  afterAll(async () => simulator.close());

  const client = (overrides: { accessToken?: string; baseUrl?: string; timeoutMs?: number } = {}) =>
    whatsAppCloudGateway({ baseUrl: simulator.url, version: 'v21.0', phoneNumberId: '1234', accessToken: 'token-1', timeoutMs: 2000, lookup: true, ...overrides });
  const message = (to: string, ref = to) => ({ ref, to, channel: 'whatsapp' as const, text: 'x', template: { name: 'pengingat_pajak', language: 'id', parameters: ['Warung Uji', 'Rp 1.000.000'] } });
  const error = async (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as GatewayError);

  it('sends a template and gets a wamid; the simulator records the parameters in order', async () => {
    const receipt = await client().send(message('+6281311112222', 'r1'));
    expect(receipt.id).toMatch(/^wamid\./);
    expect(simulator.received.at(-1)).toMatchObject({ ref: 'r1', to: '6281311112222', template: 'pengingat_pajak', parameters: ['Warung Uji', 'Rp 1.000.000'] });
    expect(await client().status?.('r1')).toMatchObject({ found: true, id: receipt.id });
    expect(await client().status?.('never-sent')).toEqual({ found: false });
  });

  it('says a number is not on WhatsApp (131026) or invalid (131009): permanent', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const notOnWa = await error(client().send(message('+6281300000000')));
    expect(notOnWa).toMatchObject({ kind: 'permanent', code: '131026', numberProblem: 'not_on_whatsapp' });
    const invalid = await error(client().send(message('+621')));
    expect(invalid).toMatchObject({ kind: 'permanent', code: '131009', numberProblem: 'invalid_number' });
  });

  it('treats 130429 as transient and a wrong token as permanent', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const answers = await Promise.all([1, 2, 3, 4].map((i) => error(client().send(message(`+62813111122${20 + i}`)))));
    expect(answers.some((a) => a?.kind === 'transient' && a.code === '130429')).toBe(true);
    expect(await error(client({ accessToken: 'wrong' }).send(message('+6281311112299')))).toMatchObject({ kind: 'permanent', code: '190' });
  });

  it('retries a refused connection but not a timeout, which may have reached the gateway', async () => {
    const gone = await startSimulator();
    await gone.close();
    expect(await error(client({ baseUrl: gone.url }).send(message('+6281311112222')))).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
    const slow = await startSimulator({ latencyMs: 500 });
    try {
      const timedOut = await error(whatsAppCloudGateway({ baseUrl: slow.url, version: 'v21.0', phoneNumberId: '1', accessToken: 't', timeoutMs: 100 }).send(message('+6281311112222')));
      expect(timedOut).toBeInstanceOf(GatewayError);
      expect(timedOut).toMatchObject({ kind: 'ambiguous', code: 'TIMEOUT' });
    } finally {
      await slow.close();
    }
  });
});
