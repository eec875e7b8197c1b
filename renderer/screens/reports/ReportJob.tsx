import { useTranslation } from 'react-i18next';
import { reportResult } from '../../../shared/api/reports';
import { ApiError, api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { Panel } from '../../components/Page';
import { downloadBase64, XLSX_TYPE } from '../import/file-reading';

/** A report being written: rows so far while it runs, then its sheets and the download. */
export function ReportJob({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { job, error, cancel } = useJob(jobId);
  const parsed = job?.state === 'done' ? reportResult.safeParse(job.result) : null;
  const result = parsed?.success ? parsed.data : null;
  const download = useAction(async () => {
    if (!result) return;
    const file = await api.call('reports.download', { token: result.token });
    downloadBase64(file.fileName, file.contentBase64, XLSX_TYPE);
  });

  return (
    <Panel title={result ? result.fileName : t('reports.generating')}>
      {(!job || job.state === 'running') && (
        <div className="job-progress" role="status" aria-live="polite">
          <div className="job-progress-line">
            <span className="spinner" aria-hidden="true" />
            <span className="strong">{t('reports.generating')}</span>
            <span className="muted">{job && job.progress.done > 0 ? t('reports.rowsWritten', { rows: formatNumber(job.progress.done) }) : ''}</span>
          </div>
          <progress aria-label={t('reports.generating')} {...(job?.progress.total ? { value: job.progress.done, max: job.progress.total } : {})} />
          <div className="button-row">
            <button type="button" onClick={() => void cancel()} disabled={job?.state !== 'running'}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice error={error ?? download.error} />
      {job?.state === 'failed' && job.error && <ErrorNotice error={new ApiError(job.error as ConstructorParameters<typeof ApiError>[0], 400)} />}
      {job?.state === 'cancelled' && <p className="feedback">{t('reports.cancelled')}</p>}
      {result && (
        <>
          <SuccessNotice>{t('reports.ready', { file: result.fileName, rows: formatNumber(result.rows) })}</SuccessNotice>
          <ul aria-label={t('reports.sheets')}>
            {result.sheets.map((sheet) => (
              <li key={sheet.sheet}>{t('reports.sheetRows', { sheet: sheet.sheet, rows: formatNumber(sheet.rows) })}</li>
            ))}
          </ul>
          <button type="button" className="button-primary" disabled={download.pending} onClick={() => void download.run()}>
            {download.pending ? t('reports.downloading') : t('reports.download', { file: result.fileName })}
          </button>
        </>
      )}
    </Panel>
  );
}
