import { UserError } from '../../shared/errors.js';
import type { Actor } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import type { JobView } from './jobs.js';

/** A job is visible to whoever started it and to administrators, nobody else. */
function visible(job: JobView, actor: Actor | null): JobView {
  if (!actor || (job.owner !== actor.username && actor.role !== 'admin')) throw new UserError('JOB_NOT_FOUND', { id: job.id });
  return job;
}

export const jobProcedures: HandlerMap<'jobs.get' | 'jobs.cancel'> = {
  async 'jobs.get'(ctx, { jobId }) {
    return visible(ctx.app.jobs.get(jobId), ctx.actor);
  },

  // Cancelling changes no data of its own: the job's transaction rolls back; hence a query.
  async 'jobs.cancel'(ctx, { jobId }) {
    visible(ctx.app.jobs.get(jobId), ctx.actor);
    return ctx.app.jobs.cancel(jobId);
  },
};
