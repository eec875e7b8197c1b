import { z } from 'zod';
import { isoInstant } from './common.js';
import { procedure } from './procedure.js';

/**
 * The banks and e-wallets that may call the partner payment API (payments module). Admins only:
 * a partner's secret moves money. The secret is returned once, by `add` and `rotateSecret`.
 */

const ADMINS = ['admin'] as const;

/** `BSB_MOBILE`: what the partner sends as `partner_id` / `X-PARTNER-ID`. */
export const partnerId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_]{2,40}$/, '2–40 letters, digits or underscores');
/** An IPv4 or IPv6 address or CIDR range; a bare address means that address alone. */
export const cidr = z.string().trim().min(2).max(60);
/** SNAP's company prefix (partnerServiceId): the first digits of every virtual account number. */
export const vaPrefix = z.string().trim().regex(/^\d{1,8}$/, '1–8 digits');

export const partnerView = z.object({
  id: z.string(),
  name: z.string(),
  ipAllowlist: z.array(z.string()),
  vaPrefix: z.string(),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  secretRotatedAt: isoInstant,
});
export type PartnerView = z.infer<typeof partnerView>;

export const partnersList = procedure({
  name: 'partners.list',
  roles: ADMINS,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ partners: z.array(partnerView) }),
});

export const partnersAdd = procedure({
  name: 'partners.add',
  roles: ADMINS,
  kind: 'mutation',
  input: z
    .object({
      name: z.string().trim().min(1).max(120),
      /** Defaults to the name in capitals, other characters as underscores. */
      id: partnerId.optional(),
      ipAllowlist: z.array(cidr).min(1).max(50),
      /** Defaults to the first free `880000NN`. */
      vaPrefix: vaPrefix.optional(),
    })
    .strict(),
  output: z.object({ partner: partnerView, secret: z.string() }),
});

export const partnersUpdate = procedure({
  name: 'partners.update',
  roles: ADMINS,
  kind: 'mutation',
  input: z
    .object({
      id: partnerId,
      name: z.string().trim().min(1).max(120).optional(),
      ipAllowlist: z.array(cidr).min(1).max(50).optional(),
      vaPrefix: vaPrefix.optional(),
    })
    .strict(),
  output: z.object({ partner: partnerView }),
});

export const partnersDisable = procedure({
  name: 'partners.disable',
  roles: ADMINS,
  kind: 'mutation',
  input: z.object({ id: partnerId }).strict(),
  output: z.object({ partner: partnerView }),
});

export const partnersEnable = procedure({
  name: 'partners.enable',
  roles: ADMINS,
  kind: 'mutation',
  input: z.object({ id: partnerId }).strict(),
  output: z.object({ partner: partnerView }),
});

export const partnersRotateSecret = procedure({
  name: 'partners.rotateSecret',
  roles: ADMINS,
  kind: 'mutation',
  input: z.object({ id: partnerId }).strict(),
  output: z.object({ partner: partnerView, secret: z.string() }),
});

export const partnerProcedures = [partnersList, partnersAdd, partnersUpdate, partnersDisable, partnersEnable, partnersRotateSecret] as const;
