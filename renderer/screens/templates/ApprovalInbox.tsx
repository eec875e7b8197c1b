import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import { Modal } from '../../components/Modal';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';
import { useIssueText } from './issue-text';
import { MessagePreview } from './MessagePreview';
import { diffAgainst, FieldChanges, WordDiff } from './TemplateDiff';
import {
  INBOX_SEGMENT,
  MetaBadge,
  type Notify,
  type TemplateDetail,
  type TemplateRow,
  templatePath,
  TEMPLATES_PATH,
  type TemplateView,
  useChannelLabel,
  usePurposeLabel,
} from './template-facts';

const INBOX_PATH = `${TEMPLATES_PATH}/${INBOX_SEGMENT}`;

/**
 * The head's inbox: every submitted version with what it changes against the version in force,
 * its preview and its remaining warnings, to approve or to reject with a reason. A version the
 * head wrote is shown but left to another head.
 */
export function ApprovalInbox({ notify }: { notify: Notify }) {
  const { t } = useTranslation();
  const submitted = useApi('templates.list', { status: 'submitted' });
  const rows = submitted.data?.rows ?? [];
  return (
    <div className="inbox">
      {submitted.loading && !submitted.data && <Loading />}
      <ErrorNotice error={submitted.error} onRetry={submitted.reload} />
      {submitted.data && rows.length === 0 && <EmptyState>{t('templates.inbox.empty')}</EmptyState>}
      {rows.length > 0 && <p className="inbox-count">{t('templates.inbox.count', { count: rows.length })}</p>}
      {rows.map((row) => (
        <InboxItem key={row.id} row={row} notify={notify} onDecided={submitted.reload} />
      ))}
    </div>
  );
}

function InboxItem({ row, notify, onDecided }: { row: TemplateRow; notify: Notify; onDecided(): void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const channelLabel = useChannelLabel();
  const purposeLabel = usePurposeLabel();
  const detail = useApi('templates.get', { id: row.id });
  const [rejecting, setRejecting] = useState(false);
  const approve = useAction(async () => {
    const { template } = await api.call('templates.approve', { id: row.id });
    notify(INBOX_PATH, { key: template.usable ? 'templates.notice.approved' : 'templates.notice.approvedNeedsMeta', params: { name: template.name, version: template.version } });
    onDecided();
  });
  const own = row.createdBy === user.username || row.updatedBy === user.username;
  const data = detail.data;
  const inForce = data?.versions.find((v) => v.id === data.inForceId) ?? null;
  return (
    <article className="panel inbox-item" aria-label={t('templates.inbox.itemLabel', { name: row.name, version: row.version })}>
      <header className="inbox-head">
        <div>
          <h2>
            <a href={hrefTo(templatePath(row.id))}>{row.name}</a> <span className="muted">{t('templates.versionLabel', { version: row.version })}</span>
          </h2>
          <p className="inbox-meta">
            {channelLabel(row.channel)} · {purposeLabel(row.purpose)} · <span className="mono">{row.metaName ?? ''}</span> <MetaBadge channel={row.channel} metaStatus={row.metaStatus} status={row.status} /> ·{' '}
            {t('templates.inbox.submittedBy', { user: row.submittedBy ?? row.updatedBy })} {row.submittedAt && <Instant iso={row.submittedAt} />}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="button-primary" disabled={own || approve.pending} onClick={() => void approve.run()}>
            {t('templates.inbox.approve')}
          </button>
          <button type="button" disabled={own || approve.pending} onClick={() => setRejecting(true)}>
            {t('templates.inbox.reject')}
          </button>
        </div>
      </header>
      {own && <p className="callout callout-warning">{t('templates.inbox.own')}</p>}
      <ErrorNotice error={approve.error} />
      {detail.loading && !data && <Loading />}
      <ErrorNotice error={detail.error} onRetry={detail.reload} />
      {data && (
        <div className="inbox-body">
          <div className="inbox-changes">
            <h3>{inForce ? t('templates.inbox.againstInForce', { version: inForce.version }) : t('templates.inbox.noneInForce')}</h3>
            <Changes inForce={inForce} version={data.template} />
            <Warnings issues={data.issues} />
          </div>
          <MessagePreview source={{ id: row.id }} channel={row.channel} initialSample="longest" />
        </div>
      )}
      {rejecting && (
        <RejectDialog
          template={row}
          onClose={() => setRejecting(false)}
          onRejected={(template) => {
            setRejecting(false);
            notify(INBOX_PATH, { key: 'templates.notice.rejected', params: { name: template.name, version: template.version } });
            onDecided();
          }}
        />
      )}
    </article>
  );
}

function Changes({ inForce, version }: { inForce: TemplateView | null; version: TemplateView }) {
  const { t } = useTranslation();
  const { fields, words } = diffAgainst(inForce, version);
  return (
    <>
      {inForce && <FieldChanges fields={fields} />}
      <WordDiff words={words} label={t('templates.inbox.bodyChanges')} />
    </>
  );
}

/** The head approves with the warnings in view; errors cannot be here, submitting refuses them. */
function Warnings({ issues }: { issues: TemplateDetail['issues'] }) {
  const { t } = useTranslation();
  const text = useIssueText();
  if (issues.length === 0) return <p className="issues-summary issues-summary-ok">{t('templates.editor.noIssues')}</p>;
  return (
    <ul className="issue-list" aria-label={t('templates.editor.issuesLabel')}>
      {issues.map((issue, i) => (
        <li key={i} className={`issue issue-${issue.severity}`}>
          <span className="issue-mark" aria-hidden="true">
            {issue.severity === 'error' ? '✕' : '!'}
          </span>
          <span className="issue-text">{text(issue)}</span>
        </li>
      ))}
    </ul>
  );
}

function RejectDialog({ template, onClose, onRejected }: { template: TemplateRow; onClose(): void; onRejected(template: TemplateView): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reject = useAction(async () => {
    const { template: rejected } = await api.call('templates.reject', { id: template.id, reason: reason.trim() });
    onRejected(rejected);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reject.run();
  };
  return (
    <Modal title={t('templates.inbox.rejectTitle', { name: template.name, version: template.version })} onClose={onClose}>
      <p>{t('templates.inbox.rejectIntro')}</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="reject-reason">{t('templates.inbox.reason')}</label>
          <textarea id="reject-reason" className="reason-input" required maxLength={1000} rows={4} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <ErrorNotice error={reject.error} />
        <div className="button-row">
          <button type="submit" className="button-danger" disabled={reject.pending || reason.trim() === ''}>
            {t('templates.inbox.rejectConfirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
