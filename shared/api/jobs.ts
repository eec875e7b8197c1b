import { z } from 'zod';
import { ALL_ROLES } from '../roles.js';
import { procedure } from './procedure.js';

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  owner: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.object({ phase: z.string(), done: z.number(), total: z.number().nullable() }),
  /** The finished job's answer; its shape is the one the starting procedure documents. */
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), message_id: z.string(), message_en: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const jobsGet = procedure({
  name: 'jobs.get',
  roles: ALL_ROLES,
  kind: 'query',
  input: z.object({ jobId: z.string() }).strict(),
  output: jobView,
});

export const jobsCancel = procedure({
  name: 'jobs.cancel',
  roles: ALL_ROLES,
  kind: 'query',
  input: z.object({ jobId: z.string() }).strict(),
  output: jobView,
});
