import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { useInstantFormat } from '../../components/Instant';
import { useNumberFormat } from '../../components/numbers';
import { Panel } from '../../components/Page';
import { useLanguage } from '../../i18n';
import { hrefTo } from '../../router';
import { formatBytes } from './file-reading';
import { JobProgress } from './JobProgress';
import { MappingTable, useFieldLabel } from './MappingTable';
import { SyncReportView } from './SyncReportView';
import type { ImportFlow, Step, Upload } from './useImportFlow';

const STEPS: Step[] = ['file', 'mapping', 'preview', 'done'];

export function ImportFlowView({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  return (
    <div className="flow">
      <Stepper current={flow.step} />
      <ErrorNotice error={flow.error} />
      <SuccessNotice>{flow.notice ? t(flow.notice.key, flow.notice.params) : ''}</SuccessNotice>
      <FilePanel flow={flow} />
      {flow.inspection && !flow.applied && <MappingPanel flow={flow} />}
      {!flow.applied && (flow.preview || flow.running?.dryRun) && (
        <ComesIntoView>
          <PreviewPanel flow={flow} />
        </ComesIntoView>
      )}
      {flow.running && !flow.running.dryRun && (
        <Panel title={t('import.applyingTitle')}>
          <JobProgress job={flow.job} dryRun={false} onCancel={flow.cancelJob} />
        </Panel>
      )}
      {flow.applied && (
        <ComesIntoView>
          <DonePanel flow={flow} />
        </ComesIntoView>
      )}
    </div>
  );
}

/** A step that appears below a long one is scrolled to, so the officer sees that something happened. */
function ComesIntoView({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);
  return <div ref={ref}>{children}</div>;
}

function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="stepper" aria-label={t('import.stepsLabel')}>
      {STEPS.map((step, index) => (
        <li key={step} className={index < at ? 'step-done' : index === at ? 'step-current' : undefined} aria-current={index === at ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {index < at ? '✓' : index + 1}
          </span>
          {t(`import.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}

function FilePanel({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const inputId = useId();
  const { upload } = flow;
  return (
    <Panel title={t('import.fileTitle')}>
      {!upload && (
        <div className="file-choice">
          <label htmlFor={inputId} className="field-label">
            {t('import.chooseFile')}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".xlsx,.xls,.csv"
            aria-describedby={`${inputId}-hint`}
            disabled={flow.uploading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that picking the same file again, after fixing it, is noticed.
              e.target.value = '';
              if (file) flow.chooseFile(file);
            }}
          />
          <small id={`${inputId}-hint`}>{t('import.fileHint')}</small>
          {flow.uploading && <Loading />}
        </div>
      )}
      {upload && <UploadFacts upload={upload} flow={flow} />}
    </Panel>
  );
}

function UploadFacts({ upload, flow }: { upload: Upload; flow: ImportFlow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatInstant = useInstantFormat();
  const formatNumber = useNumberFormat();
  const sheets = upload.sheets;
  return (
    <>
      {upload.sameFileRuns.length > 0 && (
        <div className="callout callout-warning" role="alert">
          <p className="callout-title">{t('import.sameFile', { when: upload.sameFileRuns.map((run) => t('import.sameFileRun', { id: run.id, at: formatInstant(run.createdAt), by: run.createdBy })).join('; ') })}</p>
          <p>{t('import.sameFileHint')}</p>
        </div>
      )}
      <dl className="facts facts-file">
        <dt>{t('import.fileName')}</dt>
        <dd className="strong">{upload.fileName}</dd>
        <dt>{t('import.fileSize')}</dt>
        <dd>{formatBytes(upload.size, language === 'id' ? 'id-ID' : 'en-GB')}</dd>
        <dt>{t('import.sha256')}</dt>
        <dd className="mono">{upload.sha256}</dd>
      </dl>
      {sheets.length > 1 && (
        <div className="sheet-choice">
          <SelectField label={t('import.sheet')} hint={t('import.sheetHint')} value={flow.inspection?.sheet ?? ''} disabled={flow.busy} onChange={(e) => flow.chooseSheet(e.target.value)}>
            {!flow.inspection && <option value="">{t('import.sheetNone')}</option>}
            {sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {[sheet.name, sheet.recognised ? t('import.sheetRecognised') : t('import.sheetNotRecognised'), sheet.rows === null ? null : t('import.sheetRows', { rows: formatNumber(sheet.rows) })].filter(Boolean).join(' — ')}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <div className="button-row">
        <button type="button" onClick={flow.reset}>
          {t('import.otherFile')}
        </button>
      </div>
    </>
  );
}

function MappingPanel({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const inspection = flow.inspection;
  if (!inspection) return null;
  const collapsed = flow.preview !== null || flow.running !== null;
  return (
    <Panel title={t('import.mappingTitle')}>
      <p className="panel-note">
        {t('import.headerRowAt', { row: inspection.headerRow, sheet: inspection.sheet })}
        {inspection.profileName && ` ${t('import.fromProfile', { name: inspection.profileName })}`}
      </p>
      {collapsed ? <MappingSummary flow={flow} /> : <MappingEditor flow={flow} />}
    </Panel>
  );
}

/** Once a preview is made the mapping folds to a line: the preview is what the officer reads next. */
function MappingSummary({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const columns = flow.inspection?.columns ?? [];
  const mapped = columns.filter((c) => c.field !== 'ignore' && c.field !== 'unknown').length;
  return (
    <div className="mapping-summary">
      <p>{t('import.mappingSummary', { mapped, ignored: columns.length - mapped })}</p>
      {flow.profileName.trim() && <p className="muted">{t('import.profileWillSave', { name: flow.profileName.trim() })}</p>}
      <button type="button" disabled={flow.running !== null} onClick={flow.editMapping}>
        {t('import.editMapping')}
      </button>
    </div>
  );
}

function MappingEditor({ flow }: { flow: ImportFlow }) {
  const { t, i18n } = useTranslation();
  const profileId = useId();
  const inspection = flow.inspection;
  const label = useFieldLabel(inspection?.fields ?? []);
  if (!inspection) return null;
  return (
    <>
      {inspection.missingRequired.length > 0 && (
        <div className="missing-fields" role="alert">
          <strong>{t('import.missingRequired')}</strong> {inspection.missingRequired.map((g) => (i18n.language === 'en' ? g.en : g.id)).join(', ')}
        </div>
      )}
      {inspection.ambiguous.length > 0 && <p className="callout callout-warning">{t('import.ambiguousNote', { fields: inspection.ambiguous.map(label).join(', ') })}</p>}
      <MappingTable inspection={inspection} disabled={flow.busy} onMap={flow.mapColumn} />
      <div className="mapping-actions">
        <div className="field profile-field">
          <label htmlFor={profileId}>{t('import.saveProfile')}</label>
          <input id={profileId} maxLength={100} value={flow.profileName} disabled={flow.busy} onChange={(e) => flow.setProfileName(e.target.value)} aria-describedby={`${profileId}-hint`} />
          <small id={`${profileId}-hint`}>{t('import.saveProfileHint')}</small>
        </div>
        <div className="button-row">
          <button type="button" className="button-primary" disabled={!inspection.ready || flow.busy} onClick={flow.startPreview}>
            {t('import.preview')}
          </button>
          <button type="button" onClick={flow.reset}>
            {t('import.abandon')}
          </button>
        </div>
      </div>
      {!inspection.ready && <p className="muted">{t('import.previewNeedsFields')}</p>}
    </>
  );
}

function PreviewPanel({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('import.previewTitle')}>
      {flow.running?.dryRun && <JobProgress job={flow.job} dryRun onCancel={flow.cancelJob} />}
      {flow.preview && (
        <>
          <p className="callout">{t('import.previewIntro')}</p>
          <SyncReportView report={flow.preview} />
          {!flow.running && (
            <div className="button-row flow-actions">
              <button type="button" className="button-primary" disabled={flow.busy} onClick={flow.apply}>
                {t('import.apply')}
              </button>
              <button type="button" disabled={flow.busy} onClick={flow.reset}>
                {t('import.abandon')}
              </button>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}

function DonePanel({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const report = flow.applied;
  if (!report) return null;
  return (
    <Panel title={t('import.doneTitle')}>
      <p className="feedback feedback-success" role="status">
        {t('import.done', { runId: report.runId ?? '' })}
      </p>
      <SyncReportView report={report} />
      <div className="button-row flow-actions">
        <a className="button-link-primary" href={hrefTo('wajib-pajak')}>
          {t('import.toLedger')}
        </a>
        {report.runId !== null && <a href={hrefTo(`impor/riwayat/${report.runId}`)}>{t('import.toRun')}</a>}
        <button type="button" onClick={flow.reset}>
          {t('import.another')}
        </button>
      </div>
    </Panel>
  );
}
