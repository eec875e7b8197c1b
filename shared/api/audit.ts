import { z } from 'zod';
import { isoInstant } from './common.js';
import { procedure } from './procedure.js';

export const auditEntry = z.object({
  id: z.number().int(),
  at: isoInstant,
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  origin: z.string().nullable(),
});

export const auditList = procedure({
  name: 'audit.list',
  roles: ['admin', 'head'],
  kind: 'query',
  input: z
    .object({
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
      actor: z.string().optional(),
      action: z.string().optional(),
    })
    .strict(),
  output: z.object({ entries: z.array(auditEntry), total: z.number().int() }),
});
