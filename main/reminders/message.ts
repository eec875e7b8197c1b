import { formatRupiah } from '../../shared/format.js';
import {
  billList,
  type BillData,
  type MessageData,
  type MetaTemplate,
  metaParameterValue,
  renderTemplate,
  type TemplateValues,
  templateValues,
  toMetaTemplate,
} from '../../shared/templates/index.js';
import { MAX_BILLS_PER_MESSAGE } from '../templates/index.js';
import type { Channel } from './stages.js';

/**
 * The bills one message lists. The outbox holds one message per taxpayer, stage, due date and
 * channel, so bills beyond that cannot go in a second message of the same moment: the message
 * lists the first ones, its amounts (`{jumlah_tagihan}`, `{denda}`, `{total}`) cover every
 * bill, and a last line of `{daftar_tagihan}` says how many more it counts.
 */
export const MAX_LISTED_BILLS = MAX_BILLS_PER_MESSAGE;

export interface ReminderMessage {
  body: string;
  /** Meta's body parameters in order; empty for SMS. */
  parameters: string[];
}

export function reminderMessage(
  template: { body: string; channel: Channel },
  data: Omit<MessageData, 'bills'> & { bills: readonly BillData[] },
  maxListed: number = MAX_LISTED_BILLS,
): ReminderMessage {
  const values = reminderValues(data, maxListed);
  if (template.channel === 'sms') return { body: renderTemplate(template.body, values), parameters: [] };
  // What renderWhatsAppText and metaParameterValues give, with the body scanned once per template
  // rather than twice per message: the planner writes tens of thousands of messages a run.
  const meta = metaTemplate(template.body);
  const parameters = meta.parameters.map((name) => metaParameterValue(name, values[name]));
  return { body: meta.text.replace(/\{\{(\d+)\}\}/g, (_, n: string) => parameters[Number(n) - 1] ?? ''), parameters };
}

const metaTemplates = new Map<string, MetaTemplate>();

function metaTemplate(body: string): MetaTemplate {
  let meta = metaTemplates.get(body);
  if (!meta) {
    if (metaTemplates.size > 100) metaTemplates.clear();
    metaTemplates.set(body, (meta = toMetaTemplate(body)));
  }
  return meta;
}

export function reminderValues(data: MessageData, maxListed: number = MAX_LISTED_BILLS): TemplateValues {
  const listed = data.bills.slice(0, maxListed);
  const values = templateValues({ ...data, bills: listed }, 'id');
  const rest = data.bills.length - listed.length;
  if (rest <= 0) return values;
  const principal = data.bills.reduce((sum, bill) => sum + bill.principal, 0);
  const penalty = data.bills.reduce((sum, bill) => sum + bill.penalty, 0);
  return {
    ...values,
    jumlah_tagihan: formatRupiah(principal),
    denda: formatRupiah(penalty),
    total: formatRupiah(principal + penalty),
    daftar_tagihan: `${billList(listed, 'id')}\n${listed.length + 1}. dan ${rest} tagihan lain dengan jatuh tempo yang sama, sudah termasuk dalam total`,
  };
}
