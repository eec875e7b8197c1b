import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import type { Notice } from '../../components/notice';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The officers' corrections as a workbook for whoever keeps SIMPADA, so the next export
 * carries the right numbers and the same cells stop coming back wrong.
 */
export function ExportCorrectionsButton({ onExported }: { onExported(notice: Notice): void }) {
  const { t } = useTranslation();
  const run = useAction(async () => {
    const file = await api.call('contacts.exportCorrections', {});
    if (file.rows === 0) {
      onExported({ key: 'contacts.export.none' });
      return;
    }
    download(file.fileName, file.contentBase64);
    onExported({ key: 'contacts.export.done', params: { file: file.fileName, rows: file.rows } });
  });
  return (
    <div className="contacts-export">
      <button type="button" disabled={run.pending} onClick={() => void run.run()}>
        {run.pending ? t('contacts.export.working') : t('contacts.export.button')}
      </button>
      <ErrorNotice error={run.error} />
    </div>
  );
}

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the file to the browser by the next task; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
