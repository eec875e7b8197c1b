import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContactProblem } from '../../../shared/api/contacts';
import type { In, Out } from '../../../shared/api/index';
import { api } from '../../api/client';

export type QueuePage = Out<'contacts.queue'>;
export type Contact = QueuePage['rows'][number];
/** The kecamatan and tax type the whole screen is narrowed to; empty means all. */
export type Scope = Pick<In<'contacts.queue'>, 'kecamatan' | 'taxType'>;

/** Rows per page of the queue: a morning's work at a glance, small enough to answer at once. */
export const QUEUE_PAGE = 50;

/**
 * The review queue a page at a time, and which contact is selected in it. When the selected
 * contact leaves the list (its number was fixed, or the page turned), the selection lands on
 * the row that took its place, so the officer goes on with the next problem.
 */
export function useReviewQueue(scope: Scope) {
  const [problem, setProblemState] = useState<ContactProblem | ''>('');
  const [search, setSearchState] = useState('');
  const [offset, setOffset] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  /** Counts next/previous moves: the list takes the focus after one, wherever the focus was. */
  const [steps, setSteps] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; page: QueuePage | null; error: unknown }>({ key: '', page: null, error: null });
  const wanted = useRef(0);

  const input: In<'contacts.queue'> = { ...scope, ...(problem && { problem }), ...(search && { search }), limit: QUEUE_PAGE, offset };
  const key = JSON.stringify(input);

  const scopeKey = JSON.stringify(scope);
  useEffect(() => {
    wanted.current = 0;
    setOffset(0);
  }, [scopeKey]);

  useEffect(() => {
    let current = true;
    api.call('contacts.queue', JSON.parse(key) as In<'contacts.queue'>).then(
      (page) => current && setLoaded({ key, page, error: null }),
      (error: unknown) => current && setLoaded((before) => ({ ...before, key, error })),
    );
    // A slower answer to an older page or filter must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [key, version]);

  // Only an answer to the query now asked may move the selection.
  const fresh = loaded.key === key && !loaded.error ? loaded.page : null;
  useEffect(() => {
    if (!fresh) return;
    const at = fresh.rows.findIndex((row) => row.taxpayerId === selectedId);
    if (at >= 0) {
      wanted.current = at;
      return;
    }
    if (fresh.rows.length === 0 && offset > 0 && fresh.total > 0) {
      setOffset(Math.floor((fresh.total - 1) / QUEUE_PAGE) * QUEUE_PAGE);
      return;
    }
    setSelectedId(fresh.rows[Math.min(wanted.current, fresh.rows.length - 1)]?.taxpayerId ?? null);
  }, [fresh, selectedId]);

  const restart = () => {
    wanted.current = 0;
    setOffset(0);
  };
  const setProblem = (next: ContactProblem | '') => {
    setProblemState(next);
    restart();
  };
  const setSearch = (next: string) => {
    setSearchState(next);
    restart();
  };
  const turnTo = (nextOffset: number, landOn: 'first' | 'last') => {
    wanted.current = landOn === 'first' ? 0 : QUEUE_PAGE - 1;
    setOffset(nextOffset);
  };
  const select = (taxpayerId: number) => {
    const at = fresh?.rows.findIndex((row) => row.taxpayerId === taxpayerId) ?? -1;
    if (at >= 0) wanted.current = at;
    setSelectedId(taxpayerId);
  };
  /** Next or previous contact, across pages; ignored while a page is on the way. */
  const step = (delta: 1 | -1) => {
    if (!fresh) return;
    setSteps((n) => n + 1);
    const next = fresh.rows.findIndex((row) => row.taxpayerId === selectedId) + delta;
    const row = fresh.rows[next];
    if (next >= 0 && row) select(row.taxpayerId);
    else if (delta > 0 && offset + QUEUE_PAGE < fresh.total) turnTo(offset + QUEUE_PAGE, 'first');
    else if (delta < 0 && offset > 0) turnTo(offset - QUEUE_PAGE, 'last');
  };
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return {
    key,
    problem,
    setProblem,
    search,
    setSearch,
    offset,
    turnTo,
    page: loaded.page,
    error: loaded.error,
    refreshing: loaded.key !== key,
    selectedId,
    select,
    step,
    steps,
    reload,
  };
}

export type ReviewQueue = ReturnType<typeof useReviewQueue>;
