import { useState } from 'react';
import type { BILL_SORT_COLUMNS } from '../../../shared/api/ledger';
import type { Sort } from '../../components/VirtualTable';

export type BillSortColumn = (typeof BILL_SORT_COLUMNS)[number];
export type TaxpayerSortColumn = 'name' | 'npwpd' | 'kecamatan' | 'unpaidPrincipal';

/** What the officer asked the bills table for; empty text means "any". */
export interface BillQuery {
  search: string;
  taxType: string;
  kecamatan: string;
  status: '' | 'paid' | 'unpaid';
  dueFrom: string;
  dueTo: string;
  overdue: boolean;
  sort: Sort<BillSortColumn>;
}

export interface TaxpayerQuery {
  search: string;
  kecamatan: string;
  sort: Sort<TaxpayerSortColumn>;
}

export type LedgerTab = 'bills' | 'taxpayers';

export const NO_BILL_FILTER: Omit<BillQuery, 'sort'> = { search: '', taxType: '', kecamatan: '', status: '', dueFrom: '', dueTo: '', overdue: false };
const FIRST_BILL_QUERY: BillQuery = { ...NO_BILL_FILTER, sort: { column: 'dueDate', direction: 'asc' } };
const FIRST_TAXPAYER_QUERY: TaxpayerQuery = { search: '', kecamatan: '', sort: { column: 'name', direction: 'asc' } };

/**
 * The lists' state lives in the screen, above the taxpayer page, so coming back from a
 * taxpayer finds the same tab, filters and sort.
 */
export function useLedgerLists() {
  const [tab, setTab] = useState<LedgerTab>('bills');
  const [bills, setBills] = useState<BillQuery>(FIRST_BILL_QUERY);
  const [taxpayers, setTaxpayers] = useState<TaxpayerQuery>(FIRST_TAXPAYER_QUERY);
  return { tab, setTab, bills, setBills, taxpayers, setTaxpayers };
}

export type LedgerLists = ReturnType<typeof useLedgerLists>;

/** The bills query as the contract takes it: empty fields left out. */
export function billsInput(query: BillQuery) {
  return {
    filter: {
      ...(query.search.trim() && { search: query.search.trim() }),
      ...(query.taxType && { taxType: query.taxType }),
      ...(query.kecamatan && { kecamatan: query.kecamatan }),
      ...(query.status && { status: query.status }),
      ...(query.dueFrom && { dueFrom: query.dueFrom }),
      ...(query.dueTo && { dueTo: query.dueTo }),
      ...(query.overdue && { overdue: true }),
    },
    sort: query.sort.column,
    direction: query.sort.direction,
  };
}
