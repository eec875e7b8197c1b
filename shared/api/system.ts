import { z } from 'zod';
import { ALL_ROLES } from '../roles.js';
import { procedure } from './procedure.js';

export const systemInfo = procedure({
  name: 'system.info',
  roles: ALL_ROLES,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({
    version: z.string(),
    engine: z.enum(['sqlite', 'postgres']),
    database: z.string(),
    schemaVersion: z.string(),
    logFile: z.string(),
  }),
});
