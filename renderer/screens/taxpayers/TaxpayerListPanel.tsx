import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { usePagedRows } from '../../api/usePagedRows';
import { useDebounced } from '../../components/debounce';
import { SelectField, TextField } from '../../components/Field';
import { useNumberFormat } from '../../components/numbers';
import { VirtualTable } from '../../components/VirtualTable';
import { hrefTo } from '../../router';
import type { TaxpayerQuery } from './ledger-query';

type Taxpayer = Out<'ledger.taxpayers'>['rows'][number];

/** The taxpayers with what each still owes; sorting by arrears puts the largest debtors first. */
export function TaxpayerListPanel({ query, onChange, kecamatan }: { query: TaxpayerQuery; onChange(query: TaxpayerQuery): void; kecamatan: string[] }) {
  const { t } = useTranslation();
  const input = {
    ...(query.search.trim() && { search: query.search.trim() }),
    ...(query.kecamatan && { kecamatan: query.kecamatan }),
    sort: query.sort.column,
    direction: query.sort.direction,
  };
  const key = JSON.stringify(input);
  // `key` is the input as JSON: the loader changes exactly when the query does.
  const load = useCallback(async (offset: number, limit: number) => api.call('ledger.taxpayers', { ...input, offset, limit }), [key]);
  const rows = usePagedRows(key, load);
  const columns = useTaxpayerColumns();
  return (
    <>
      <TaxpayerFilters query={query} onChange={onChange} kecamatan={kecamatan} />
      <VirtualTable
        label={t('ledger.taxpayersTable')}
        columns={columns}
        rows={rows}
        sort={query.sort}
        onSort={(sort) => onChange({ ...query, sort })}
        rowHeight={52}
        rowKey={(taxpayer) => String(taxpayer.id)}
        rowPath={(taxpayer) => `wajib-pajak/${taxpayer.id}`}
        describeTotal={(total) => t('ledger.taxpayersCount', { total })}
        emptyText={t('ledger.noTaxpayersMatch')}
      />
    </>
  );
}

function useTaxpayerColumns() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  return useMemo(() => {
    const column = createColumnHelper<Taxpayer>();
    return [
      column.accessor('npwpd', { header: t('ledger.npwpd'), meta: { width: '170px' }, cell: (c) => <span className="mono">{c.getValue() ?? t('ledger.noNpwpd')}</span> }),
      column.accessor('name', {
        header: t('ledger.name'),
        meta: { width: 'minmax(220px, 2fr)' },
        cell: ({ row: { original: taxpayer } }) => (
          <>
            <a className="cell-main" href={hrefTo(`wajib-pajak/${taxpayer.id}`)}>
              {taxpayer.name}
            </a>
            <span className="cell-sub">{taxpayer.address ?? ''}</span>
          </>
        ),
      }),
      column.accessor('kecamatan', {
        header: t('ledger.kecamatan'),
        meta: { width: 'minmax(140px, 1fr)' },
        cell: ({ row: { original: taxpayer } }) => (
          <>
            <span className="cell-main">{taxpayer.kecamatan ?? t('common.none')}</span>
            <span className="cell-sub">{taxpayer.kelurahan ?? ''}</span>
          </>
        ),
      }),
      column.accessor('unpaidBills', { header: t('ledger.unpaidCountShort'), enableSorting: false, meta: { width: '130px', align: 'right' }, cell: (c) => formatNumber(c.getValue()) }),
      column.accessor('unpaidPrincipal', { header: t('ledger.unpaidPrincipalColumn'), meta: { width: '200px', align: 'right' }, cell: (c) => formatRupiah(c.getValue()) }),
    ];
  }, [t, formatNumber]);
}

function TaxpayerFilters({ query, onChange, kecamatan }: { query: TaxpayerQuery; onChange(query: TaxpayerQuery): void; kecamatan: string[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(query.search);
  const settled = useDebounced(search);
  // Only a settled search text starts a query; the rest of `query` is read as it is then.
  useEffect(() => {
    if (settled !== query.search) onChange({ ...query, search: settled });
  }, [settled]);
  return (
    <div className="filter-bar filter-bar-compact" role="search" aria-label={t('ledger.taxpayerFilters')}>
      <TextField label={t('ledger.search')} placeholder={t('ledger.searchTaxpayerHint')} type="search" className="field-search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <SelectField label={t('ledger.kecamatan')} value={query.kecamatan} onChange={(e) => onChange({ ...query, kecamatan: e.target.value })}>
        <option value="">{t('ledger.all')}</option>
        {kecamatan.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
