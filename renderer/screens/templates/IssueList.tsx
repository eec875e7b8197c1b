import { useTranslation } from 'react-i18next';
import { KF03_REQUIREMENTS, PAYMENT_REQUIREMENTS, placeholdersFor, type MessageRequirement, type TemplateIssue } from '../../../shared/templates/index';
import { lineAndColumn, useIssueText } from './issue-text';

/** Where an issue without a span of the body points: the Meta name field, or nowhere. */
const FIELD_ISSUES: ReadonlySet<string> = new Set(['meta_name_missing', 'meta_name_invalid']);

/**
 * Every problem of the text, errors first. One with a place in the body says its line and
 * column and selects it on a click; one about the Meta name takes the cursor to that field.
 */
export function IssueList({ id, issues, body, onSelect, onField }: { id: string; issues: readonly TemplateIssue[]; body: string; onSelect(start: number, end: number): void; onField(): void }) {
  const { t } = useTranslation();
  const text = useIssueText();
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? (a.start ?? Infinity) - (b.start ?? Infinity) : a.severity === 'error' ? -1 : 1));
  return (
    <div className="issues" id={id}>
      <p className={errors > 0 ? 'issues-summary issues-summary-error' : warnings > 0 ? 'issues-summary issues-summary-warning' : 'issues-summary issues-summary-ok'} role="status">
        {issues.length === 0 ? t('templates.editor.noIssues') : t('templates.editor.issueCount', { errors, warnings })}
      </p>
      {sorted.length > 0 && (
        <ul className="issue-list" aria-label={t('templates.editor.issuesLabel')}>
          {sorted.map((issue, i) => {
            const at = issue.start !== undefined ? lineAndColumn(body, issue.start) : null;
            return (
              <li key={`${issue.code}-${issue.start ?? ''}-${i}`} className={`issue issue-${issue.severity}`}>
                <span className="issue-mark" aria-hidden="true">
                  {issue.severity === 'error' ? '✕' : '!'}
                </span>
                <span className="visually-hidden">{t(`templates.severity.${issue.severity}`)}: </span>
                <span className="issue-text">{text(issue)}</span>
                {at && issue.end !== undefined && (
                  <button type="button" className="button-link issue-where" onClick={() => onSelect(issue.start as number, issue.end as number)}>
                    {t('templates.editor.at', at)}
                  </button>
                )}
                {FIELD_ISSUES.has(issue.code) && (
                  <button type="button" className="button-link issue-where" onClick={onField}>
                    {t('templates.editor.toField')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** What every reminder must say (KF-03) and what it should (payment code, how to pay), ticked off as the body covers it. */
export function RequirementChecklist({ used }: { used: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const item = (requirement: MessageRequirement, required: boolean) => {
    const met = placeholdersFor(requirement).some((name) => used.has(name));
    const state = met ? 'met' : required ? 'missing' : 'advised';
    return (
      <li key={requirement} className={`requirement requirement-${state}`} title={placeholdersFor(requirement).map((name) => `{${name}}`).join(t('templates.or'))}>
        <span aria-hidden="true">{met ? '✓' : required ? '✕' : '!'}</span> {capitalised(t(`templates.requirement.${requirement}`))}
        <span className="visually-hidden"> — {t(`templates.requirementState.${state}`)}</span>
      </li>
    );
  };
  return (
    <div className="requirements">
      <span className="palette-label">{t('templates.editor.kf03')}</span>
      <ul aria-label={t('templates.editor.kf03')}>
        {KF03_REQUIREMENTS.map((r) => item(r, true))}
        {PAYMENT_REQUIREMENTS.map((r) => item(r, false))}
      </ul>
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
