import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { RECON_CLASS_NAMES } from '../../../shared/api/reconciliation';
import { formatDate, formatRupiah } from '../../../shared/format';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { useInstantFormat } from '../../components/Instant';
import { Panel } from '../../components/Page';
import { useLanguage } from '../../i18n';
import { ResolveDialog } from './ResolveDialog';
import { useReloadOn } from './useReloadOn';

type Item = Out<'reconciliation.items'>['items'][number];
const EXCEPTIONS = RECON_CLASS_NAMES.filter((name) => name !== 'matched');
/** Which items to list: open exceptions (the work left), every exception, or what matched and by which rule. */
const VIEWS = ['open', 'exceptions', 'matched'] as const;
type View = (typeof VIEWS)[number];

/** The period's items, open exceptions by default, with each credit's class and confidence; an open one opens the resolve dialog while the period is unlocked. */
export function ExceptionList({ period, canResolve, version, onResolved }: { period: string; canResolve: boolean; version: number; onResolved(item: Item): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatInstant = useInstantFormat();
  const [view, setView] = useState<View>('open');
  const [resolving, setResolving] = useState<Item | null>(null);
  const items = useApi('reconciliation.items', { period, classes: view === 'matched' ? ['matched'] : [...EXCEPTIONS], openOnly: view === 'open', limit: 500 });
  useReloadOn(version, items.reload);

  return (
    <Panel title={t('reconciliation.itemsTitle')}>
      <div className="filter-bar filter-bar-compact">
        <SelectField label={t('reconciliation.show')} value={view} onChange={(e) => setView(e.target.value as View)}>
          {VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`reconciliation.views.${v}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {items.loading && !items.data && <Loading />}
      <ErrorNotice error={items.error} onRetry={items.reload} />
      {items.data?.items.length === 0 && <EmptyState>{t('reconciliation.noExceptions')}</EmptyState>}
      {items.data && items.data.items.length > 0 && (
        <table className="table" aria-label={t('reconciliation.itemsTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.itemDay')}</th>
              <th scope="col">{t('reconciliation.class')}</th>
              <th scope="col" className="num">
                {t('reconciliation.amount')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.confidence')}
              </th>
              <th scope="col">{t('reconciliation.description')}</th>
              <th scope="col">{t('reconciliation.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <td className="nowrap">
                  {formatDate(item.day, language)}
                  <span className="cell-sub">{t(`reconciliation.sources.${item.source}`)}</span>
                </td>
                <td>
                  <span className={item.class === 'matched' ? 'badge badge-on' : 'badge badge-warning'}>{t(`reconciliation.classes.${item.class}`)}</span>
                  {item.partnerId && <span className="cell-sub mono">{item.partnerId}</span>}
                </td>
                <td className="num nowrap">
                  {formatRupiah(item.amount)}
                  {item.expected !== null && (
                    <span className="cell-sub">
                      {t('reconciliation.expected')} {formatRupiah(item.expected)}
                    </span>
                  )}
                </td>
                <td className="num">{item.confidence === null ? t('common.none') : `${item.confidence}%`}
                  {item.rule && <span className="cell-sub">{item.rule}</span>}</td>
                <td>
                  {item.description ?? item.taxpayerName ?? t('common.none')}
                  <span className="cell-sub mono">{[item.reference, item.kodeBayar, item.receiptNumber].filter(Boolean).join(' · ')}</span>
                </td>
                <td>
                  {item.resolution ? (
                    <>
                      {t(`reconciliation.resolutions.${item.resolution}`)}
                      <span className="cell-sub">{t('reconciliation.resolvedBy', { by: item.resolvedBy ?? '', at: item.resolvedAt ? formatInstant(item.resolvedAt) : '' })}</span>
                      {item.note && <span className="cell-sub">{item.note}</span>}
                    </>
                  ) : (
                    canResolve &&
                    item.class !== 'matched' && (
                      <button type="button" className="button-small" onClick={() => setResolving(item)}>
                        {t('reconciliation.resolve')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resolving && (
        <ResolveDialog
          item={resolving}
          onClose={() => setResolving(null)}
          onResolved={(item) => {
            setResolving(null);
            onResolved(item);
          }}
        />
      )}
    </Panel>
  );
}
