import { useCallback, useState } from 'react';

export interface Action<A extends unknown[], R> {
  run(...args: A): Promise<R | undefined>;
  pending: boolean;
  error: unknown;
  reset(): void;
}

/** A button's or form's call: disables it while pending and keeps the error to show beside it. */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(null);
      try {
        return await perform(...args);
      } catch (err) {
        setError(err);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [perform],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
