import { z } from 'zod';
import { ALL_ROLES } from '../roles.js';
import { isoDate, isoInstant, rupiah } from './common.js';
import { procedure } from './procedure.js';

const LEDGER_READERS = ALL_ROLES;

export const ledgerSummary = procedure({
  name: 'ledger.summary',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z.object({ asOf: isoDate.optional() }).strict(),
  output: z.object({
    asOf: isoDate,
    taxpayers: z.number().int(),
    bills: z.number().int(),
    paidBills: z.number().int(),
    unpaidBills: z.number().int(),
    unpaidPrincipal: rupiah,
    overdueBills: z.number().int(),
    overduePrincipal: rupiah,
  }),
});

export const billRow = z.object({
  id: z.number().int(),
  kodeBayar: z.string(),
  taxpayerId: z.number().int(),
  npwpd: z.string().nullable(),
  taxpayerName: z.string(),
  kecamatan: z.string().nullable(),
  nop: z.string().nullable(),
  objectName: z.string().nullable(),
  taxType: z.string(),
  taxTypeLabel: z.string(),
  masaPajak: z.string().nullable(),
  tahun: z.number().int().nullable(),
  principal: rupiah,
  penalty: rupiah,
  dueDate: isoDate,
  status: z.enum(['paid', 'unpaid']),
  paidDate: isoDate.nullable(),
});

/**
 * A bill on the taxpayer page: how to pay it (payment code; the virtual account at the first
 * active partner, when there is one) and, once paid in SI PEKA, the payment.
 */
export const taxpayerBill = billRow.extend({
  paymentCode: z.string(),
  virtualAccount: z.string().nullable(),
  payment: z.object({ partnerId: z.string(), partnerRef: z.string(), receiptNumber: z.string(), paidAt: isoInstant, amount: rupiah }).nullable(),
});

export const BILL_SORT_COLUMNS = ['dueDate', 'principal', 'taxpayerName', 'kodeBayar', 'taxType', 'status', 'kecamatan'] as const;

export const billFilter = z
  .object({
    search: z.string().trim().max(100).optional(),
    taxType: z.string().optional(),
    kecamatan: z.string().optional(),
    status: z.enum(['paid', 'unpaid']).optional(),
    dueFrom: isoDate.optional(),
    dueTo: isoDate.optional(),
    overdue: z.boolean().optional(),
    npwpd: z.string().optional(),
    taxpayerId: z.number().int().optional(),
  })
  .strict();

export const ledgerBills = procedure({
  name: 'ledger.bills',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z
    .object({
      filter: billFilter.default({}),
      sort: z.enum(BILL_SORT_COLUMNS).default('dueDate'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
      withTotal: z.boolean().default(true),
    })
    .strict(),
  /** `total` stops counting at 10,000 (`totalCapped`): the screen then says "10.000+". */
  output: z.object({ rows: z.array(billRow), total: z.number().int().nullable(), totalCapped: z.boolean(), asOf: isoDate }),
});

export const taxpayerRow = z.object({
  id: z.number().int(),
  npwpd: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  kecamatan: z.string().nullable(),
  kelurahan: z.string().nullable(),
  unpaidBills: z.number().int(),
  unpaidPrincipal: rupiah,
});

export const ledgerTaxpayers = procedure({
  name: 'ledger.taxpayers',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z
    .object({
      search: z.string().trim().max(100).optional(),
      kecamatan: z.string().optional(),
      sort: z.enum(['name', 'npwpd', 'kecamatan', 'unpaidPrincipal']).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  output: z.object({ rows: z.array(taxpayerRow), total: z.number().int() }),
});

export const ledgerTaxpayer = procedure({
  name: 'ledger.taxpayer',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z.object({ id: z.number().int() }).strict(),
  output: z.object({
    asOf: isoDate,
    taxpayer: taxpayerRow.extend({ rawPhone: z.string().nullable(), rawEmail: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() }),
    objects: z.array(z.object({ id: z.number().int(), nop: z.string().nullable(), name: z.string().nullable(), taxType: z.string(), address: z.string().nullable() })),
    bills: z.array(taxpayerBill),
  }),
});

export const ledgerFacets = procedure({
  name: 'ledger.facets',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ taxTypes: z.array(z.object({ code: z.string(), count: z.number().int() })), kecamatan: z.array(z.string()) }),
});

export const ledgerLoadDemo = procedure({
  name: 'ledger.loadDemo',
  roles: ['admin', 'officer'],
  kind: 'self-managed',
  input: z.object({ taxpayers: z.number().int().min(1).max(2000).default(200), seed: z.number().int().min(0).default(1) }).strict(),
  output: z.object({ runId: z.number().int().nullable(), taxpayers: z.number().int(), bills: z.number().int(), unpaidBills: z.number().int(), overdueBills: z.number().int() }),
});
