import { type ColumnDef, flexRender, getCoreRowModel, type RowData, type SortingState, type Updater, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type MouseEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedRows } from '../api/usePagedRows';
import { navigate } from '../router';
import { EmptyState, ErrorNotice, Loading } from './Feedback';
import { useNumberFormat } from './numbers';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's CSS grid track, e.g. `130px` or `minmax(200px, 2fr)`. */
    width: string;
    align?: 'right';
    /** Kept for the type parameters, which TanStack requires to be used. */
    _types?: [TData, TValue];
  }
}

export interface Sort<C extends string> {
  column: C;
  direction: 'asc' | 'desc';
}

/**
 * Rows one scroll area shows before a pager takes over: a browser cannot lay out a million
 * rows' height (Chromium stops near 33 million pixels), and nobody scrolls that far anyway.
 */
const BLOCK = 10_000;
/** Rows fetched beyond the visible ones, so a steady scroll rarely shows a placeholder. */
const PREFETCH = 30;

interface VirtualTableProps<Row, C extends string> {
  /** The table's accessible name. */
  label: string;
  // Accessor columns of different value types only share this type with `any` (TanStack's own advice).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  rows: PagedRows<Row>;
  sort: Sort<C>;
  onSort(sort: Sort<C>): void;
  rowHeight: number;
  rowKey(row: Row): string;
  /** The route a click on the row opens, e.g. `wajib-pajak/12` (the row also holds a link for keyboard users). */
  rowPath?(row: Row): string;
  rowClassName?(row: Row): string | undefined;
  /** `1.234 tagihan`: what the status line calls the whole result. */
  describeTotal(total: string): string;
  emptyText: string;
}

/**
 * A table over a server-side result of any size: TanStack Table for the columns and the sort
 * state, TanStack Virtual so only the rows in view exist in the page, and `usePagedRows` to
 * fetch the pages those rows fall in.
 */
export function VirtualTable<Row, C extends string>(props: VirtualTableProps<Row, C>) {
  const { label, columns, rows, sort, onSort, rowHeight, rowKey, rowPath, rowClassName, describeTotal, emptyText } = props;
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [block, setBlock] = useState(0);
  const blockStart = block * BLOCK;
  // Past a capped count the end is unknown until a page comes back short: the block is assumed full till then.
  const end = rows.total ?? rows.atMost ?? Number.POSITIVE_INFINITY;
  const count = Math.max(0, Math.min(BLOCK, end - blockStart));

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const inView = virtualizer.range ?? { startIndex: 0, endIndex: 0 };
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // A new query (filter or sort) starts at its first row.
  useEffect(() => {
    setBlock(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [rows.key]);

  const { request, epoch } = rows;
  useEffect(() => {
    if (count === 0) return;
    // Waits for the scrollbar to settle, so dragging it across a million rows asks only for where it stops.
    const timer = setTimeout(() => request(blockStart + first - PREFETCH, blockStart + Math.min(last + PREFETCH, count - 1)), 60);
    return () => clearTimeout(timer);
  }, [request, epoch, blockStart, first, last, count]);

  const visible = items.map((item) => ({ item, row: rows.rowAt(blockStart + item.index) }));
  const loaded = visible.flatMap((v) => (v.row === undefined ? [] : [v.row]));
  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === 'desc' }];
  const table = useReactTable({
    data: loaded,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowKey,
    manualSorting: true,
    manualPagination: true,
    // `data` is the rows in view, new on every scroll: resetting table state on each would render forever.
    autoResetAll: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next) onSort({ column: next.id as C, direction: next.desc ? 'desc' : 'asc' });
    },
  });
  const modelRows = table.getRowModel().rows;

  // Nothing to show yet: the first page of the first query is on the way, or did not come.
  if (rows.epoch === 0) return rows.error ? <ErrorNotice error={rows.error} onRetry={rows.reload} /> : <Loading />;

  const grid = { '--grid': columns.map((c) => c.meta?.width ?? '1fr').join(' ') } as CSSProperties;
  const open = (event: MouseEvent, row: Row) => {
    // The link inside the row and any button handle their own clicks.
    if (!rowPath || (event.target as HTMLElement).closest('a, button')) return;
    navigate(rowPath(row));
  };
  let nextLoaded = 0;
  return (
    <div className="vtable-frame">
      <ErrorNotice error={rows.error} onRetry={rows.reload} />
      <div className={rows.refreshing ? 'vtable-scroll vtable-refreshing' : 'vtable-scroll'} aria-busy={rows.refreshing} ref={scrollRef} tabIndex={0} aria-label={label} role="region">
        <table className="table vtable" style={grid} aria-label={label} aria-rowcount={rows.total === null ? -1 : rows.total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const align = header.column.columnDef.meta?.align;
                  return (
                    <th key={header.id} scope="col" className={align === 'right' ? 'num' : undefined} aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {visible.map(({ item, row }) => {
              const position = { height: rowHeight, transform: `translateY(${item.start}px)` };
              const rowIndex = blockStart + item.index + 2;
              const modelRow = row === undefined ? undefined : modelRows[nextLoaded++];
              if (row === undefined || !modelRow) {
                return (
                  <tr key={`placeholder-${item.index}`} className="vtable-placeholder" style={position} aria-rowindex={rowIndex}>
                    <td className="vtable-placeholder-cell">{t('common.loading')}</td>
                  </tr>
                );
              }
              const extra = rowClassName?.(row);
              return (
                <tr key={modelRow.id} style={position} aria-rowindex={rowIndex} className={[rowPath ? 'row-link' : '', extra ?? ''].join(' ').trim() || undefined} onClick={(e) => open(e, row)}>
                  {modelRow.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.align === 'right' ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {count === 0 && block === 0 && <EmptyState>{emptyText}</EmptyState>}
      </div>
      {(count > 0 || block > 0) && (
        <div className="pager">
          <p role="status">
            {count > 0 &&
              t('table.showing', {
                from: formatNumber(blockStart + inView.startIndex + 1),
                to: formatNumber(blockStart + Math.min(inView.endIndex + 1, count)),
                total: describeTotal(rows.total === null ? `${formatNumber(rows.atLeast)}+` : formatNumber(rows.total)),
              })}
          </p>
          {(end > BLOCK || block > 0) && (
            <>
              <button type="button" disabled={block === 0} onClick={() => jumpTo(block - 1)}>
                {t('table.previousBlock', { size: formatNumber(BLOCK) })}
              </button>
              <button type="button" disabled={blockStart + BLOCK >= end} onClick={() => jumpTo(block + 1)}>
                {t('table.nextBlock', { size: formatNumber(BLOCK) })}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );

  function jumpTo(next: number) {
    setBlock(next);
    scrollRef.current?.scrollTo({ top: 0 });
  }
}
