import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Instant } from '../../components/Instant';
import { useNumberFormat } from '../../components/numbers';
import { PhoneNumber } from './contact-facts';
import type { MarkRequest } from './MarkNumberDialog';

type Listing = 'unmarked' | 'office' | 'shared' | 'all';
type SharedNumber = Out<'contacts.sharedNumbers'>['numbers'][number];

const LISTINGS: readonly Listing[] = ['unmarked', 'office', 'shared', 'all'];
/** More numbers than this on one list would mean the threshold is set too low. */
const LIMIT = 300;

/** Numbers many unrelated taxpayers use, most used first, and the officers' verdict on each. */
export function SharedNumbersPanel({ canEdit, onMark, revision }: { canEdit: boolean; onMark(request: MarkRequest): void; revision: number }) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<Listing>('unmarked');
  const list = useApi('contacts.sharedNumbers', { marking: listing, limit: LIMIT });
  const seen = useRef(revision);
  useEffect(() => {
    if (revision === seen.current) return;
    seen.current = revision;
    list.reload();
  }, [revision, list.reload]);
  return (
    <div className="contacts-tab-body">
      <div className="shared-head">
        <SelectField label={t('contacts.shared.show')} value={listing} onChange={(e) => setListing(e.target.value as Listing)}>
          {LISTINGS.map((option) => (
            <option key={option} value={option}>
              {t(`contacts.shared.listing.${option}`)}
            </option>
          ))}
        </SelectField>
        {list.data && <p className="shared-intro">{t('contacts.shared.intro', { threshold: list.data.threshold })}</p>}
      </div>
      {list.loading && !list.data && <Loading />}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data &&
        (list.data.numbers.length === 0 ? (
          <EmptyState>{t('contacts.shared.empty')}</EmptyState>
        ) : (
          <table className={list.loading ? 'table shared-table vtable-refreshing' : 'table shared-table'} aria-label={t('contacts.shared.table')}>
            <thead>
              <tr>
                <th scope="col">{t('contacts.shared.number')}</th>
                <th scope="col" className="num">
                  {t('contacts.shared.taxpayers')}
                </th>
                <th scope="col">{t('contacts.shared.usedBy')}</th>
                <th scope="col">{t('contacts.shared.marking')}</th>
                {canEdit && <th scope="col">{t('contacts.shared.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.numbers.map((number) => (
                <SharedRow key={number.phone} number={number} canEdit={canEdit} onMark={onMark} />
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}

function SharedRow({ number, canEdit, onMark }: { number: SharedNumber; canEdit: boolean; onMark(request: MarkRequest): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const request = (as: MarkRequest['as']): MarkRequest => ({ phone: number.phone, as, taxpayers: number.taxpayers, marking: number.marking, note: number.note });
  const more = number.taxpayers - number.sampleNames.length;
  return (
    <tr>
      <td className="nowrap">
        <PhoneNumber e164={number.phone} />
      </td>
      <td className="num strong">{formatNumber(number.taxpayers)}</td>
      <td className="shared-names">
        {number.sampleNames.join(', ')}
        {more > 0 && <span className="muted"> {t('contacts.shared.more', { n: formatNumber(more) })}</span>}
      </td>
      <td>
        <span className={number.marking === 'office' ? 'badge badge-off' : number.marking === 'shared' ? 'badge badge-info' : 'badge badge-warning'}>
          {t(`contacts.shared.marked.${number.marking ?? 'none'}`)}
        </span>
        {number.markedBy && number.markedAt && (
          <span className="cell-sub">
            {number.markedBy}, <Instant iso={number.markedAt} />
          </span>
        )}
        {number.note && <span className="cell-sub">“{number.note}”</span>}
      </td>
      {canEdit && (
        <td>
          <div className="button-row shared-actions">
            {number.marking !== 'office' && (
              <button type="button" className="button-small" onClick={() => onMark(request('office'))}>
                {t('contacts.shared.markOffice')}
              </button>
            )}
            {number.marking !== 'shared' && (
              <button type="button" className="button-small" onClick={() => onMark(request('shared'))}>
                {t('contacts.shared.markShared')}
              </button>
            )}
            {number.marking && (
              <button type="button" className="button-small" onClick={() => onMark(request('none'))}>
                {t('contacts.shared.clear')}
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
