import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Page, Panel } from '../../components/Page';
import { AuditTable } from './AuditTable';

const PAGE_SIZE = 50;
/** The prefixes people filter by most; the field accepts any other prefix too. */
const COMMON_ACTIONS = ['auth.login', 'auth.', 'users.', 'settings.'];

/** Who did what and when, newest first, for the administrator and the head of agency. */
export function AuditScreen() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ actor: '', action: '' });
  const [filter, setFilter] = useState({ actor: '', action: '' });
  const [offset, setOffset] = useState(0);
  const audit = useApi('audit.list', {
    limit: PAGE_SIZE,
    offset,
    ...(filter.actor && { actor: filter.actor }),
    ...(filter.action && { action: filter.action }),
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ actor: draft.actor.trim().toLowerCase(), action: draft.action.trim() });
    setOffset(0);
  };
  const clear = () => {
    setDraft({ actor: '', action: '' });
    setFilter({ actor: '', action: '' });
    setOffset(0);
  };
  const total = audit.data?.total ?? 0;
  return (
    <Page title={t('nav.audit.label')} description={t('nav.audit.description')}>
      <form className="panel filter-bar" role="search" aria-label={t('audit.filters')} onSubmit={apply}>
        <TextField label={t('audit.actor')} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        <TextField label={t('audit.action')} hint={t('audit.actionHint')} list="audit-actions" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        <datalist id="audit-actions">
          {COMMON_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <div className="button-row">
          <button type="submit" className="button-primary">
            {t('audit.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <Panel title={t('audit.entries')}>
        {audit.loading && !audit.data && <Loading />}
        <ErrorNotice error={audit.error} onRetry={audit.reload} />
        {audit.data?.entries.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
        {audit.data && audit.data.entries.length > 0 && (
          <>
            <AuditTable entries={audit.data.entries} />
            <div className="pager">
              <p role="status">{t('audit.range', { from: offset + 1, to: offset + audit.data.entries.length, total })}</p>
              <button type="button" disabled={offset === 0 || audit.loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('common.previous')}
              </button>
              <button type="button" disabled={offset + PAGE_SIZE >= total || audit.loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('common.next')}
              </button>
            </div>
          </>
        )}
      </Panel>
    </Page>
  );
}
