import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Out } from '../../../shared/api/index';
import { MAX_UPLOAD_BYTES, syncReport } from '../../../shared/api/import';
import { api, ApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { FormError } from '../../components/form-error';
import type { Notice } from '../../components/notice';
import { readAsBase64 } from './file-reading';

export type Upload = Out<'import.upload'>;
export type Inspection = Out<'import.inspect'>;
export type SyncReport = z.output<typeof syncReport>;
export type Step = 'file' | 'mapping' | 'preview' | 'done';

/**
 * One import, step by step: upload → sheet → column mapping → dry run → apply. Kept by the
 * screen (not by a step's component) so the officer can look at the history and come back
 * to the same point; a running job keeps being followed meanwhile.
 */
export function useImportFlow() {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  /** The officer's own choices, field per column index; what the backend recognised needs no entry. */
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [profileName, setProfileName] = useState('');
  const [running, setRunning] = useState<{ jobId: string; dryRun: boolean } | null>(null);
  const [preview, setPreview] = useState<SyncReport | null>(null);
  const [applied, setApplied] = useState<SyncReport | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { job, error: pollError, cancel } = useJob(running?.jobId ?? null);

  const clear = useCallback(() => {
    setUpload(null);
    setInspection(null);
    setMapping({});
    setProfileName('');
    setRunning(null);
    setPreview(null);
    setApplied(null);
    setFailure(null);
    setNotice(null);
  }, []);

  const chooseFile = useAction(async (file: File) => {
    clear();
    if (file.size > MAX_UPLOAD_BYTES) throw new FormError('import.fileTooLarge', { name: file.name });
    const uploaded = await api.call('import.upload', { fileName: file.name, contentBase64: await readAsBase64(file) });
    setUpload(uploaded);
    // The first recognised sheet; failing that, the backend takes the first sheet with a header row.
    const first = uploaded.sheets.find((s) => s.recognised);
    setInspection(await api.call('import.inspect', { uploadId: uploaded.uploadId, ...(first && { sheet: first.name }) }));
  });

  const inspect = useAction(async (sheet: string, nextMapping: Record<string, string>) => {
    if (!upload) return;
    setPreview(null);
    setNotice(null);
    setMapping(nextMapping);
    setInspection(await api.call('import.inspect', { uploadId: upload.uploadId, sheet, ...(Object.keys(nextMapping).length > 0 && { mapping: nextMapping }) }));
  });
  // Another sheet has other columns: the choices made for this one do not carry over.
  const chooseSheet = (sheet: string) => void inspect.run(sheet, {});
  const mapColumn = (index: number, field: string) => {
    if (inspection) void inspect.run(inspection.sheet, { ...mapping, [String(index)]: field });
  };

  const start = useAction(async (dryRun: boolean) => {
    if (!upload || !inspection) return;
    setFailure(null);
    setNotice(null);
    if (dryRun) setPreview(null);
    const { jobId } = await api.call('import.start', {
      uploadId: upload.uploadId,
      sheet: inspection.sheet,
      ...(Object.keys(mapping).length > 0 && { mapping }),
      ...(profileName.trim() && { saveProfileAs: profileName.trim() }),
      dryRun,
    });
    setRunning({ jobId, dryRun });
  });

  // What a finished job means for the flow: a preview to read, the applied result, or why not.
  useEffect(() => {
    if (!running || !job || job.id !== running.jobId || job.state === 'running') return;
    if (job.state === 'done') {
      const report = syncReport.safeParse(job.result);
      if (!report.success) setFailure(report.error);
      else if (running.dryRun) setPreview(report.data);
      else setApplied(report.data);
    } else if (job.state === 'failed' && job.error) {
      setFailure(new ApiError(job.error as ConstructorParameters<typeof ApiError>[0], 400));
    } else if (job.state === 'cancelled') {
      setNotice({ key: running.dryRun ? 'import.previewCancelled' : 'import.applyCancelled' });
    }
    setRunning(null);
  }, [job, running]);

  const reset = () => {
    // Abandoning the flow mid-job stops the job too; its transaction rolls back.
    if (running) void cancel();
    clear();
    chooseFile.reset();
    inspect.reset();
    start.reset();
  };

  const step: Step = applied || running?.dryRun === false ? 'done' : preview || running ? 'preview' : inspection ? 'mapping' : 'file';
  return {
    step,
    upload,
    inspection,
    mapping,
    profileName,
    setProfileName,
    running,
    job: running ? job : null,
    preview,
    applied,
    notice,
    error: chooseFile.error ?? inspect.error ?? start.error ?? pollError ?? failure,
    busy: chooseFile.pending || inspect.pending || start.pending || running !== null,
    uploading: chooseFile.pending,
    chooseFile: (file: File) => void chooseFile.run(file),
    chooseSheet,
    mapColumn,
    /** Back from a preview to the mapping: the preview no longer holds once anything changes. */
    editMapping: () => {
      setPreview(null);
      setNotice(null);
    },
    startPreview: () => void start.run(true),
    apply: () => void start.run(false),
    cancelJob: () => void cancel(),
    reset,
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
