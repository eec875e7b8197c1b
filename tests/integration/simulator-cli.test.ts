import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIPEKA_BIN } from '../support/cli.js';

const APP_SECRET = 'rahasia-simulator-cli';

interface Delivery {
  raw: string;
  signature: string | undefined;
  body: { entry: { changes: { value: { statuses?: { id: string; status: string; biz_opaque_callback_data?: string; errors?: { code: number }[] }[] } }[] }[] };
}

/** A local stand-in for SI PEKA's webhook endpoint: it only records what arrives. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      deliveries.push({ raw, signature: req.headers['x-hub-signature-256'] as string | undefined, body: JSON.parse(raw) as Delivery['body'] });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks/whatsapp`, deliveries, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Starts `sipeka --json simulator` on a free port and resolves with the URL it prints. */
function startSimulatorProcess(args: string[], dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SIPEKA_BIN, '--json', 'simulator', '--port', '0', ...args], { env: { ...process.env, SIPEKA_DATA_DIR: dataDir } });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, url: (JSON.parse(out.split('\n')[0] as string) as { url: string }).url });
    });
    child.on('exit', (code) => reject(new Error(`simulator exited ${code}: ${err}`)));
  });
}

const statusesOf = (deliveries: Delivery[]) => deliveries.flatMap((d) => d.body.entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? [])));

describe('sipeka simulator', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('answers a WhatsApp Cloud API send with a wamid, then posts signed sent, delivered and read statuses to the webhook', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-simulator-cli-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const { child, url } = await startSimulatorProcess(['--webhook', receiver.url, '--app-secret', APP_SECRET, '--read-rate', '1', '--rate-limit', '0'], dataDir);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const send = (to: string, ref: string) =>
      fetch(`${url}/v21.0/109876543210/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer token-uji' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to,
          type: 'template',
          biz_opaque_callback_data: ref,
          template: { name: 'sipeka_pengingat', language: { code: 'id' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Warung Uji' }] }] },
        }),
      });
    const accepted = await send('6281234567891', '42');
    expect(accepted.status).toBe(200);
    const answer = (await accepted.json()) as { messaging_product: string; contacts: { wa_id: string }[]; messages: { id: string }[] };
    const wamid = answer.messages[0]?.id as string;
    expect(wamid).toMatch(/^wamid\./);

    // A number in the simulator's "not on WhatsApp" range is refused the way Meta refuses it.
    const refused = await send('6281234560000', '43');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: number } }).error.code).toBe(131026);

    await expect.poll(() => statusesOf(receiver.deliveries).map((s) => s.status), { timeout: 10_000 }).toEqual(['sent', 'delivered', 'read']);
    for (const delivery of receiver.deliveries) {
      expect(delivery.signature).toBe(`sha256=${createHmac('sha256', APP_SECRET).update(delivery.raw).digest('hex')}`);
    }
    expect(statusesOf(receiver.deliveries).every((s) => s.id === wamid && s.biz_opaque_callback_data === '42')).toBe(true);

    const recorded = (await (await fetch(`${url}/_sim/messages`)).json()) as { received: { ref: string; to: string }[]; duplicates: number };
    expect(recorded.received).toEqual([expect.objectContaining({ ref: '42', to: '6281234567891' })]);
    expect(recorded.duplicates).toBe(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
