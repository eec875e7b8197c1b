import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { PartnerClient } from '../../main/payments/partner-api/partner-client.js';
import { workerInput } from '../../main/platform/worker.js';

export interface ClientWorkerInput {
  url: string;
  partnerId: string;
  secret: string;
  concurrency: number;
  targets: { code: string; amount: number }[];
}

export interface ClientWorkerResult {
  times: number[];
  answers: [string, number][];
  seconds: number;
}

/**
 * The bank's side of partner-api.bench.ts on its own thread, as a bank is its own machine: the
 * server's event loop then carries only the server's work, and the latency measured is what
 * the bank waits for.
 */
const input = workerInput<ClientWorkerInput>(workerData);

async function main(): Promise<ClientWorkerResult> {
  const client = new PartnerClient(input.url, input.partnerId, input.secret);
  const times: number[] = [];
  const answers = new Map<string, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      while (next < input.targets.length) {
        const i = next++;
        const { code, amount } = input.targets[i] as { code: string; amount: number };
        const start = performance.now();
        const answer = await client.v1('/v1/payment', {
          partner_id: input.partnerId,
          request_id: `BENCH-${i}`,
          partner_ref_number: `BENCH-REF-${i}`,
          tax_id: code,
          amount_paid: amount,
          payment_date: new Date().toISOString(),
        });
        times.push(performance.now() - start);
        const key = `${answer.status}/${String(answer.json.status_code)}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
      }
    }),
  );
  return { times, answers: [...answers], seconds: (performance.now() - t0) / 1000 };
}

main().then(
  (result) => parentPort?.postMessage(result),
  (err: unknown) => parentPort?.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
);
