import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { parseCandidates, phoneColumns } from './contact-state.js';
import { findContact } from './find-contact.js';
import { record, writePhone } from './officer-fixes.js';

export type DeliveryProblem = 'not_on_whatsapp' | 'invalid_number';

export interface DeliveryReport {
  /** E.164, as the message was addressed. */
  phone: string;
  problem: DeliveryProblem;
  at: Date;
  /** The gateway's own words, kept in the history (e.g. `131026 Message undeliverable`). */
  detail?: string;
}

/** Who the history names for a gateway's report. */
export const GATEWAY_ACTOR = 'gateway';

/**
 * What the reminder engine calls when a gateway says a number cannot be reached. Not on
 * WhatsApp: the number stays for SMS and WhatsApp moves to another mobile of the cell, if
 * any. Invalid: the number is dropped and the next mobile becomes the primary. Every
 * taxpayer using the number changes, with source `delivery` and a history row.
 */
export async function recordDeliveryProblem(trx: Kysely<Database>, report: DeliveryReport): Promise<number> {
  const users = await trx
    .selectFrom('contacts')
    .select('taxpayer_id')
    .where((eb) => eb.or([eb('wa_phone', '=', report.phone), eb('sms_phone', '=', report.phone), eb('landline', '=', report.phone)]))
    .execute();
  const by = { username: GATEWAY_ACTOR, now: report.at, source: 'delivery' as const };
  let changed = 0;
  for (const { taxpayer_id } of users) {
    const contact = await findContact(trx, { taxpayerId: taxpayer_id });
    const candidates = parseCandidates(contact.candidates).map((c) => {
      if (c.e164 !== report.phone) return c;
      return report.problem === 'not_on_whatsapp' ? { ...c, noWhatsapp: true } : { ...c, status: 'invalid' as const, reason: 'reported_invalid' as const };
    });
    const columns = phoneColumns(candidates, { status: contact.phone_status, reason: contact.phone_reason ?? undefined });
    if (columns.candidates === contact.candidates) continue;
    await writePhone(trx, contact, { ...columns, phone_source: 'delivery' }, by);
    const field = report.problem === 'not_on_whatsapp' ? 'whatsapp' : 'phone';
    await record(trx, contact, field, report.phone, field === 'whatsapp' ? columns.wa_phone : columns.sms_phone, report.detail ?? report.problem, by);
    changed += 1;
  }
  return changed;
}

/** A message reached the number: the contact is verified as of then. */
export async function recordDelivered(trx: Kysely<Database>, phone: string, at: Date): Promise<void> {
  await trx
    .updateTable('contacts')
    .set({ verified_at: at.toISOString() })
    .where((eb) => eb.or([eb('wa_phone', '=', phone), eb('sms_phone', '=', phone)]))
    .execute();
}
