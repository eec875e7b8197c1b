import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { ROLES } from '../../../shared/roles';
import { DICTIONARIES, useLanguage } from '../../i18n';
import { Instant } from '../../components/Instant';

type Entry = Out<'audit.list'>['entries'][number];

export function AuditTable({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actionLabels = DICTIONARIES[language].auditActions;
  return (
    <table className="table table-audit">
      <thead>
        <tr>
          <th scope="col">{t('audit.time')}</th>
          <th scope="col">{t('audit.actorColumn')}</th>
          <th scope="col">{t('audit.role')}</th>
          <th scope="col">{t('audit.actionColumn')}</th>
          <th scope="col">{t('audit.target')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td className="nowrap">
              <Instant iso={entry.at} />
            </td>
            <td className="mono">{entry.actor}</td>
            <td>{isRole(entry.role) ? t(`role.${entry.role}`) : entry.role}</td>
            <td>
              {actionLabels[entry.action] ?? entry.action}
              <span className="code-line">{entry.action}</span>
            </td>
            <td className="mono">{entry.target ?? ''}</td>
            <td className="change">{describeChange(entry.before)}</td>
            <td className="change">{describeChange(entry.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function isRole(value: string): value is (typeof ROLES)[number] {
  return (ROLES as readonly string[]).includes(value);
}

/** The log keeps before/after as JSON; `role: officer, active: true` reads better than braces and quotes. */
function describeChange(json: string | null): string {
  if (json === null) return '';
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value)
        .map(([key, v]) => `${key}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return json;
  }
}
