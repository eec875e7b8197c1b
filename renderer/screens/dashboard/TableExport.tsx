import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { downloadTableXlsx } from './download';

/** "Unduh xlsx" under a table: the rows as shown, numbers as numbers. */
export function TableExport({ fileName, header, rows }: { fileName: string; header: readonly string[]; rows: () => (string | number | null)[][] }) {
  const { t } = useTranslation();
  const run = useAction(() => downloadTableXlsx(`${fileName}.xlsx`, fileName, header, rows()));
  return (
    <span className="no-print">
      <button type="button" className="link-button" disabled={run.pending} onClick={() => void run.run()}>
        {t('dashboard.downloadXlsx')}
      </button>
      <ErrorNotice error={run.error} />
    </span>
  );
}
