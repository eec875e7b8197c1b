import { useCallback, useEffect, useState } from 'react';
import type { Out } from '../../shared/api/index';
import { api } from './client';

export type JobView = Out<'jobs.get'>;

/** How often a running job is asked for its progress. */
const POLL_MS = 300;

/**
 * Follows a long job (an import, later a plan run or a report) until it finishes: its
 * progress while it runs, then its result or error. `cancel` asks the backend to stop it;
 * the job's own transaction rolls back.
 */
export function useJob(jobId: string | null): { job: JobView | null; error: unknown; cancel(): Promise<void> } {
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setJob(null);
    setError(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const view = await api.call('jobs.get', { jobId });
        if (stopped) return;
        setJob(view);
        if (view.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(err);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  const cancel = useCallback(async () => {
    if (jobId) setJob(await api.call('jobs.cancel', { jobId }));
  }, [jobId]);
  return { job, error, cancel };
}
