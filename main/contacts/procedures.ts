import type { ProcedureName } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import type { HandlerMap } from '../api/handler.js';
import type { Ctx } from '../api/context.js';
import { readSettings } from '../platform/settings.js';
import { type ContactWithTaxpayer, toContactRows } from './contact-row.js';
import { listContacts as contactList } from './contact-list.js';
import { problemCounts, reviewQueue } from './contact-queue.js';
import { contactSummary } from './contact-summary.js';
import { correctionsWorkbook } from './corrections-xlsx.js';
import { type ContactRow, findContact, taxpayerLabel } from './find-contact.js';
import { listSharedNumbers, markNumber } from './number-markings.js';
import { choosePrimary, fixEmail, fixPhone, resolveConflict } from './officer-fixes.js';
import { reachability } from './reachability.js';

export const contactProcedures: HandlerMap<Extract<ProcedureName, `contacts.${string}`>> = {
  async 'contacts.queue'(ctx, { problem, kecamatan, taxType, search, limit, offset }) {
    const threshold = await sharedThreshold(ctx);
    const page = await reviewQueue(ctx.db, { problem, kecamatan, taxType, search }, { limit, offset }, threshold);
    return { ...page, sharedThreshold: threshold };
  },

  async 'contacts.counts'(ctx, filters) {
    return { counts: await problemCounts(ctx.db, filters, await sharedThreshold(ctx)) };
  },

  async 'contacts.detail'(ctx, ref) {
    const row = await findContact(ctx.db, ref);
    const taxpayer = await ctx.db.selectFrom('taxpayers').select(['address', 'kecamatan']).where('id', '=', row.taxpayer_id).executeTakeFirstOrThrow();
    const [contact] = await toContactRows(ctx.db, [{ ...row, kecamatan: taxpayer.kecamatan }], await sharedThreshold(ctx));
    const history = await ctx.db.selectFrom('contact_changes').selectAll().where('taxpayer_id', '=', row.taxpayer_id).orderBy('id', 'desc').limit(100).execute();
    const sharedWith = row.sms_phone
      ? await ctx.db
          .selectFrom('contacts')
          .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
          .select(['taxpayers.id', 'taxpayers.npwpd', 'taxpayers.name'])
          .where('contacts.sms_phone', '=', row.sms_phone)
          .where('contacts.taxpayer_id', '<>', row.taxpayer_id)
          .orderBy('taxpayers.name')
          .limit(10)
          .execute()
      : [];
    return {
      contact: contact as NonNullable<typeof contact>,
      address: taxpayer.address,
      history: history.map((h) => ({ at: h.at, actor: h.actor, source: h.source, field: h.field, oldValue: h.old_value, newValue: h.new_value, reason: h.reason })),
      sharedWith: sharedWith.map((s) => ({ taxpayerId: s.id, npwpd: s.npwpd, name: s.name })),
    };
  },

  async 'contacts.list'(ctx, filters) {
    return contactList(ctx.db, filters, await sharedThreshold(ctx));
  },

  async 'contacts.reachability'(ctx, filters) {
    return reachability(ctx.db, filters);
  },

  async 'contacts.summary'(ctx) {
    return contactSummary(ctx.db, await sharedThreshold(ctx));
  },

  async 'contacts.sharedNumbers'(ctx, { marking, limit }) {
    const threshold = await sharedThreshold(ctx);
    return { numbers: await listSharedNumbers(ctx.db, marking, threshold, limit), threshold };
  },

  async 'contacts.fixPhone'(ctx, { taxpayerId, npwpd, phone, reason }) {
    const before = await findContact(ctx.db, { taxpayerId, npwpd });
    const after = await fixPhone(ctx.db, { taxpayerId: before.taxpayer_id }, phone, reason ?? null, officer(ctx));
    await ctx.audit({ target: target(before), before: { phone: before.sms_phone ?? before.landline ?? before.export_phone_raw }, after: { phone: after.sms_phone ?? after.landline, reason } });
    return { contact: await oneRow(ctx, after) };
  },

  async 'contacts.fixEmail'(ctx, { taxpayerId, npwpd, email, reason }) {
    const before = await findContact(ctx.db, { taxpayerId, npwpd });
    const after = await fixEmail(ctx.db, { taxpayerId: before.taxpayer_id }, email, reason ?? null, officer(ctx));
    await ctx.audit({ target: target(before), before: { email: before.email ?? before.export_email_raw }, after: { email: after.email, reason } });
    return { contact: await oneRow(ctx, after) };
  },

  async 'contacts.fix'(ctx, { taxpayerId, npwpd, phone, email, reason }) {
    if (phone === undefined && email === undefined) throw new UserError('INVALID_INPUT', { field: 'phone', detail: 'give a phone number and/or an email' });
    let after = await findContact(ctx.db, { taxpayerId, npwpd });
    const before = after;
    if (phone !== undefined) after = await fixPhone(ctx.db, { taxpayerId: before.taxpayer_id }, phone, reason ?? null, officer(ctx));
    if (email !== undefined) after = await fixEmail(ctx.db, { taxpayerId: before.taxpayer_id }, email, reason ?? null, officer(ctx));
    await ctx.audit({
      target: target(before),
      before: { phone: before.sms_phone ?? before.landline ?? before.export_phone_raw, email: before.email ?? before.export_email_raw },
      after: { phone: after.sms_phone ?? after.landline, email: after.email, reason },
    });
    return { contact: await oneRow(ctx, after) };
  },

  async 'contacts.choosePrimary'(ctx, { taxpayerIds, phone }) {
    if (phone && taxpayerIds.length > 1) throw new UserError('INVALID_INPUT', { field: 'phone', detail: 'a chosen number applies to one taxpayer' });
    const changes: { taxpayer: number; primary: string | null }[] = [];
    for (const taxpayerId of taxpayerIds) {
      const after = await choosePrimary(ctx.db, { taxpayerId }, phone ?? null, officer(ctx));
      changes.push({ taxpayer: taxpayerId, primary: after.sms_phone });
    }
    await ctx.audit({ target: taxpayerIds.length === 1 ? `taxpayer:${taxpayerIds[0]}` : `taxpayers:${taxpayerIds.length}`, after: { chosen: changes.slice(0, 50), count: changes.length } });
    return { updated: changes.length };
  },

  async 'contacts.markShared'(ctx, { phone, as, note }) {
    const result = await markNumber(ctx.db, phone, as, note ?? null, officer(ctx));
    await ctx.audit({ target: `phone:${result.phone}`, before: { marking: result.before }, after: { marking: result.marking, note, taxpayers: result.taxpayers } });
    const { before: _before, ...out } = result;
    return out;
  },

  async 'contacts.resolveConflict'(ctx, { taxpayerId, npwpd, field, keep }) {
    const before = await findContact(ctx.db, { taxpayerId, npwpd });
    const after = await resolveConflict(ctx.db, { taxpayerId: before.taxpayer_id }, field, keep, officer(ctx));
    await ctx.audit({ target: target(before), before: { field, conflict: field === 'phone' ? before.phone_conflict : before.email_conflict }, after: { keep, phone: after.sms_phone, email: after.email } });
    return { contact: await oneRow(ctx, after) };
  },

  async 'contacts.exportCorrections'(ctx) {
    const settings = await readSettings(ctx.db);
    const { buffer, rows } = await correctionsWorkbook(ctx.db, settings.timezone);
    return { fileName: 'koreksi-kontak-wp.xlsx', contentBase64: buffer.toString('base64'), rows };
  },
};

function officer(ctx: Ctx) {
  return { username: ctx.actor?.username ?? 'system', now: ctx.app.clock.now() };
}

function target(row: ContactRow): string {
  return `taxpayer:${taxpayerLabel(row)}`;
}

async function sharedThreshold(ctx: Ctx): Promise<number> {
  return (await readSettings(ctx.db)).sharedNumberThreshold;
}

async function oneRow(ctx: Ctx, row: ContactRow) {
  const taxpayer = await ctx.db.selectFrom('taxpayers').select('kecamatan').where('id', '=', row.taxpayer_id).executeTakeFirstOrThrow();
  const [out] = await toContactRows(ctx.db, [{ ...row, kecamatan: taxpayer.kecamatan } as ContactWithTaxpayer], await sharedThreshold(ctx));
  return out as NonNullable<typeof out>;
}
