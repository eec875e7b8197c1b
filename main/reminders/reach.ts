import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { usableTemplate } from '../templates/index.js';
import { CHANNELS, type Channel, type StageRule } from './stages.js';

/** Who a reminder can reach, on which channel, and why not when it cannot. */
export const SKIP_REASONS = ['paid', 'no_contact', 'opted_out', 'office_number', 'template_not_approved'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Reminders are worded in Indonesian: the taxpayers' language, whatever the officers' screens use. */
const MESSAGE_LANGUAGE = 'id';

export type ChannelChoice = { channel: Channel; recipient: string } | { channel: Channel | null; reason: SkipReason };

/**
 * The first channel of the stage that reaches the taxpayer: a number for it that is neither
 * the office's nor opted out, and an approved template. When none does, the reason is the
 * first channel's that had a number; `no_contact` when no channel had one.
 */
export function chooseChannel(
  order: readonly Channel[],
  phones: Record<Channel, string | null>,
  blocked: ReadonlyMap<string, SkipReason>,
  hasTemplate: (channel: Channel) => boolean,
): ChannelChoice {
  let refusal: { channel: Channel; reason: SkipReason } | null = null;
  for (const channel of order) {
    const phone = phones[channel];
    if (!phone) continue;
    const block = blocked.get(phone);
    if (block) refusal ??= { channel, reason: block };
    else if (!hasTemplate(channel)) refusal ??= { channel, reason: 'template_not_approved' };
    else return { channel, recipient: phone };
  }
  return refusal ?? { channel: null, reason: 'no_contact' };
}

/** The usable template of each stage and channel. */
export async function loadTemplates(db: Kysely<Database>, rules: readonly StageRule[]): Promise<Map<string, { id: number; body: string }>> {
  const templates = new Map<string, { id: number; body: string }>();
  for (const code of new Set(rules.map((r) => r.code))) {
    for (const channel of CHANNELS) {
      const version = await usableTemplate(db, { purpose: code, channel, language: MESSAGE_LANGUAGE });
      if (version) templates.set(templateKey(code, channel), { id: version.id, body: version.body });
    }
  }
  return templates;
}

/** Numbers never messaged, and why: the office's (or a consultant's) numbers, and those that opted out. */
export async function blockedPhones(db: Kysely<Database>, among?: readonly string[]): Promise<Map<string, SkipReason>> {
  const blocked = new Map<string, SkipReason>();
  // With `among`, only those numbers are looked up: one payment's thank-you must not read every opt-out.
  const chunks = among === undefined ? [undefined] : chunked([...new Set(among)], PHONES_PER_QUERY);
  for (const phones of chunks) {
    let office = db.selectFrom('shared_numbers').select('phone').where('marking', '=', 'office');
    if (phones) office = office.where('phone', 'in', phones);
    for (const { phone } of await office.execute()) blocked.set(phone, 'office_number');
  }
  for (const phones of chunks) {
    let optedOut = db.selectFrom('opt_outs').select('phone');
    if (phones) optedOut = optedOut.where('phone', 'in', phones);
    for (const { phone } of await optedOut.execute()) blocked.set(phone, 'opted_out');
  }
  return blocked;
}

/** Well under SQLite's and PostgreSQL's bound-parameter limits. */
const PHONES_PER_QUERY = 500;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function templateKey(stage: string, channel: Channel): string {
  return `${stage}|${channel}`;
}
