import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { api } from '../../api/client';
import { mayCall } from '../../api/permissions';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import { Modal } from '../../components/Modal';
import { useNotice } from '../../components/notice';
import { useNumberFormat } from '../../components/numbers';
import { Panel } from '../../components/Page';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';
import { downloadBase64, XLSX_TYPE } from './file-reading';
import { SyncReportView } from './SyncReportView';

type Run = Out<'import.history'>['runs'][number];

const PAGE_SIZE = 20;
/** Enough history to find the latest applied run, the only one that may be undone. */
const LATEST_WINDOW = 50;

/** Every import, newest first; `runId` opens one of them. */
export function ImportHistory({ basePath, runId }: { basePath: string; runId: string | undefined }) {
  if (runId !== undefined) return <RunDetail key={runId} basePath={basePath} runId={Number(runId)} />;
  return <RunList basePath={basePath} />;
}

function RunList({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const [offset, setOffset] = useState(0);
  const history = useApi('import.history', { limit: PAGE_SIZE, offset });
  const { latest } = useLatestApplied();
  const total = history.data?.total ?? 0;
  return (
    <Panel title={t('import.historyTitle')}>
      {history.loading && !history.data && <Loading />}
      <ErrorNotice error={history.error} onRetry={history.reload} />
      {history.data?.runs.length === 0 && <EmptyState>{t('import.historyEmpty')}</EmptyState>}
      {history.data && history.data.runs.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="table" aria-label={t('import.historyTitle')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.time')}</th>
                  <th scope="col">{t('import.fileName')}</th>
                  <th scope="col">{t('import.by')}</th>
                  <th scope="col" className="num">
                    {t('import.count.rowsRead')}
                  </th>
                  <th scope="col" className="num">
                    {t('import.short.inserted')}
                  </th>
                  <th scope="col" className="num">
                    {t('import.short.updated')}
                  </th>
                  <th scope="col" className="num">
                    {t('import.short.newlyPaid')}
                  </th>
                  <th scope="col" className="num">
                    {t('import.short.rejected')}
                  </th>
                  <th scope="col">{t('import.runStatus')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('import.openRun')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.data.runs.map((run) => (
                  <tr key={run.id}>
                    <td className="nowrap">
                      <Instant iso={run.createdAt} />
                    </td>
                    <td className="file-cell">
                      {run.fileName}
                      <span className="cell-sub">
                        #{run.id}
                        {run.sheet ? ` · ${run.sheet}` : ''}
                      </span>
                    </td>
                    <td className="mono">{run.createdBy}</td>
                    <td className="num">{formatNumber(run.rowsRead)}</td>
                    <td className="num">{formatNumber(run.inserted)}</td>
                    <td className="num">{formatNumber(run.updated)}</td>
                    <td className="num">{formatNumber(run.newlyPaid)}</td>
                    <td className="num">{formatNumber(run.rejectedCount)}</td>
                    <td>
                      <RunStatus run={run} latest={latest === run.id} />
                    </td>
                    <td>
                      <a className="nowrap" href={hrefTo(`${basePath}/${run.id}`)} aria-label={t('import.openRunNamed', { id: run.id })}>
                        {t('import.openRun')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <p role="status">{t('import.historyRange', { from: offset + 1, to: offset + history.data.runs.length, total })}</p>
            <button type="button" disabled={offset === 0 || history.loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('common.previous')}
            </button>
            <button type="button" disabled={offset + PAGE_SIZE >= total || history.loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('common.next')}
            </button>
          </div>
        </>
      )}
    </Panel>
  );
}

/** The id of the newest applied run: undoing goes backwards, one run at a time. */
function useLatestApplied(): { latest: number | null; reload(): void } {
  const recent = useApi('import.history', { limit: LATEST_WINDOW, offset: 0 });
  return { latest: recent.data?.runs.find((run) => run.status === 'applied')?.id ?? null, reload: recent.reload };
}

function RunStatus({ run, latest }: { run: Run; latest: boolean }) {
  const { t } = useTranslation();
  if (run.status === 'undone') return <span className="badge badge-off">{t('import.undone')}</span>;
  return (
    <span className="nowrap">
      <span className="badge badge-on">{t('import.applied')}</span>
      {latest && <span className="cell-sub">{t('import.latest')}</span>}
    </span>
  );
}

function RunDetail({ basePath, runId }: { basePath: string; runId: number }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const detail = useApi('import.run', { runId });
  const recent = useLatestApplied();
  const latest = recent.latest;
  const notice = useNotice();
  const [confirming, setConfirming] = useState(false);
  const download = useAction(async () => {
    const file = await api.call('import.rejectsXlsx', { runId });
    downloadBase64(file.fileName, file.contentBase64, XLSX_TYPE);
  });
  const run = detail.data?.run;
  const canUndo = run?.status === 'applied' && latest === run.id && mayCall(user.role, 'import.undo');
  return (
    <>
      <p className="back-link">
        <a href={hrefTo(basePath)}>{t('import.backToHistory')}</a>
      </p>
      <SuccessNotice>{notice.text}</SuccessNotice>
      {detail.loading && !detail.data && <Loading />}
      <ErrorNotice error={detail.error} onRetry={detail.reload} />
      {run && detail.data && (
        <Panel title={t('import.runTitle', { id: run.id })}>
          <dl className="facts facts-file">
            <dt>{t('import.fileName')}</dt>
            <dd className="strong">{run.fileName}</dd>
            <dt>{t('import.sheet')}</dt>
            <dd>{run.sheet ?? t('common.none')}</dd>
            <dt>{t('import.sha256')}</dt>
            <dd className="mono">{run.sha256}</dd>
            <dt>{t('import.time')}</dt>
            <dd>
              <Instant iso={run.createdAt} /> · {run.createdBy}
            </dd>
            <dt>{t('import.runStatus')}</dt>
            <dd>
              {run.status === 'applied' ? (
                <span className="badge badge-on">{t('import.applied')}</span>
              ) : (
                <>
                  <span className="badge badge-off">{t('import.undone')}</span> {run.undoneAt && <Instant iso={run.undoneAt} />} {run.undoneBy && `· ${run.undoneBy}`}
                </>
              )}
            </dd>
          </dl>
          <div className="button-row run-actions">
            {detail.data.rejectsTotal > 0 && (
              <button type="button" disabled={download.pending} onClick={() => void download.run()}>
                {download.pending ? t('common.loading') : t('import.downloadRejects')}
              </button>
            )}
            {canUndo && (
              <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
                {t('import.undo')}
              </button>
            )}
          </div>
          <ErrorNotice error={download.error} />
          {detail.data.report ? (
            <SyncReportView report={detail.data.report} rejects={{ rows: detail.data.rejects, total: detail.data.rejectsTotal }} />
          ) : (
            <RunCounts run={run} />
          )}
        </Panel>
      )}
      {confirming && run && (
        <UndoDialog
          run={run}
          onClose={() => setConfirming(false)}
          onDone={(result) => {
            setConfirming(false);
            notice.show({ key: 'import.undoDone', params: { id: result.runId, removed: result.billsRemoved, restored: result.billsRestored } });
            detail.reload();
            recent.reload();
          }}
        />
      )}
    </>
  );
}

/** Older runs may have no stored report; their counts are still in the history row. */
function RunCounts({ run }: { run: Run }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const counts = [
    [t('import.count.rowsRead'), run.rowsRead],
    [t('import.count.inserted'), run.inserted],
    [t('import.count.updated'), run.updated],
    [t('import.count.unchanged'), run.unchanged],
    [t('import.count.newlyPaid'), run.newlyPaid],
    [t('import.count.duplicates'), run.duplicates],
    [t('import.count.rejected'), run.rejectedCount],
    [t('import.count.missing'), run.missingFromSnapshot],
  ] as const;
  return (
    <dl className="counts">
      {counts.map(([label, value]) => (
        <div key={label} className="count">
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function UndoDialog({ run, onClose, onDone }: { run: Run; onClose(): void; onDone(result: Out<'import.undo'>): void }) {
  const { t } = useTranslation();
  const undo = useAction(async () => onDone(await api.call('import.undo', { runId: run.id })));
  return (
    <Modal title={t('import.undoTitle', { id: run.id })} onClose={onClose}>
      <p>{t('import.undoIntro', { file: run.fileName })}</p>
      <ErrorNotice error={undo.error} />
      <div className="button-row">
        <button type="button" className="button-danger" disabled={undo.pending} onClick={() => void undo.run()}>
          {undo.pending ? t('common.saving') : t('import.undoConfirm')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
