import { type ReactNode, type RefObject, useId, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS, scanBody, type TemplateIssue } from '../../../shared/templates/index';
import { useLanguage } from '../../i18n';

interface BodyEditorProps {
  value: string;
  onChange(value: string): void;
  issues: readonly TemplateIssue[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  readOnly: boolean;
  describedBy?: string;
}

/**
 * The body in a textarea over a mirror of the same text: the mirror paints known placeholders
 * and underlines each problem where it was typed, the textarea on top keeps native editing
 * (undo, selection, IME). Both share font, padding and wrapping, and the textarea grows with
 * its text, so the two never scroll apart.
 */
export function BodyEditor({ value, onChange, issues, textareaRef, readOnly, describedBy }: BodyEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const marks = useMemo(() => highlight(value, issues), [value, issues]);
  useLayoutEffect(() => {
    const area = textareaRef.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }, [value, textareaRef]);
  return (
    <div className="field body-field">
      <label htmlFor={id}>{t('templates.editor.body')}</label>
      <div className={readOnly ? 'body-editor body-editor-readonly' : 'body-editor'}>
        <div className="body-mirror" aria-hidden="true">
          {marks}
          {/* A final line break needs a character after it to take up its line, as in the textarea. */}
          {'\u200b'}
        </div>
        <textarea
          id={id}
          ref={textareaRef}
          className="body-input"
          value={value}
          spellCheck={false}
          readOnly={readOnly}
          maxLength={4000}
          aria-describedby={describedBy}
          aria-invalid={issues.some((issue) => issue.severity === 'error' && issue.start !== undefined)}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </div>
  );
}

/** Inserts `{name}` at the caret (replacing a selection) and puts the caret after it. */
export function PlaceholderPalette({ body, onChange, textareaRef, used }: { body: string; onChange(value: string): void; textareaRef: RefObject<HTMLTextAreaElement | null>; used: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const insert = (name: string) => {
    const area = textareaRef.current;
    const text = `{${name}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    onChange(body.slice(0, start) + text + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + text.length, start + text.length);
    });
  };
  return (
    <div className="palette" role="group" aria-label={t('templates.editor.palette')}>
      <span className="palette-label">{t('templates.editor.insert')}</span>
      {PLACEHOLDERS.map((placeholder) => (
        <button
          key={placeholder.name}
          type="button"
          className={used.has(placeholder.name) ? 'chip chip-used' : 'chip'}
          title={placeholder[language]}
          aria-label={t('templates.editor.insertNamed', { name: `{${placeholder.name}}`, description: placeholder[language] })}
          // Keeps the textarea's selection: a mousedown on a button would otherwise blur it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => insert(placeholder.name)}
        >
          {`{${placeholder.name}}`}
        </button>
      ))}
    </div>
  );
}

/** Selects a span of the body in the textarea and scrolls it into view. */
export function selectSpan(area: HTMLTextAreaElement | null, start: number, end: number): void {
  if (!area) return;
  area.focus();
  area.setSelectionRange(start, end);
  area.scrollIntoView({ block: 'nearest' });
}

/**
 * The body cut at every boundary of a placeholder or an issue span; each piece carries the
 * classes of everything covering it, so an error inside a placeholder shows as both.
 */
function highlight(body: string, issues: readonly TemplateIssue[]): ReactNode[] {
  const placeholders = scanBody(body).tokens.filter((token) => token.kind === 'placeholder');
  const spans = issues.flatMap((issue) =>
    issue.start !== undefined && issue.end !== undefined && issue.end > issue.start ? [{ start: issue.start, end: issue.end, severity: issue.severity }] : [],
  );
  const cuts = new Set([0, body.length]);
  for (const range of [...placeholders, ...spans]) {
    cuts.add(Math.min(range.start, body.length));
    cuts.add(Math.min(range.end, body.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const text = body.slice(from, to);
    const inside = (range: { start: number; end: number }) => range.start <= from && to <= range.end;
    const classes = [
      placeholders.some(inside) && 'hl-placeholder',
      spans.some((s) => s.severity === 'error' && inside(s)) ? 'hl-error' : spans.some(inside) && 'hl-warning',
    ].filter(Boolean);
    pieces.push(classes.length > 0 ? <mark key={from} className={classes.join(' ')}>{text}</mark> : text);
  }
  return pieces;
}

/**
 * The checks point at the first character that forces UCS-2; the editor underlines every one
 * of them, since each has to be replaced before the SMS is back to GSM-7.
 */
export function markEveryUcs2Character(body: string, issues: readonly TemplateIssue[]): TemplateIssue[] {
  const ucs2 = issues.find((issue) => issue.code === 'sms_ucs2');
  if (!ucs2) return [...issues];
  const characters = new Set(String(ucs2.params.characters ?? '').split(' '));
  const marks: TemplateIssue[] = [];
  let index = 0;
  for (const char of body) {
    if (characters.has(char)) marks.push({ code: 'sms_ucs2', severity: 'warning', start: index, end: index + char.length, params: {} });
    index += char.length;
  }
  return [...issues.filter((issue) => issue !== ucs2), ...marks];
}
