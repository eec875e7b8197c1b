import { randomUUID } from 'node:crypto';
import { type ErrorBody, UserError } from '../../shared/errors.js';

export interface JobProgress {
  /** What the job is doing now: `reading`, `applying`, … */
  phase: string;
  done: number;
  total: number | null;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  kind: string;
  owner: string;
  state: JobState;
  progress: JobProgress;
  result: unknown;
  error: ErrorBody['error'] | null;
  startedAt: string;
  finishedAt: string | null;
}

interface Job extends JobView {
  controller: AbortController;
}

export type JobRunner<T> = (signal: AbortSignal, report: (progress: JobProgress) => void) => Promise<T>;

/** Finished jobs are kept this long so a screen that polls late still sees the result. */
const KEEP_FINISHED_MS = 60 * 60_000;

/**
 * Long work (an import, a plan run, a report) runs as a job: the call that starts it answers
 * at once with an id; screens and the CLI poll its progress and may cancel it. Cancelling
 * aborts the signal; the work's own transaction then rolls back.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly describeError: (err: unknown) => ErrorBody['error']) {}

  start<T>(kind: string, owner: string, run: JobRunner<T>): JobView {
    this.prune();
    const job: Job = {
      id: randomUUID(),
      kind,
      owner,
      state: 'running',
      progress: { phase: 'starting', done: 0, total: null },
      result: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      controller: new AbortController(),
    };
    this.jobs.set(job.id, job);
    void run(job.controller.signal, (progress) => {
      job.progress = progress;
    }).then(
      (result) => this.finish(job, 'done', result, null),
      (err: unknown) => {
        if (job.controller.signal.aborted) this.finish(job, 'cancelled', null, null);
        else this.finish(job, 'failed', null, this.describeError(err));
      },
    );
    return view(job);
  }

  get(id: string): JobView {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('JOB_NOT_FOUND', { id });
    return view(job);
  }

  cancel(id: string): JobView {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('JOB_NOT_FOUND', { id });
    if (job.state === 'running') job.controller.abort();
    return view(job);
  }

  /** Resolves when the job has finished, however it finished. */
  async wait(id: string, pollMs = 50): Promise<JobView> {
    for (;;) {
      const job = this.get(id);
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private finish(job: Job, state: JobState, result: unknown, error: ErrorBody['error'] | null): void {
    job.state = state;
    job.result = result;
    job.error = error;
    job.finishedAt = new Date().toISOString();
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && new Date(job.finishedAt).getTime() < cutoff) this.jobs.delete(id);
    }
  }
}

function view(job: Job): JobView {
  const { controller: _c, ...rest } = job;
  return { ...rest, progress: { ...rest.progress } };
}
