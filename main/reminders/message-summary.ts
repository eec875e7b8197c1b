import type { Kysely } from 'kysely';
import { MESSAGE_STATES, type MessageFilters } from '../../shared/api/messages.js';
import type { Database } from '../db/schema.js';
import { filterMessages } from './message-search.js';

type StateCounts = Record<(typeof MESSAGE_STATES)[number], number>;

/** Taxpayers named per failure code; the rest are counted. */
const EXAMPLES = 5;

/**
 * The outbox counted for the monitoring screen and `sipeka messages summary`, under the same
 * filters as the list: by state, channel, stage and channel, and failures by error code with
 * the taxpayers affected. Grouped in the database, so the screen never loads messages to count.
 */
export async function summariseMessages(db: Kysely<Database>, filters: MessageFilters) {
  const outbox = () => filteredOutbox(db, filters);
  const rows = await outbox()
    .select(['outbox.channel', 'outbox.stage', 'outbox.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['outbox.channel', 'outbox.stage', 'outbox.state'])
    .execute();
  const empty = () => Object.fromEntries(MESSAGE_STATES.map((s) => [s, 0])) as StateCounts;
  const byState = empty();
  const byChannel: Record<string, StateCounts> = {};
  const byStage: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const n = Number(r.n);
    byState[r.state] += n;
    (byChannel[r.channel] ??= empty())[r.state] += n;
    const stage = (byStage[r.stage] ??= {});
    stage[r.channel] = (stage[r.channel] ?? 0) + n;
  }

  const failures = byState.failed === 0 ? [] : await failureGroups(outbox);
  const optOuts = Number((await db.selectFrom('opt_outs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  return { total, byState, byChannel, byStage, failures, optOuts, needsDecision: byState.unknown };
}

async function failureGroups(outbox: () => ReturnType<typeof filteredOutbox>) {
  const groups = await outbox()
    .where('outbox.state', '=', 'failed')
    .select(['outbox.error_code', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('outbox.taxpayer_id').distinct().as('taxpayers')])
    .groupBy('outbox.error_code')
    .execute();
  groups.sort((a, b) => Number(b.n) - Number(a.n) || String(a.error_code).localeCompare(String(b.error_code)));
  return Promise.all(
    groups.map(async (g) => {
      const examples = await outbox()
        .where('outbox.state', '=', 'failed')
        .where((eb) => (g.error_code === null ? eb('outbox.error_code', 'is', null) : eb('outbox.error_code', '=', g.error_code)))
        .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
        .select(['taxpayers.id', 'taxpayers.name'])
        .distinct()
        .orderBy('taxpayers.id')
        .limit(EXAMPLES)
        .execute();
      return { code: g.error_code, messages: Number(g.n), taxpayers: Number(g.taxpayers), examples: examples.map((e) => ({ taxpayerId: Number(e.id), name: e.name })) };
    }),
  );
}

function filteredOutbox(db: Kysely<Database>, filters: MessageFilters) {
  return filterMessages(db.selectFrom('outbox'), filters);
}
