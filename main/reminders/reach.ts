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
export async function blockedPhones(db: Kysely<Database>): Promise<Map<string, SkipReason>> {
  const blocked = new Map<string, SkipReason>();
  const office = await db.selectFrom('shared_numbers').select('phone').where('marking', '=', 'office').execute();
  for (const { phone } of office) blocked.set(phone, 'office_number');
  const optedOut = await db.selectFrom('opt_outs').select('phone').execute();
  for (const { phone } of optedOut) blocked.set(phone, 'opted_out');
  return blocked;
}

export function templateKey(stage: string, channel: Channel): string {
  return `${stage}|${channel}`;
}
