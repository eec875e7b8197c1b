import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<Row> {
  rows: Row[];
  /** Null when the page was asked without a count (every page after the first). */
  total: number | null;
  /** The server stopped counting at `total` (ledger.bills counts to 10,000): there are at least that many. */
  totalCapped?: boolean;
}

/** Fetches `limit` rows from `offset`; `withTotal` asks the server to count the whole result too. */
export type PageLoader<Row> = (offset: number, limit: number, withTotal: boolean) => Promise<Page<Row>>;

export interface PagedRows<Row> {
  /** The query whose rows are shown; when it changes the table goes back to the first row. */
  key: string;
  /** Counts the times a first page replaced what was shown (a new query or a reload). */
  epoch: number;
  /** The exact number of rows, once known: counted by the server, or found where a page came back short. */
  total: number | null;
  /** Rows known to exist: the capped count, or as far as pages have reached. */
  atLeast: number;
  /** An empty page past the end says the rows stop somewhere before its offset. */
  atMost: number | null;
  /** The row at an index of the whole result, or undefined while its page is on the way. */
  rowAt(index: number): Row | undefined;
  /** Asks for the pages covering rows `from`…`to` (inclusive) that are neither here nor on the way. */
  request(from: number, to: number): void;
  error: unknown;
  /** True until the first page of the first query has arrived. */
  loading: boolean;
  /** True while a new query's first page is on the way; the previous rows stay on screen meanwhile. */
  refreshing: boolean;
  reload(): void;
}

/** Pages kept in memory at most; the ones furthest from the latest are dropped first. */
const MAX_PAGES = 60;

interface Shown {
  key: string;
  epoch: number;
  total: number | null;
  atLeast: number;
  atMost: number | null;
  error: unknown;
  loading: boolean;
}

/**
 * A server-sorted, server-filtered result read a page at a time as a table scrolls over it,
 * so a ledger of a million bills never travels to the screen whole. `key` names the query:
 * when it changes, the first page (with the count) is fetched and replaces what is shown.
 */
export function usePagedRows<Row>(key: string, load: PageLoader<Row>, pageSize = 100): PagedRows<Row> {
  const [shown, setShown] = useState<Shown>({ key: '', epoch: 0, total: null, atLeast: 0, atMost: null, error: null, loading: true });
  // Pages live in a ref (they may be many); bumping this renders the table when one arrives.
  const [, setArrivals] = useState(0);
  const [reloads, setReloads] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const inFlight = useRef(new Set<number>());
  // Each query gets a number; an answer to an older query is dropped.
  const generation = useRef(0);
  const pendingKey = useRef<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(
    (page: number) => {
      // Until the new query's first page is in, the pages held belong to the previous query.
      if (pendingKey.current !== null && page !== 0) return;
      if (pendingKey.current === null && pages.current.has(page)) return;
      if (inFlight.current.has(page)) return;
      const asked = generation.current;
      inFlight.current.add(page);
      loadRef.current(page * pageSize, pageSize, page === 0).then(
        (answer) => {
          if (asked !== generation.current) return;
          inFlight.current.delete(page);
          const offset = page * pageSize;
          if (page === 0 && pendingKey.current !== null) {
            const arrivedKey = pendingKey.current;
            pendingKey.current = null;
            pages.current = new Map([[0, answer.rows]]);
            const exact = answer.totalCapped ? null : answer.total;
            setShown((s) => ({ key: arrivedKey, epoch: s.epoch + 1, total: exact, atLeast: answer.total ?? answer.rows.length, atMost: exact, error: null, loading: false }));
          } else {
            pages.current.set(page, answer.rows);
            evictFarFrom(pages.current, page);
            setShown((s) => learnExtent({ ...s, error: null }, offset, answer.rows.length, pageSize, pages.current.get(page - 1)?.length === pageSize));
          }
          setArrivals((n) => n + 1);
        },
        (error: unknown) => {
          if (asked !== generation.current) return;
          inFlight.current.delete(page);
          setShown((s) => ({ ...s, error, loading: false }));
        },
      );
    },
    [pageSize],
  );

  useEffect(() => {
    generation.current += 1;
    inFlight.current = new Set();
    pendingKey.current = key;
    fetchPage(0);
  }, [key, reloads, fetchPage]);

  const request = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(Math.max(0, from) / pageSize); page <= Math.floor(Math.max(0, to) / pageSize); page += 1) fetchPage(page);
    },
    [fetchPage, pageSize],
  );
  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [pageSize]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { ...shown, refreshing: shown.key !== key && !shown.loading, rowAt, request, reload };
}

/** What a page says about where the rows end, when the server did not count them all. */
function learnExtent(shown: Shown, offset: number, got: number, pageSize: number, previousFull: boolean): Shown {
  if (shown.total !== null) return shown;
  if (got > 0) {
    const atLeast = Math.max(shown.atLeast, offset + got);
    return got < pageSize ? { ...shown, total: offset + got, atLeast, atMost: offset + got } : { ...shown, atLeast };
  }
  if (offset === 0 || previousFull) return { ...shown, total: offset, atLeast: offset, atMost: offset };
  return { ...shown, atMost: Math.min(shown.atMost ?? offset, offset) };
}

function evictFarFrom<Row>(pages: Map<number, Row[]>, near: number): void {
  if (pages.size <= MAX_PAGES) return;
  const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
  for (const page of byDistance.slice(0, pages.size - MAX_PAGES)) pages.delete(page);
}
