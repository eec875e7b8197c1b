import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTemplate, LONG_SAMPLE_MESSAGE, scanBody, type TemplateValues, templateValues } from '../../../shared/templates/index';
import { mayCall } from '../../api/permissions';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';
import { BodyEditor, markEveryUcs2Character, PlaceholderPalette, selectSpan } from './BodyEditor';
import { ChannelChecks } from './ChannelChecks';
import { useEditorActions } from './editor-actions';
import { changesFrom, contentOf, defaultDraft, type EditorContent, NEW_CONTENT } from './editor-content';
import { IssueList, RequirementChecklist } from './IssueList';
import { MessagePreview } from './MessagePreview';
import { TemplateFields } from './TemplateFields';
import { type Notify, TEMPLATES_PATH, type TemplateDetail } from './template-facts';
import { useLongestValues } from './useLongestValues';
import { EditorCallouts, MetaStatusPanel, WorkflowBar } from './WorkflowBar';

/** `#/template/baru` (id null) or `#/template/<id>`: one version's text with its live checks and preview. */
export function TemplateEditor({ id, notice, notify }: { id: number | null; notice: string; notify: Notify }) {
  if (id === null) return <Editor detail={null} reload={() => undefined} notice={notice} notify={notify} />;
  return <SavedEditor key={id} id={id} notice={notice} notify={notify} />;
}

function SavedEditor({ id, notice, notify }: { id: number; notice: string; notify: Notify }) {
  const { t } = useTranslation();
  const detail = useApi('templates.get', { id });
  if (!detail.data) {
    return (
      <Page title={t('templates.editor.title')}>
        <BackLink />
        {detail.loading && !detail.error && <Loading />}
        <ErrorNotice error={detail.error} onRetry={detail.reload} />
      </Page>
    );
  }
  return <Editor detail={detail.data} reload={detail.reload} notice={notice} notify={notify} />;
}

export function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <a href={hrefTo(TEMPLATES_PATH)}>{t('templates.backToList')}</a>
    </p>
  );
}

function Editor({ detail, reload, notice, notify }: { detail: TemplateDetail | null; reload(): void; notice: string; notify: Notify }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const saved = detail?.template ?? null;
  const [content, setContent] = useState<EditorContent>(() => (saved ? contentOf(saved) : NEW_CONTENT));
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const metaNameRef = useRef<HTMLInputElement>(null);
  const actions = useEditorActions({ saved, content, reload, notify });

  const known = detail && saved?.language === content.language ? (detail.longestValues as TemplateValues) : null;
  const longest = useLongestValues(content.language, known);
  const measure = useMemo(() => longest ?? templateValues(LONG_SAMPLE_MESSAGE, content.language), [longest, content.language]);
  const issues = useMemo(
    () => checkTemplate({ channel: content.channel, purpose: content.purpose, body: content.body, metaName: content.metaName, language: content.language }, measure),
    [content.channel, content.purpose, content.body, content.metaName, content.language, measure],
  );
  const marked = useMemo(() => markEveryUcs2Character(content.body, issues), [content.body, issues]);
  const used = useMemo(() => new Set(scanBody(content.body).tokens.flatMap((token) => (token.kind === 'placeholder' ? [token.name] : []))), [content.body]);

  const mayWrite = mayCall(user.role, 'templates.update');
  // One version in the works per family: an approved version with a newer open one is edited there.
  const openVersion = detail?.versions.find((v) => saved && v.version > saved.version && (v.status === 'draft' || v.status === 'submitted' || v.status === 'rejected')) ?? null;
  const editable = mayWrite && (!saved || saved.status === 'draft' || saved.status === 'rejected' || (saved.status === 'approved' && !openVersion));
  const dirty = !saved || Object.keys(changesFrom(saved, content)).length > 0;
  const starter = editable && content.body.trim() === '' ? defaultDraft(content.channel, content.purpose) : null;

  return (
    <Page title={saved ? saved.name : t('templates.editor.newTitle')}>
      <BackLink />
      <WorkflowBar detail={detail} editable={editable} dirty={dirty} errors={issues.filter((issue) => issue.severity === 'error').length} actions={actions} notice={notice} />
      <EditorCallouts detail={detail} openVersion={openVersion} editable={editable} mayWrite={mayWrite} />
      <div className="editor-grid">
        <section className="panel editor-main" aria-label={t('templates.editor.textPanel')}>
          <TemplateFields content={content} onChange={setContent} readOnly={!editable} issues={issues} metaNameRef={metaNameRef} />
          <BodyEditor value={content.body} onChange={(body) => setContent({ ...content, body })} issues={marked} textareaRef={bodyRef} readOnly={!editable} describedBy="template-issues" />
          {starter && (
            <p className="starter">
              {t('templates.editor.starterIntro')}{' '}
              <button type="button" className="button-small" onClick={() => setContent({ ...content, body: starter.body, metaName: content.metaName || (starter.metaName ?? '') })}>
                {t('templates.editor.useStarter')}
              </button>
            </p>
          )}
          {editable && <PlaceholderPalette body={content.body} onChange={(body) => setContent({ ...content, body })} textareaRef={bodyRef} used={used} />}
          {content.purpose !== 'thank_you' && <RequirementChecklist used={used} />}
          <IssueList id="template-issues" issues={issues} body={content.body} onSelect={(start, end) => selectSpan(bodyRef.current, start, end)} onField={() => metaNameRef.current?.focus()} />
        </section>
        <div className="editor-side">
          <MessagePreview
            channel={content.channel}
            source={
              editable || !saved
                ? { draft: { channel: content.channel, language: content.language, purpose: content.purpose, body: content.body, metaName: content.metaName.trim() || null } }
                : { id: saved.id }
            }
          />
          <ChannelChecks template={content} longest={measure} fromLedger={longest !== null} />
          {saved && <MetaStatusPanel template={saved} action={actions.recordMeta} />}
        </div>
      </div>
    </Page>
  );
}
