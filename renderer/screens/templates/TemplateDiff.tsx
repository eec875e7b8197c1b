import { diffWords } from 'diff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDetail, TemplateView } from './template-facts';
import { useChannelLabel, useLanguageLabel, usePurposeLabel } from './template-facts';

type VersionDiff = TemplateDetail['versions'][number]['diff'];
export type WordChange = VersionDiff['words'][number];
type FieldChange = VersionDiff['fields'][number];

/** The fields a person writes besides the body, in the order the editor shows them. */
const FIELDS = ['name', 'channel', 'language', 'purpose', 'metaName', 'metaCategory'] as const;
type Field = (typeof FIELDS)[number];

/** The body's words with what was added in green and what was removed struck through in red. */
export function WordDiff({ words, label }: { words: readonly WordChange[]; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="diff-words" role="group" aria-label={label}>
      {words.map((word, i) =>
        word.op === 'added' ? (
          <ins key={i} title={t('templates.diff.added')}>
            {word.text}
          </ins>
        ) : word.op === 'removed' ? (
          <del key={i} title={t('templates.diff.removed')}>
            {word.text}
          </del>
        ) : (
          <span key={i}>{word.text}</span>
        ),
      )}
    </div>
  );
}

/** The unified patch line by line, as it is kept in the audit log. */
export function PatchDiff({ patch, label }: { patch: string; label: string }) {
  const lines = patch.split('\n').filter((line) => line !== '' && !/^(={3,}|-{3} |\+{3} |Index: )/.test(line));
  return (
    <pre className="diff-lines" aria-label={label}>
      {lines.map((line, i) => (
        <span key={i} className={`diff-line${line.startsWith('@@') ? ' diff-hunk' : line.startsWith('+') ? ' diff-add' : line.startsWith('-') ? ' diff-del' : ''}`}>
          {line}
        </span>
      ))}
    </pre>
  );
}

/** Words by default (one-paragraph SMS texts show best that way), lines on request. */
export function BodyDiff({ words, patch, label }: { words: readonly WordChange[]; patch: string | null; label: string }) {
  const { t } = useTranslation();
  const [asLines, setAsLines] = useState(false);
  return (
    <div className="body-diff">
      {patch && (
        <div className="segmented segmented-small" role="radiogroup" aria-label={t('templates.diff.view')}>
          <button type="button" role="radio" aria-checked={!asLines} onClick={() => setAsLines(false)}>
            {t('templates.diff.words')}
          </button>
          <button type="button" role="radio" aria-checked={asLines} onClick={() => setAsLines(true)}>
            {t('templates.diff.lines')}
          </button>
        </div>
      )}
      {asLines && patch ? <PatchDiff patch={patch} label={label} /> : <WordDiff words={words} label={label} />}
    </div>
  );
}

/** Changed fields other than the body: `Tujuan: H-7 → H-3`. */
export function FieldChanges({ fields }: { fields: readonly FieldChange[] }) {
  const { t } = useTranslation();
  const show = useFieldValue();
  const shown = fields.filter((change): change is FieldChange & { field: Field } => (FIELDS as readonly string[]).includes(change.field));
  if (shown.length === 0) return null;
  return (
    <ul className="changes field-changes">
      {shown.map((change) => (
        <li key={change.field}>
          <span className="change-field">{t(`templates.fields.${change.field}`)}:</span> {change.before !== null && <span className="change-old">{show(change.field, change.before)}</span>}
          {change.before !== null && ' → '}
          <span className="change-new">{change.after === null ? t('common.none') : show(change.field, change.after)}</span>
        </li>
      ))}
    </ul>
  );
}

function useFieldValue(): (field: Field, value: string) => string {
  const channel = useChannelLabel();
  const language = useLanguageLabel();
  const purpose = usePurposeLabel();
  return (field, value) => (field === 'channel' ? channel(value) : field === 'language' ? language(value) : field === 'purpose' ? purpose(value) : value);
}

/**
 * What a submitted version changes against the one in force. The backend's diff of each
 * version is against the version before it, which is usually, but not always, the one in force
 * (an approved version may still wait for Meta), so the comparison is made here.
 */
export function diffAgainst(inForce: TemplateView | null, version: TemplateView): { fields: FieldChange[]; words: WordChange[] } {
  const fields = FIELDS.flatMap((field): FieldChange[] => {
    const before = inForce ? inForce[field] : null;
    const after = version[field];
    return before === after ? [] : [{ field, before, after }];
  });
  const words = diffWords(inForce?.body ?? '', version.body).map((part): WordChange => ({ text: part.value, op: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
  return { fields, words };
}
