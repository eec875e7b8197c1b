import { useCallback, useEffect, useState } from 'react';
import type { In, Out, ProcedureName } from '../../shared/api/index';
import { api } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads one query and reloads it when its input changes. The previous data stays visible
 * while the next page or filter loads, so tables do not flicker.
 */
export function useApi<N extends ProcedureName>(name: N, input: In<N>): Loaded<Out<N>> {
  // Callers pass a fresh object each render; its JSON is what decides whether to load again.
  const key = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data: Out<N> | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api.call(name, JSON.parse(key) as In<N>).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    // A slower answer to an older input must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [name, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
