import type { Kysely } from 'kysely';
import { COUNTER_PARTNER_ID } from '../../shared/api/payments.js';
import type { PartnerView } from '../../shared/api/partners.js';
import { UserError } from '../../shared/errors.js';
import type { Database, PartnersTable } from '../db/schema.js';
import { normaliseCidr } from './ip-allowlist.js';
import { forgetPartnersForAuth, newPartnerSecret, sealPartnerSecret } from './partner-secrets.js';

/** Where sealing happens and who is acting: what every change to a partner needs. */
export interface PartnerChange {
  dataDir: string;
  by: string;
  now: Date;
}

export async function listPartners(db: Kysely<Database>): Promise<PartnerView[]> {
  const rows = await db.selectFrom('partners').selectAll().orderBy('id').execute();
  return rows.map(toView);
}

export async function getPartner(db: Kysely<Database>, id: string): Promise<PartnerView> {
  const row = await db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('PARTNER_NOT_FOUND', { id });
  return toView(row);
}

/** A new partner and its secret; the secret is returned here and never again. */
export async function addPartner(
  db: Kysely<Database>,
  input: { name: string; id?: string | undefined; ipAllowlist: string[]; vaPrefix?: string | undefined },
  change: PartnerChange,
): Promise<{ partner: PartnerView; secret: string }> {
  const id = input.id ?? idFromName(input.name);
  if (id === COUNTER_PARTNER_ID) throw new UserError('PARTNER_RESERVED_ID', { id });
  if (await db.selectFrom('partners').select('id').where('id', '=', id).executeTakeFirst()) throw new UserError('PARTNER_EXISTS', { id });
  const secret = newPartnerSecret();
  const at = change.now.toISOString();
  await db
    .insertInto('partners')
    .values({
      id,
      name: input.name,
      secret_sealed: sealPartnerSecret(change.dataDir, secret),
      ip_allowlist: JSON.stringify(normaliseAllowlist(input.ipAllowlist)),
      va_prefix: input.vaPrefix ?? (await freeVaPrefix(db)),
      active: 1,
      created_by: change.by,
      created_at: at,
      updated_at: at,
      secret_rotated_at: at,
    })
    .execute();
  return { partner: await getPartner(db, id), secret };
}

export async function updatePartner(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string | undefined; ipAllowlist?: string[] | undefined; vaPrefix?: string | undefined; active?: boolean | undefined },
  now: Date,
): Promise<{ before: PartnerView; after: PartnerView }> {
  const before = await getPartner(db, id);
  await db
    .updateTable('partners')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.ipAllowlist !== undefined && { ip_allowlist: JSON.stringify(normaliseAllowlist(changes.ipAllowlist)) }),
      ...(changes.vaPrefix !== undefined && { va_prefix: changes.vaPrefix }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  // The partner API keeps partners for a few seconds; a disable or new allowlist applies now.
  forgetPartnersForAuth();
  return { before, after: await getPartner(db, id) };
}

/** A new secret replaces the old one at once: the partner's next call must be signed with it. */
export async function rotatePartnerSecret(db: Kysely<Database>, id: string, change: PartnerChange): Promise<{ partner: PartnerView; secret: string }> {
  await getPartner(db, id);
  const secret = newPartnerSecret();
  const at = change.now.toISOString();
  await db
    .updateTable('partners')
    .set({ secret_sealed: sealPartnerSecret(change.dataDir, secret), secret_rotated_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  // Tokens issued under the old secret end with it.
  await db.deleteFrom('partner_tokens').where('partner_id', '=', id).execute();
  // The partner API keeps partners for a few seconds; the old secret must stop working now.
  forgetPartnersForAuth();
  return { partner: await getPartner(db, id), secret };
}

/** `Bank Sumsel Babel Mobile` → `BANK_SUMSEL_BABEL_MOBILE`. */
export function idFromName(name: string): string {
  const id = name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return id.length >= 2 ? id : `PARTNER_${id}`;
}

function normaliseAllowlist(entries: readonly string[]): string[] {
  return [...new Set(entries.map(normaliseCidr))];
}

/** The lowest `880000NN` no partner uses; the bank usually assigns its own and the admin types it. */
async function freeVaPrefix(db: Kysely<Database>): Promise<string> {
  const used = new Set((await db.selectFrom('partners').select('va_prefix').execute()).map((r) => r.va_prefix));
  for (let n = 1; ; n++) {
    const prefix = `88${String(n).padStart(6, '0')}`;
    if (!used.has(prefix)) return prefix;
  }
}

function toView(row: PartnersTable): PartnerView {
  return {
    id: row.id,
    name: row.name,
    ipAllowlist: JSON.parse(row.ip_allowlist) as string[],
    vaPrefix: row.va_prefix,
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretRotatedAt: row.secret_rotated_at,
  };
}
