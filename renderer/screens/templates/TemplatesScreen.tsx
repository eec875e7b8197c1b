import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../api/permissions';
import { SuccessNotice } from '../../components/Feedback';
import type { Notice } from '../../components/notice';
import { Page } from '../../components/Page';
import { Tabs } from '../../components/Tabs';
import { hrefTo, navigate, useRouteRest } from '../../router';
import { useSignedInUser } from '../../session';
import { ApprovalInbox } from './ApprovalInbox';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { HISTORY_SEGMENT, INBOX_SEGMENT, NEW_SEGMENT, type Notify, TEMPLATES_PATH } from './template-facts';
import { VersionHistory } from './VersionHistory';

type OverviewTab = 'list' | 'inbox';

/**
 * `#/template`: the templates; `#/template/persetujuan`: the head's approval inbox;
 * `#/template/baru` and `#/template/<id>`: the editor; `#/template/<id>/riwayat`: the versions.
 * The "saved" line lives here, so it survives the move to the page the action led to.
 */
export function TemplatesScreen() {
  const { t } = useTranslation();
  const rest = useRouteRest();
  const here = [TEMPLATES_PATH, ...rest].join('/');
  const [flash, setFlash] = useState<{ path: string; notice: Notice } | null>(null);
  const notify: Notify = useCallback((path, notice) => setFlash({ path, notice }), []);
  // Leaving the page the line was meant for drops it; arriving there (after a navigate) keeps it.
  useEffect(() => setFlash((current) => (current && current.path !== here ? null : current)), [here]);
  const notice = flash?.path === here ? t(flash.notice.key, flash.notice.params) : '';

  const [first, second] = rest;
  if (first === NEW_SEGMENT) return <TemplateEditor id={null} notice={notice} notify={notify} />;
  if (first !== undefined && /^\d{1,15}$/.test(first)) {
    const id = Number(first);
    return second === HISTORY_SEGMENT ? <VersionHistory id={id} /> : <TemplateEditor id={id} notice={notice} notify={notify} />;
  }
  if (first !== undefined && first !== INBOX_SEGMENT) {
    return (
      <Page title={t('nav.templates.label')}>
        <p className="callout callout-warning">{t('templates.badAddress', { path: `#/${here}` })}</p>
        <p>
          <a href={hrefTo(TEMPLATES_PATH)}>{t('templates.backToList')}</a>
        </p>
      </Page>
    );
  }
  return <Overview tab={first === INBOX_SEGMENT ? 'inbox' : 'list'} notice={notice} notify={notify} />;
}

function Overview({ tab, notice, notify }: { tab: OverviewTab; notice: string; notify: Notify }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const decides = mayCall(user.role, 'templates.approve');
  const writes = mayCall(user.role, 'templates.create');
  const list = (
    <section className="panel template-list" aria-label={t('templates.tabs.list')}>
      {writes && (
        <div className="list-actions">
          <a className="button-link-primary" href={hrefTo(`${TEMPLATES_PATH}/${NEW_SEGMENT}`)}>
            {t('templates.list.new')}
          </a>
        </div>
      )}
      <TemplateList />
    </section>
  );
  return (
    <Page title={t('nav.templates.label')} description={t('nav.templates.description')}>
      <SuccessNotice>{notice}</SuccessNotice>
      {decides ? (
        <Tabs<OverviewTab>
          label={t('templates.tabsLabel')}
          tabs={[
            { id: 'list', label: t('templates.tabs.list') },
            { id: 'inbox', label: t('templates.tabs.inbox') },
          ]}
          selected={tab}
          onSelect={(next) => navigate(next === 'inbox' ? `${TEMPLATES_PATH}/${INBOX_SEGMENT}` : TEMPLATES_PATH)}
        >
          {tab === 'inbox' ? <ApprovalInbox notify={notify} /> : list}
        </Tabs>
      ) : (
        list
      )}
    </Page>
  );
}
