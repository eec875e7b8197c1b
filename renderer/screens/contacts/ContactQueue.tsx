import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../shared/contacts/index';
import { formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useDebounced } from '../../components/debounce';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { BLOCKING, PROBLEM_ORDER } from './contact-facts';
import { KeyHints } from './queue-keys';
import { type Contact, QUEUE_PAGE, type ReviewQueue } from './review-queue';

/**
 * The contacts to review, one page at a time, with the selected one marked. Under the
 * "several numbers" filter an officer may tick many and confirm their first number at once.
 */
export function ContactQueue({ queue, canEdit, editing, onBulkDone }: { queue: ReviewQueue; canEdit: boolean; editing: boolean; onBulkDone(updated: number): void }) {
  const { t } = useTranslation();
  const rows = queue.page?.rows ?? [];
  const bulk = canEdit && queue.problem === 'several';
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    setTicked(new Set());
  }, [queue.key]);
  const confirm = useAction(async (taxpayerIds: number[]) => {
    const { updated } = await api.call('contacts.choosePrimary', { taxpayerIds });
    setTicked(new Set());
    onBulkDone(updated);
  });

  const tableRef = useRef<HTMLTableElement>(null);
  const stepsSeen = useRef(queue.steps);
  // Focus follows the selection while the officer walks the list (and after J or K, from anywhere
  // but a field), but never leaves a field or a button the officer is working with otherwise.
  useEffect(() => {
    const stepped = stepsSeen.current !== queue.steps;
    stepsSeen.current = queue.steps;
    const active = document.activeElement;
    const inList = !active || active === document.body || tableRef.current?.contains(active);
    if (!inList && !stepped) return;
    const button = tableRef.current?.querySelector<HTMLButtonElement>(`[data-queue-row="${queue.selectedId}"]`);
    button?.focus({ preventScroll: true });
    button?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }, [queue.selectedId, queue.page, queue.steps, editing]);

  const allTicked = rows.length > 0 && rows.every((row) => ticked.has(row.taxpayerId));
  const tick = (taxpayerId: number, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(taxpayerId);
      else next.delete(taxpayerId);
      return next;
    });

  return (
    <div className="contact-queue">
      <QueueSearch value={queue.search} onChange={queue.setSearch} />
      {bulk && (
        <div className="bulk-bar">
          <p className="bulk-hint">{t('contacts.queue.bulkHint')}</p>
          <div className="button-row">
            <label className="check-field">
              <input type="checkbox" checked={allTicked} disabled={rows.length === 0} onChange={(e) => setTicked(new Set(e.target.checked ? rows.map((row) => row.taxpayerId) : []))} />
              {t('contacts.queue.pickPage')}
            </label>
            <button type="button" className="button-small button-primary" disabled={ticked.size === 0 || confirm.pending} onClick={() => void confirm.run([...ticked])}>
              {t('contacts.queue.confirmFirst', { n: ticked.size })}
            </button>
          </div>
          <ErrorNotice error={confirm.error} />
        </div>
      )}
      <ErrorNotice error={queue.error} onRetry={queue.reload} />
      {!queue.page && !queue.error && <Loading />}
      {queue.page && (
        <div className={queue.refreshing ? 'queue-scroll vtable-refreshing' : 'queue-scroll'} aria-busy={queue.refreshing}>
          <table className="table queue-table" ref={tableRef} aria-label={t('contacts.queue.table')}>
            <colgroup>
              {bulk && <col className="queue-col-pick" />}
              <col />
              <col className="queue-col-phone" />
              <col className="queue-col-arrears" />
            </colgroup>
            <thead>
              <tr>
                {bulk && (
                  <th scope="col">
                    <span className="visually-hidden">{t('contacts.queue.pickColumn')}</span>
                  </th>
                )}
                <th scope="col">{t('contacts.queue.taxpayer')}</th>
                <th scope="col">{t('contacts.queue.phoneCell')}</th>
                <th scope="col" className="num">
                  {t('contacts.queue.arrears')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <QueueRow
                  key={row.taxpayerId}
                  row={row}
                  selected={row.taxpayerId === queue.selectedId}
                  onSelect={() => queue.select(row.taxpayerId)}
                  ticked={bulk ? ticked.has(row.taxpayerId) : undefined}
                  onTick={(on) => tick(row.taxpayerId, on)}
                />
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <EmptyState>{t('contacts.queue.empty')}</EmptyState>}
        </div>
      )}
      <QueuePager queue={queue} />
      <KeyHints canEdit={canEdit} />
    </div>
  );
}

