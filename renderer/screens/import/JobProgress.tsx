import { useTranslation } from 'react-i18next';
import type { JobView } from '../../api/useJob';
import { useNumberFormat } from '../../components/numbers';
import { DICTIONARIES, useLanguage } from '../../i18n';

/** A running import: what it is doing, how far it is when the total is known, and a way to stop it. */
export function JobProgress({ job, dryRun, onCancel }: { job: JobView | null; dryRun: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatNumber = useNumberFormat();
  const progress = job?.progress ?? { phase: 'starting', done: 0, total: null };
  const phases = DICTIONARIES[language].importPhases;
  const phase = phases[`${progress.phase}.${dryRun ? 'dryRun' : 'apply'}`] ?? phases[progress.phase] ?? progress.phase;
  const known = progress.total !== null && progress.total > 0;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <div className="job-progress-line">
        <span className="spinner" aria-hidden="true" />
        <span className="strong">{phase}</span>
        <span className="muted">
          {known
            ? t('import.progressOf', { done: formatNumber(progress.done), total: formatNumber(progress.total ?? 0) })
            : progress.done > 0
              ? t('import.progressRows', { done: formatNumber(progress.done) })
              : ''}
        </span>
      </div>
      <progress aria-label={phase} {...(known ? { value: progress.done, max: progress.total ?? 0 } : {})} />
      <div className="button-row">
        <button type="button" onClick={onCancel} disabled={job?.state !== 'running'}>
          {t('common.cancel')}
        </button>
        <span className="muted">{t(dryRun ? 'import.cancelPreviewHint' : 'import.cancelApplyHint')}</span>
      </div>
    </div>
  );
}
