import { ImportFileError } from './errors.js';

export function cancelledError(fileName: string): ImportFileError {
  return new ImportFileError('CANCELLED', { file: fileName });
}

export function throwIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw cancelledError(fileName);
}

/**
 * Stops waiting on an iterator the moment something else fails or is cancelled, even while the
 * iterator waits on a stream that will never answer. (Racing each `next()` against one
 * long-lived promise would not do: every race leaves a reaction on that promise, and with it
 * the row it resolved to, until the end of the file.)
 */
export class Tripwire {
  private tripped = false;
  private reason: unknown;
  private readonly waiting = new Set<(reason: unknown) => void>();

  trip(reason: unknown): void {
    if (this.tripped) return;
    this.tripped = true;
    this.reason = reason;
    for (const stop of this.waiting) stop(reason);
    this.waiting.clear();
  }

  next<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
    if (this.tripped) return Promise.reject(this.reason);
    return new Promise((resolve, reject) => {
      this.waiting.add(reject);
      iterator.next().then(
        (result) => {
          this.waiting.delete(reject);
          resolve(result);
        },
        (err: unknown) => {
          this.waiting.delete(reject);
          reject(err);
        },
      );
    });
  }
}

/** Passes a source through, stopping with CANCELLED the moment the signal fires; the source is then closed without waiting for it. */
export async function* abortable<T>(source: AsyncGenerator<T>, signal: AbortSignal | undefined, fileName: string): AsyncGenerator<T> {
  if (!signal) {
    yield* source;
    return;
  }
  throwIfCancelled(signal, fileName);
  const wire = new Tripwire();
  const onAbort = () => wire.trip(cancelledError(fileName));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const next = await wire.next(source);
      if (next.done) return;
      yield next.value;
      throwIfCancelled(signal, fileName);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    source.return(undefined).catch(() => {});
  }
}
