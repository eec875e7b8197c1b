import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { META_CATEGORIES } from '../../../shared/api/templates';
import { isValidMetaName, TEMPLATE_CHANNELS, TEMPLATE_PURPOSES, type TemplateIssue } from '../../../shared/templates/index';
import { SelectField, TextField } from '../../components/Field';
import { type EditorContent, suggestMetaName } from './editor-content';
import { useIssueText } from './issue-text';
import { useChannelLabel, useLanguageLabel, usePurposeLabel } from './template-facts';

const LANGUAGES = ['id', 'en'] as const;

interface FieldsProps {
  content: EditorContent;
  onChange(content: EditorContent): void;
  readOnly: boolean;
  issues: readonly TemplateIssue[];
  metaNameRef: RefObject<HTMLInputElement | null>;
}

/** Name, channel, language and purpose; for WhatsApp also what Meta registers the text under. */
export function TemplateFields({ content, onChange, readOnly, issues, metaNameRef }: FieldsProps) {
  const { t } = useTranslation();
  const channelLabel = useChannelLabel();
  const languageLabel = useLanguageLabel();
  const purposeLabel = usePurposeLabel();
  const set = <K extends keyof EditorContent>(key: K, value: EditorContent[K]) => onChange({ ...content, [key]: value });
  return (
    <>
      <div className="template-fields">
        <TextField label={t('templates.editor.name')} required maxLength={120} disabled={readOnly} value={content.name} onChange={(e) => set('name', e.target.value)} />
        <SelectField label={t('templates.editor.channel')} disabled={readOnly} value={content.channel} onChange={(e) => set('channel', e.target.value as EditorContent['channel'])}>
          {TEMPLATE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(channel)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('templates.editor.language')} disabled={readOnly} value={content.language} onChange={(e) => set('language', e.target.value as EditorContent['language'])}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {languageLabel(language)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('templates.editor.purpose')} disabled={readOnly} value={content.purpose} onChange={(e) => set('purpose', e.target.value as EditorContent['purpose'])}>
          {TEMPLATE_PURPOSES.map((purpose) => (
            <option key={purpose} value={purpose}>
              {purposeLabel(purpose)}
            </option>
          ))}
        </SelectField>
      </div>
      {content.channel === 'whatsapp' && <MetaFields content={content} set={set} readOnly={readOnly} issues={issues} metaNameRef={metaNameRef} />}
    </>
  );
}

function MetaFields({
  content,
  set,
  readOnly,
  issues,
  metaNameRef,
}: {
  content: EditorContent;
  set<K extends keyof EditorContent>(key: K, value: EditorContent[K]): void;
  readOnly: boolean;
  issues: readonly TemplateIssue[];
  metaNameRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const id = useId();
  const problem = issues.find((issue) => issue.code === 'meta_name_missing' || issue.code === 'meta_name_invalid');
  const suggestion = suggestMetaName(content.name);
  return (
    <div className="template-fields template-fields-meta">
      <div className="field">
        <label htmlFor={id}>{t('templates.editor.metaName')}</label>
        <div className="input-with-button">
          <input
            id={id}
            ref={metaNameRef}
            className="mono"
            maxLength={512}
            disabled={readOnly}
            value={content.metaName}
            aria-invalid={problem !== undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => set('metaName', e.target.value)}
          />
          {!readOnly && !content.metaName && suggestion && isValidMetaName(suggestion) && (
            <button type="button" className="button-small" onClick={() => set('metaName', suggestion)}>
              {t('templates.editor.suggestMetaName')}
            </button>
          )}
        </div>
        <small id={`${id}-hint`} className={problem ? 'field-error' : undefined}>
          {problem ? issueText(problem) : t('templates.editor.metaNameHint')}
        </small>
      </div>
      <SelectField label={t('templates.editor.metaCategory')} hint={t('templates.editor.metaCategoryHint')} disabled={readOnly} value={content.metaCategory} onChange={(e) => set('metaCategory', e.target.value as EditorContent['metaCategory'])}>
        {META_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
