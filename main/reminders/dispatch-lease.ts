import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';

/**
 * One dispatcher per ledger, across processes and PCs: the claim in dispatch-claim.ts already
 * keeps two dispatchers from sending the same row, but two of them would each spend the full
 * rate (Meta's 80/s is per phone number) and each count its own daily cap, and a starting
 * dispatcher turns every `sending` row into `unknown` — including the other one's in flight.
 *
 * The lease is a row: owner, host, pid and an expiry the holder pushes forward while it sends.
 * A second dispatcher is refused while the lease is valid. A holder killed without releasing
 * loses it when it expires, or at once when it ran on this host and its pid is gone.
 */

const NAME = 'dispatch';
/** How long a lease lasts without renewal: long enough for a busy disk, short enough to take over soon. */
export const LEASE_TTL_MS = 30_000;

export interface LeaseOptions {
  now: () => Date;
  ttlMs?: number;
  host?: string;
  pid?: number;
  /** Whether a process of this host still runs; injectable so tests need not kill anything. */
  isAlive?: (pid: number) => boolean;
}

export interface DispatchLease {
  readonly owner: string;
  /** True once a renewal found the lease taken over (this process stalled past its expiry). */
  readonly lost: boolean;
  release(): Promise<void>;
}

/** Takes the dispatch lease or refuses with DISPATCH_LEASE_HELD naming who holds it since when. */
export async function acquireDispatchLease(db: Kysely<Database>, options: LeaseOptions): Promise<DispatchLease> {
  const ttl = options.ttlMs ?? LEASE_TTL_MS;
  const host = options.host ?? os.hostname();
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processAlive;
  const owner = `${host}:${pid}:${randomUUID().slice(0, 8)}`;

  await db.transaction().execute(async (trx) => {
    const now = options.now();
    const at = now.toISOString();
    const row = { owner, host, pid, acquired_at: at, renewed_at: at, expires_at: new Date(now.getTime() + ttl).toISOString() };
    const held = await trx.selectFrom('dispatch_leases').selectAll().where('name', '=', NAME).executeTakeFirst();
    if (!held) {
      const inserted = await trx.insertInto('dispatch_leases').values({ name: NAME, ...row }).onConflict((oc) => oc.column('name').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return;
      throw heldError(await trx.selectFrom('dispatch_leases').selectAll().where('name', '=', NAME).executeTakeFirstOrThrow());
    }
    const expired = held.expires_at <= at;
    const orphaned = held.host === host && held.pid !== pid && !isAlive(held.pid);
    if (!expired && !orphaned) throw heldError(held);
    // Conditional on the owner we saw: of two dispatchers taking over at once, one wins.
    const taken = await trx.updateTable('dispatch_leases').set(row).where('name', '=', NAME).where('owner', '=', held.owner).executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw heldError(await trx.selectFrom('dispatch_leases').selectAll().where('name', '=', NAME).executeTakeFirstOrThrow());
  });

  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    const now = options.now();
    const changed = await db
      .updateTable('dispatch_leases')
      .set({ renewed_at: now.toISOString(), expires_at: new Date(now.getTime() + ttl).toISOString() })
      .where('name', '=', NAME)
      .where('owner', '=', owner)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) lost = true;
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew).catch(() => undefined);
  }, Math.max(50, Math.floor(ttl / 3)));
  // A lease must not keep a finished CLI process alive.
  timer.unref();

  return {
    owner,
    get lost() {
      return lost;
    },
    async release() {
      clearInterval(timer);
      await renewing;
      await db.deleteFrom('dispatch_leases').where('name', '=', NAME).where('owner', '=', owner).execute();
    },
  };
}

/** Who holds a valid dispatch lease now, or null: what the screen shows when another process dispatches. */
export async function currentLeaseHolder(db: Kysely<Database>, now: Date): Promise<{ host: string; pid: number; since: string } | null> {
  const held = await db.selectFrom('dispatch_leases').selectAll().where('name', '=', NAME).where('expires_at', '>', now.toISOString()).executeTakeFirst();
  return held ? { host: held.host, pid: Number(held.pid), since: held.acquired_at } : null;
}

function heldError(held: { host: string; pid: number; acquired_at: string; expires_at: string }): UserError {
  return new UserError('DISPATCH_LEASE_HELD', { host: held.host, pid: String(held.pid), since: held.acquired_at, expires: held.expires_at });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
