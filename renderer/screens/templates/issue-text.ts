import { useTranslation } from 'react-i18next';
import type { MalformedReason, MessageRequirement, TemplateIssue } from '../../../shared/templates/index';

const MALFORMED_REASONS: readonly MalformedReason[] = ['unclosed', 'unopened', 'empty', 'double_braces'];
const REQUIREMENTS: readonly MessageRequirement[] = ['name', 'tax_type', 'object', 'amount', 'due_date', 'payment_code', 'how_to_pay'];

/**
 * The checks in shared/templates write no sentences: each issue is a code with parameters,
 * worded here in the UI's language.
 */
export function useIssueText(): (issue: TemplateIssue) => string {
  const { t } = useTranslation();
  const braces = (names: string | number | undefined) =>
    String(names ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => `{${name}}`)
      .join(t('templates.or'));
  return (issue) => {
    const p = issue.params;
    switch (issue.code) {
      case 'unknown_placeholder': {
        const text = t('templates.issues.unknown_placeholder', { name: `{${String(p.name)}}` });
        return p.suggestion ? `${text} ${t('templates.didYouMean', { suggestion: `{${String(p.suggestion)}}` })}` : text;
      }
      case 'malformed_placeholder': {
        const reason = MALFORMED_REASONS.find((r) => r === p.reason);
        const text = t('templates.issues.malformed_placeholder', { text: String(p.text ?? '') });
        return reason ? `${text} ${t(`templates.malformed.${reason}`)}` : text;
      }
      case 'missing_required':
      case 'missing_payment_info': {
        const requirement = REQUIREMENTS.find((r) => r === p.requirement);
        const what = requirement ? t(`templates.requirement.${requirement}`) : String(p.requirement);
        return t(`templates.issues.${issue.code}`, { what, placeholders: braces(p.placeholders) });
      }
      case 'meta_variable_at_edge':
      case 'meta_variables_adjacent':
        return t(`templates.issues.${issue.code}`, { placeholder: `{${String(p.placeholder)}}` });
      default:
        return t(`templates.issues.${issue.code}`, p);
    }
  };
}

/** Line and column (from 1) of an offset into the body, as the issue list points at it. */
export function lineAndColumn(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
