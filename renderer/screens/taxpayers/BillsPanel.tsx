import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { usePagedRows } from '../../api/usePagedRows';
import { useDebounced } from '../../components/debounce';
import { SelectField, TextField } from '../../components/Field';
import { useTaxTypeName } from '../../components/tax-types';
import { VirtualTable } from '../../components/VirtualTable';
import { useLanguage } from '../../i18n';
import { hrefTo } from '../../router';
import { type Bill, DueDate, formatMasa, isOverdue, StatusBadge } from './bill-facts';
import { type BillQuery, billsInput, NO_BILL_FILTER } from './ledger-query';

type Facets = Out<'ledger.facets'>;

/** Every bill in the ledger, filtered and sorted by the server, read a page at a time. */
export function BillsPanel({ query, onChange, facets, asOf }: { query: BillQuery; onChange(query: BillQuery): void; facets: Facets | undefined; asOf: string }) {
  const { t } = useTranslation();
  const input = billsInput(query);
  const key = JSON.stringify(input);
  // `key` is the input as JSON: the loader changes exactly when the query does.
  const load = useCallback(
    async (offset: number, limit: number, withTotal: boolean) => {
      const page = await api.call('ledger.bills', { ...input, offset, limit, withTotal });
      return { rows: page.rows, total: page.total, totalCapped: page.totalCapped };
    },
    [key],
  );
  const rows = usePagedRows(key, load);
  const columns = useBillColumns(asOf);
  return (
    <>
      <BillFilters query={query} onChange={onChange} facets={facets} />
      <VirtualTable
        label={t('ledger.billsTable')}
        columns={columns}
        rows={rows}
        sort={query.sort}
        onSort={(sort) => onChange({ ...query, sort })}
        rowHeight={52}
        rowKey={(bill) => String(bill.id)}
        rowPath={(bill) => `wajib-pajak/${bill.taxpayerId}`}
        rowClassName={(bill) => (isOverdue(bill, asOf) ? 'row-overdue' : undefined)}
        describeTotal={(total) => t('ledger.billsCount', { total })}
        emptyText={t('ledger.noBillsMatch')}
      />
    </>
  );
}

function useBillColumns(asOf: string) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxTypeName = useTaxTypeName();
  return useMemo(() => {
    const column = createColumnHelper<Bill>();
    return [
      column.accessor('kodeBayar', { header: t('ledger.kodeBayar'), meta: { width: '150px' }, cell: (c) => <span className="mono">{c.getValue()}</span> }),
      column.accessor('taxpayerName', {
        header: t('ledger.taxpayer'),
        meta: { width: 'minmax(170px, 1.6fr)' },
        cell: ({ row: { original: bill } }) => (
          <>
            <a className="cell-main" href={hrefTo(`wajib-pajak/${bill.taxpayerId}`)}>
              {bill.taxpayerName}
            </a>
            <span className="cell-sub mono">{bill.npwpd ?? t('ledger.noNpwpd')}</span>
          </>
        ),
      }),
      column.accessor('taxType', {
        header: t('ledger.taxType'),
        meta: { width: 'minmax(160px, 1.4fr)' },
        cell: ({ row: { original: bill } }) => (
          <>
            <span className="cell-main">{taxTypeName(bill.taxType)}</span>
            <span className="cell-sub">{[formatMasa(bill, language), bill.nop ?? bill.objectName].filter(Boolean).join(' · ')}</span>
          </>
        ),
      }),
      column.accessor('kecamatan', { header: t('ledger.kecamatan'), meta: { width: '112px' }, cell: (c) => <span className="cell-main">{c.getValue() ?? t('common.none')}</span> }),
      column.accessor('dueDate', { header: t('ledger.dueDate'), meta: { width: '156px' }, cell: ({ row: { original: bill } }) => <DueDate bill={bill} asOf={asOf} /> }),
      column.accessor('principal', { header: t('ledger.principal'), meta: { width: '124px', align: 'right' }, cell: (c) => formatRupiah(c.getValue()) }),
      column.accessor('status', { header: t('ledger.status'), meta: { width: '132px' }, cell: ({ row: { original: bill } }) => <StatusBadge bill={bill} asOf={asOf} /> }),
    ];
  }, [t, language, taxTypeName, asOf]);
}

function BillFilters({ query, onChange, facets }: { query: BillQuery; onChange(query: BillQuery): void; facets: Facets | undefined }) {
  const { t } = useTranslation();
  const taxTypeName = useTaxTypeName();
  const [search, setSearch] = useState(query.search);
  const settled = useDebounced(search);
  // Only a settled search text starts a query; the rest of `query` is read as it is then.
  useEffect(() => {
    if (settled !== query.search) onChange({ ...query, search: settled });
  }, [settled]);
  const set = (patch: Partial<BillQuery>) => onChange({ ...query, ...patch });
  const filtered = search !== '' || (Object.keys(NO_BILL_FILTER) as (keyof typeof NO_BILL_FILTER)[]).some((field) => query[field] !== NO_BILL_FILTER[field]);
  return (
    <div className="filter-bar filter-bar-compact" role="search" aria-label={t('ledger.billFilters')}>
      <TextField label={t('ledger.search')} placeholder={t('ledger.searchHint')} type="search" className="field-search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <SelectField label={t('ledger.taxType')} value={query.taxType} onChange={(e) => set({ taxType: e.target.value })}>
        <option value="">{t('ledger.all')}</option>
        {facets?.taxTypes.map((type) => (
          <option key={type.code} value={type.code}>
            {taxTypeName(type.code)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('ledger.kecamatan')} value={query.kecamatan} onChange={(e) => set({ kecamatan: e.target.value })}>
        <option value="">{t('ledger.all')}</option>
        {facets?.kecamatan.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('ledger.status')} value={query.status} onChange={(e) => set({ status: e.target.value as BillQuery['status'] })}>
        <option value="">{t('ledger.all')}</option>
        <option value="unpaid">{t('ledger.unpaid')}</option>
        <option value="paid">{t('ledger.paid')}</option>
      </SelectField>
      <TextField label={t('ledger.dueFrom')} type="date" value={query.dueFrom} max={query.dueTo || undefined} onChange={(e) => set({ dueFrom: e.target.value })} />
      <TextField label={t('ledger.dueTo')} type="date" value={query.dueTo} min={query.dueFrom || undefined} onChange={(e) => set({ dueTo: e.target.value })} />
      <label className="check-field">
        <input type="checkbox" checked={query.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
        {t('ledger.overdueOnly')}
      </label>
      {filtered && (
        <button
          type="button"
          className="button-small filter-clear"
          onClick={() => {
            setSearch('');
            onChange({ ...NO_BILL_FILTER, sort: query.sort });
          }}
        >
          {t('ledger.clearFilters')}
        </button>
      )}
    </div>
  );
}