function QueueRow({ row, selected, onSelect, ticked, onTick }: { row: Contact; selected: boolean; onSelect(): void; ticked: boolean | undefined; onTick(on: boolean): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const problems = PROBLEM_ORDER.filter((p) => row.problems.includes(p));
  return (
    <tr className={selected ? 'row-selected' : undefined} aria-current={selected ? 'true' : undefined} onClick={(e) => !(e.target as HTMLElement).closest('input') && onSelect()}>
      {ticked !== undefined && (
        <td>
          <input type="checkbox" checked={ticked} aria-label={t('contacts.queue.pick', { name: row.name })} onChange={(e) => onTick(e.target.checked)} />
        </td>
      )}
      <td>
        <button type="button" className="queue-name cell-main" data-queue-row={row.taxpayerId}>
          {row.name}
        </button>
        <span className="cell-sub">{[row.npwpd ?? t('ledger.noNpwpd'), row.kecamatan].filter(Boolean).join(' · ')}</span>
      </td>
      <td>
        <span className="cell-main mono">{row.phoneRaw ?? <span className="muted">{t('contacts.queue.emptyCell')}</span>}</span>
        <span className="cell-sub">
          {ticked !== undefined && row.phone ? (
            t('contacts.queue.primary', { phone: formatPhone(row.phone) })
          ) : (
            <>
              {problems.map((p, i) => (
                <span key={p} className={BLOCKING.has(p) ? 'problem-word problem-word-blocking' : 'problem-word'}>
                  {i > 0 && ', '}
                  {t(`contacts.problems.${p}`)}
                </span>
              ))}
            </>
          )}
        </span>
      </td>
      <td className="num">
        <span className={row.unpaidPrincipal > 0 ? 'cell-main strong' : 'cell-main muted'}>{formatRupiah(row.unpaidPrincipal)}</span>
        {row.unpaidBills > 0 && <span className="cell-sub">{t('contacts.queue.bills', { n: formatNumber(row.unpaidBills) })}</span>}
      </td>
    </tr>
  );
}

function QueueSearch({ value, onChange }: { value: string; onChange(search: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState(value);
  const settled = useDebounced(typed.trim());
  useEffect(() => {
    if (settled !== value) onChange(settled);
  }, [settled]);
  return (
    <div className="queue-search" role="search">
      <label htmlFor={id}>{t('contacts.queue.search')}</label>
      <input id={id} type="search" placeholder={t('contacts.queue.searchHint')} value={typed} onChange={(e) => setTyped(e.target.value)} />
    </div>
  );
}

function QueuePager({ queue }: { queue: ReviewQueue }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const page = queue.page;
  if (!page || page.total === 0) return null;
  const total = page.totalCapped ? `${formatNumber(page.total)}+` : formatNumber(page.total);
  return (
    <div className="pager queue-pager">
      <p role="status">{t('contacts.queue.range', { from: formatNumber(queue.offset + 1), to: formatNumber(queue.offset + page.rows.length), total })}</p>
      <button type="button" className="button-small" disabled={queue.offset === 0 || queue.refreshing} onClick={() => queue.turnTo(Math.max(0, queue.offset - QUEUE_PAGE), 'first')}>
        {t('common.previous')}
      </button>
      <button type="button" className="button-small" disabled={queue.offset + QUEUE_PAGE >= page.total || queue.refreshing} onClick={() => queue.turnTo(queue.offset + QUEUE_PAGE, 'first')}>
        {t('common.next')}
      </button>
    </div>
  );
}
