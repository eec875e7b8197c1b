import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatPhone } from '../../../shared/contacts/index';
import { mayCall } from '../../api/permissions';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { type Notice, useNotice } from '../../components/notice';
import { Page } from '../../components/Page';
import { Tabs } from '../../components/Tabs';
import { useTaxTypeName } from '../../components/tax-types';
import { useSignedInUser } from '../../session';
import { NoData } from '../taxpayers/LedgerOverview';
import { ContactDetail, type EditedField } from './ContactDetail';
import { ContactQueue } from './ContactQueue';
import { ExportCorrectionsButton } from './ExportCorrectionsButton';
import { MarkNumberDialog, type MarkRequest, type MarkResult } from './MarkNumberDialog';
import { ProblemCounts } from './ProblemCounts';
import { useQueueKeys } from './queue-keys';
import { ReachabilityPanel, ReachCards } from './ReachabilityPanel';
import { type ReviewQueue, type Scope, useReviewQueue } from './review-queue';
import { SharedNumbersPanel } from './SharedNumbersPanel';

type ContactsTab = 'queue' | 'shared' | 'reach';
type Facets = Out<'ledger.facets'>;

/**
 * `#/kontak`: the officers' review of taxpayers' numbers and emails (a queue by problem, fixed
 * one by one or in bulk), the numbers many taxpayers share, and who reminders can reach. The
 * kecamatan and tax type chosen at the top narrow all three.
 */
export function ContactsScreen() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const canEdit = mayCall(user.role, 'contacts.fixPhone');
  const facets = useApi('ledger.facets', {});
  const [scope, setScope] = useState<Scope>({});
  const reach = useApi('contacts.reachability', scope);
  const counts = useApi('contacts.counts', scope);
  const queue = useReviewQueue(scope);
  const [tab, setTab] = useState<ContactsTab>('queue');
  const [editing, setEditing] = useState<EditedField | null>(null);
  const [marking, setMarking] = useState<MarkRequest | null>(null);
  const [revision, setRevision] = useState(0);
  const notice = useNotice();

  const refresh = useCallback(() => {
    reach.reload();
    counts.reload();
    queue.reload();
    setRevision((r) => r + 1);
  }, [reach.reload, counts.reload, queue.reload]);
  const changed = (done: Notice) => {
    notice.show(done);
    refresh();
  };
  const marked = (result: MarkResult) => {
    setMarking(null);
    changed({ key: `contacts.mark.done.${result.marking ?? 'none'}`, params: { phone: formatPhone(result.phone), n: result.reachChanged } });
  };

  // Another contact, another page or another filter: an editor left open would edit the wrong taxpayer.
  useEffect(() => {
    setEditing(null);
  }, [queue.selectedId]);
  useQueueKeys(tab === 'queue' && marking === null, {
    next: () => queue.step(1),
    previous: () => queue.step(-1),
    edit: () => canEdit && queue.selectedId !== null && setEditing('phone'),
    cancel: () => {
      if (editing === null) return false;
      setEditing(null);
      return true;
    },
    selectedId: queue.selectedId,
  });

  const selectTab = (next: ContactsTab) => {
    notice.clear();
    setTab(next);
  };
  const tabs: { id: ContactsTab; label: string }[] = [
    { id: 'queue', label: t('contacts.tabs.queue') },
    { id: 'shared', label: t('contacts.tabs.shared') },
    { id: 'reach', label: t('contacts.tabs.reach') },
  ];
  const unscoped = !scope.kecamatan && !scope.taxType;
  if (unscoped && reach.data?.taxpayers.total === 0) {
    return (
      <Page title={t('nav.contacts.label')} description={t('nav.contacts.description')}>
        <NoData onLoaded={refresh} />
      </Page>
    );
  }
  return (
    <Page title={t('nav.contacts.label')} description={t('nav.contacts.description')}>
      <div className="contacts-toolbar">
        <ScopeFilters scope={scope} onChange={setScope} facets={facets.data} />
        <ExportCorrectionsButton onExported={notice.show} />
      </div>
      <ErrorNotice error={facets.error} onRetry={facets.reload} />
      <ErrorNotice error={reach.error} onRetry={reach.reload} />
      {reach.data ? <ReachCards reach={reach.data} /> : !reach.error && <Loading />}
      <section className="panel panel-table contacts-panel">
        <Tabs<ContactsTab> label={t('contacts.tabs.label')} tabs={tabs} selected={tab} onSelect={selectTab}>
          {notice.text && (
            <div className="contacts-notice">
              <SuccessNotice>{notice.text}</SuccessNotice>
            </div>
          )}
          {tab === 'queue' && (
            <QueueTab
              queue={queue}
              counts={counts.data?.counts}
              countsError={counts.error}
              onRetryCounts={counts.reload}
              canEdit={canEdit}
              editing={editing}
              onEdit={setEditing}
              onMark={setMarking}
              onChanged={changed}
              revision={revision}
            />
          )}
          {tab === 'shared' && <SharedNumbersPanel canEdit={canEdit} onMark={setMarking} revision={revision} />}
          {tab === 'reach' && reach.data && <ReachabilityPanel reach={reach.data} />}
        </Tabs>
      </section>
      {marking && <MarkNumberDialog request={marking} onClose={() => setMarking(null)} onDone={marked} />}
    </Page>
  );
}

