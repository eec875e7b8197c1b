import { ImportFileError } from './errors.js';

export function cancelledError(fileName: string): ImportFileError {
  return new ImportFileError('CANCELLED', { file: fileName });
}

export function throwIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw cancelledError(fileName);
}

/**
 * Passes a source through, but stops the moment the signal fires, even while the source is
 * waiting on a stream that will never answer (a reader whose input was torn down). The source
 * is then closed without waiting for it.
 */
export async function* abortable<T>(source: AsyncGenerator<T>, signal: AbortSignal | undefined, fileName: string): AsyncGenerator<T> {
  if (!signal) {
    yield* source;
    return;
  }
  throwIfCancelled(signal, fileName);
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError(fileName));
  });
  aborted.catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const next = await Promise.race([source.next(), aborted]);
      if (next.done) return;
      yield next.value;
      throwIfCancelled(signal, fileName);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    source.return(undefined).catch(() => {});
  }
}
