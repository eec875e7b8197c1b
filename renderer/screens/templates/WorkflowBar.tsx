import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { META_STATUSES } from '../../../shared/api/templates';
import { mayCall } from '../../api/permissions';
import type { Action } from '../../api/useAction';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import { Modal } from '../../components/Modal';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';
import type { useEditorActions } from './editor-actions';
import { historyPath, INBOX_SEGMENT, MetaBadge, type MetaStatus, StatusBadge, type TemplateDetail, templatePath, TEMPLATES_PATH, type TemplateView, UsableBadge } from './template-facts';

type Actions = ReturnType<typeof useEditorActions>;

/** Where the version stands in the workflow, and the steps the signed-in person may take from there. */
export function WorkflowBar({ detail, editable, dirty, errors, actions, notice }: { detail: TemplateDetail | null; editable: boolean; dirty: boolean; errors: number; actions: Actions; notice: string }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [retiring, setRetiring] = useState(false);
  const saved = detail?.template ?? null;
  const pending = actions.save.pending || actions.submit.pending || actions.withdraw.pending || actions.retire.pending;
  const error = actions.save.error ?? actions.submit.error ?? actions.withdraw.error ?? actions.retire.error;
  return (
    <>
      <div className="workflow-bar">
        <div className="workflow-facts">
          {saved ? (
            <>
              <StatusBadge status={saved.status} />
              <MetaBadge channel={saved.channel} metaStatus={saved.metaStatus} status={saved.status} />
              <span className="strong">{t('templates.versionLabel', { version: saved.version })}</span>
              {(saved.status === 'approved' || saved.status === 'retired') && <UsableBadge version={saved} />}
              <span className="muted workflow-changed">
                {t('templates.changedBy', { user: saved.updatedBy })} <Instant iso={saved.updatedAt} />
              </span>
            </>
          ) : (
            <span className="badge badge-off">{t('templates.editor.unsaved')}</span>
          )}
          {saved && dirty && editable && <span className="badge badge-warning">{t('templates.editor.dirty')}</span>}
        </div>
        <div className="button-row">
          {saved && <a href={hrefTo(historyPath(saved.id))}>{t('templates.history.link', { count: detail?.versions.length ?? 1 })}</a>}
          {editable && (
            <button type="button" disabled={!dirty || pending} onClick={() => void actions.save.run()}>
              {actions.save.pending ? t('common.saving') : t(saved?.status === 'approved' ? 'templates.editor.saveAsNewVersion' : 'templates.editor.saveDraft')}
            </button>
          )}
          {editable && (
            <button type="button" className="button-primary" disabled={errors > 0 || pending} title={errors > 0 ? t('templates.editor.fixFirst', { count: errors }) : undefined} onClick={() => void actions.submit.run()}>
              {t('templates.editor.submit')}
            </button>
          )}
          {saved?.status === 'submitted' && mayCall(user.role, 'templates.withdraw') && (
            <button type="button" disabled={pending} onClick={() => void actions.withdraw.run()}>
              {t('templates.editor.withdraw')}
            </button>
          )}
          {saved && saved.status !== 'retired' && mayCall(user.role, 'templates.retire') && (
            <button type="button" disabled={pending} onClick={() => setRetiring(true)}>
              {t('templates.editor.retire')}
            </button>
          )}
        </div>
      </div>
      {editable && errors > 0 && <p className="workflow-hint">{t('templates.editor.fixFirst', { count: errors })}</p>}
      <SuccessNotice>{notice}</SuccessNotice>
      <ErrorNotice error={error} />
      {retiring && saved && (
        <Modal title={t('templates.editor.retireTitle', { name: saved.name, version: saved.version })} onClose={() => setRetiring(false)}>
          <p>{t(saved.status === 'approved' ? 'templates.editor.retireInForce' : 'templates.editor.retireIntro')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button-danger"
              disabled={actions.retire.pending}
              onClick={() => {
                setRetiring(false);
                void actions.retire.run();
              }}
            >
              {t('templates.editor.retireConfirm')}
            </button>
            <button type="button" onClick={() => setRetiring(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}

/** What the state of the version means for the person looking at it. */
export function EditorCallouts({ detail, openVersion, editable, mayWrite }: { detail: TemplateDetail | null; openVersion: TemplateView | null; editable: boolean; mayWrite: boolean }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const saved = detail?.template;
  if (!saved) return mayWrite ? null : <p className="callout callout-warning">{t('templates.editor.readOnlyRole')}</p>;
  const ownVersion = saved.createdBy === user.username || saved.updatedBy === user.username;
  return (
    <>
      {saved.status === 'rejected' && (
        <div className="callout callout-warning" role="note">
          <p className="callout-title">
            {t('templates.editor.rejectedBy', { user: saved.decidedBy ?? '' })} {saved.decidedAt && <Instant iso={saved.decidedAt} />}
          </p>
          <p className="reject-reason">“{saved.rejectReason}”</p>
          {editable && <p>{t('templates.editor.rejectedNext')}</p>}
        </div>
      )}
      {saved.status === 'submitted' && (
        <div className="callout" role="note">
          <p>
            {t('templates.editor.submittedBy', { user: saved.submittedBy ?? '' })} {saved.submittedAt && <Instant iso={saved.submittedAt} />}. {t('templates.editor.submittedLocked')}
          </p>
          {mayCall(user.role, 'templates.approve') && !ownVersion && (
            <p>
              <a href={hrefTo(`${TEMPLATES_PATH}/${INBOX_SEGMENT}`)}>{t('templates.editor.decideInInbox')}</a>
            </p>
          )}
        </div>
      )}
      {saved.status === 'approved' && editable && <p className="callout">{t(detail.inForceId === saved.id ? 'templates.editor.approvedInForce' : 'templates.editor.approvedWaiting')}</p>}
      {openVersion && (
        <p className="callout">
          {t('templates.editor.openVersion', { version: openVersion.version, status: t(`templates.status.${openVersion.status}`) })} <a href={hrefTo(templatePath(openVersion.id))}>{t('templates.editor.openVersionLink', { version: openVersion.version })}</a>
        </p>
      )}
      {saved.status === 'retired' && <p className="callout callout-warning">{t('templates.editor.retiredNote')}</p>}
      {!mayWrite && saved.status !== 'retired' && <p className="callout callout-warning">{t('templates.editor.readOnlyRole')}</p>}
    </>
  );
}

/** Meta reviews a WhatsApp text on its own schedule; an officer or administrator records its verdict here. */
export function MetaStatusPanel({ template, action }: { template: TemplateView; action: Action<[MetaStatus], void> }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [choice, setChoice] = useState<MetaStatus>(template.metaStatus ?? 'pending');
  if (template.channel !== 'whatsapp' || template.status === 'retired' || !mayCall(user.role, 'templates.setMetaStatus')) return null;
  return (
    <section className="panel meta-status" aria-labelledby="meta-status-title">
      <h2 id="meta-status-title">{t('templates.meta.title')}</h2>
      <p className="panel-note">{t('templates.meta.intro')}</p>
      <div className="meta-status-row">
        <MetaBadge channel={template.channel} metaStatus={template.metaStatus} always />
        <label className="visually-hidden" htmlFor="meta-status-choice">
          {t('templates.meta.choice')}
        </label>
        <select id="meta-status-choice" value={choice} onChange={(e) => setChoice(e.target.value as MetaStatus)}>
          {META_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`templates.metaStatus.${status}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button-small" disabled={action.pending || choice === template.metaStatus} onClick={() => void action.run(choice)}>
          {t('templates.meta.record')}
        </button>
      </div>
      <ErrorNotice error={action.error} />
    </section>
  );
}