interface QueueTabProps {
  queue: ReviewQueue;
  counts: Out<'contacts.counts'>['counts'] | undefined;
  countsError: unknown;
  onRetryCounts(): void;
  canEdit: boolean;
  editing: EditedField | null;
  onEdit(field: EditedField | null): void;
  onMark(request: MarkRequest): void;
  onChanged(notice: Notice): void;
  revision: number;
}

function QueueTab({ queue, counts, countsError, onRetryCounts, canEdit, editing, onEdit, onMark, onChanged, revision }: QueueTabProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="contacts-tab-body">
        <ErrorNotice error={countsError} onRetry={onRetryCounts} />
        <ProblemCounts counts={counts} selected={queue.problem} onSelect={queue.setProblem} />
      </div>
      <div className="contacts-split">
        <ContactQueue queue={queue} canEdit={canEdit} editing={editing !== null} onBulkDone={(n) => onChanged({ key: 'contacts.queue.bulkDone', params: { n } })} />
        <div className="contacts-detail">
          {queue.selectedId === null ? (
            queue.page && <EmptyState>{queue.page.rows.length === 0 ? t('contacts.queue.nothingToReview') : t('contacts.queue.selectHint')}</EmptyState>
          ) : (
            <ContactDetail
              key={queue.selectedId}
              taxpayerId={queue.selectedId}
              canEdit={canEdit}
              editing={editing}
              onEdit={onEdit}
              onMark={onMark}
              onChanged={onChanged}
              revision={revision}
            />
          )}
        </div>
      </div>
    </>
  );
}

function ScopeFilters({ scope, onChange, facets }: { scope: Scope; onChange(scope: Scope): void; facets: Facets | undefined }) {
  const { t } = useTranslation();
  const taxTypeName = useTaxTypeName();
  const set = (patch: Scope) => {
    const next = { ...scope, ...patch };
    onChange({ ...(next.kecamatan && { kecamatan: next.kecamatan }), ...(next.taxType && { taxType: next.taxType }) });
  };
  return (
    <div className="filter-bar filter-bar-compact contacts-scope" role="search" aria-label={t('contacts.scope')}>
      <SelectField label={t('ledger.kecamatan')} value={scope.kecamatan ?? ''} onChange={(e) => set({ kecamatan: e.target.value })}>
        <option value="">{t('ledger.all')}</option>
        {facets?.kecamatan.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('ledger.taxType')} value={scope.taxType ?? ''} onChange={(e) => set({ taxType: e.target.value })}>
        <option value="">{t('ledger.all')}</option>
        {facets?.taxTypes.map((type) => (
          <option key={type.code} value={type.code}>
            {taxTypeName(type.code)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
