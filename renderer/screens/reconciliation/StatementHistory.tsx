import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice } from '../../components/Feedback';
import { useInstantFormat } from '../../components/Instant';
import { Panel } from '../../components/Page';
import { useLanguage } from '../../i18n';
import { useReloadOn } from './useReloadOn';

/** The statements imported so far, newest first: the treasurer sees at a glance whether today's is in. */
export function StatementHistory({ version }: { version: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatInstant = useInstantFormat();
  const list = useApi('statements.list', { limit: 10, offset: 0 });
  useReloadOn(version, list.reload);
  return (
    <Panel title={t('reconciliation.historyTitle')}>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data?.imports.length === 0 && <EmptyState>{t('reconciliation.historyEmpty')}</EmptyState>}
      {list.data && list.data.imports.length > 0 && (
        <table className="table" aria-label={t('reconciliation.historyTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.fileName')}</th>
              <th scope="col" className="num">
                {t('reconciliation.lines')}
              </th>
              <th scope="col">{t('reconciliation.range')}</th>
              <th scope="col">{t('reconciliation.importedBy')}</th>
              <th scope="col">{t('reconciliation.importedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.imports.map((s) => (
              <tr key={s.id}>
                <td>{s.fileName}</td>
                <td className="num">{s.lines}</td>
                <td className="nowrap">{s.firstDate && s.lastDate ? `${formatDate(s.firstDate, language)} – ${formatDate(s.lastDate, language)}` : t('common.none')}</td>
                <td>{s.importedBy}</td>
                <td className="nowrap">{formatInstant(s.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
