import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In, Out } from '../../../shared/api/index';
import { formatDate, formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { useLanguage } from '../../i18n';
import { hrefTo } from '../../router';

type Payment = Out<'payments.list'>['payments'][number];
const PAGE = 200;

/** Payments newest first, filtered by day, partner or a code; more pages on request. */
export function PaymentList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState({ from: '', to: '', partnerId: '', search: '' });
  const input: In<'payments.list'> = { from: filter.from || undefined, to: filter.to || undefined, partnerId: filter.partnerId || undefined, search: filter.search.trim() || undefined, limit: PAGE };
  const first = useApi('payments.list', input);
  const [more, setMore] = useState<{ key: string; rows: Payment[]; next: number | null } | null>(null);
  const key = JSON.stringify(input);
  const extra = more?.key === key ? more : null;
  const next = extra ? extra.next : (first.data?.nextBeforeId ?? null);
  const loadMore = useAction(async () => {
    if (next === null) return;
    const page = await api.call('payments.list', { ...input, beforeId: next });
    setMore({ key, rows: [...(extra?.rows ?? []), ...page.payments], next: page.nextBeforeId });
  });
  const rows = [...(first.data?.payments ?? []), ...(extra?.rows ?? [])];
  const set = (patch: Partial<typeof filter>) => setFilter({ ...filter, ...patch });

  return (
    <Panel title={t('payments.listTitle')}>
      <div className="filter-bar filter-bar-compact" role="search" aria-label={t('payments.filters')}>
        <TextField label={t('payments.from')} type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        <TextField label={t('payments.to')} type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        <TextField label={t('payments.partner')} placeholder="LOKET" value={filter.partnerId} onChange={(e) => set({ partnerId: e.target.value })} />
        <TextField label={t('payments.search')} placeholder={t('payments.searchHint')} type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
      </div>
      {first.loading && !first.data && <Loading />}
      <ErrorNotice error={first.error} onRetry={first.reload} />
      {first.data && <p className="panel-note">{t('payments.totals', { count: first.data.totals.count, amount: formatRupiah(first.data.totals.amount) })}</p>}
      {first.data && rows.length === 0 && <EmptyState>{t('payments.empty')}</EmptyState>}
      {rows.length > 0 && (
        <table className="table" aria-label={t('payments.listTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('payments.paidDate')}</th>
              <th scope="col">{t('payments.partner')}</th>
              <th scope="col">{t('payments.receiptColumn')}</th>
              <th scope="col">{t('ledger.kodeBayar')}</th>
              <th scope="col">{t('ledger.taxpayer')}</th>
              <th scope="col" className="num">
                {t('payments.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="nowrap">{formatDate(p.paidDate, language)}</td>
                <td>
                  {p.partnerId === 'LOKET' ? t('payments.counter') : p.partnerId}
                  <span className="cell-sub mono">{p.partnerRef}</span>
                </td>
                <td className="mono">{p.receiptNumber}</td>
                <td className="mono">
                  {p.kodeBayar}
                  {p.paymentCode !== p.kodeBayar && <span className="cell-sub">{p.paymentCode}</span>}
                </td>
                <td>
                  <a href={hrefTo(`wajib-pajak/${p.taxpayerId}`)}>{p.taxpayerName}</a>
                  <span className="cell-sub mono">{p.npwpd ?? ''}</span>
                </td>
                <td className="num nowrap">{formatRupiah(p.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorNotice error={loadMore.error} />
      {next !== null && (
        <button type="button" className="button-small" disabled={loadMore.pending} onClick={() => void loadMore.run()}>
          {t('payments.more')}
        </button>
      )}
    </Panel>
  );
}
