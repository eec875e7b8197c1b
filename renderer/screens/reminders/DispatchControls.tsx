import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { api } from '../../api/client';
import { mayCall } from '../../api/permissions';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import { useNumberFormat } from '../../components/numbers';
import { useSignedInUser } from '../../session';

type Status = Out<'dispatch.status'>;
type Steer = 'dispatch.pause' | 'dispatch.resume' | 'dispatch.cancel';

/** The dispatcher's state and the buttons that steer it; only senders see the buttons. */
export function DispatchControls({ status, onChanged }: { status: Status | undefined; onChanged(): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const user = useSignedInUser();
  const canSend = mayCall(user.role, 'dispatch.start');
  const start = useAction(async () => {
    await api.call('dispatch.start', { untilEmpty: true });
    onChanged();
  });
  const steer = useAction(async (name: Steer) => {
    await api.call(name, {});
    onChanged();
  });
  const running = status?.job?.state === 'running';
  const paused = status?.paused ?? false;
  const elsewhere = running ? null : (status?.elsewhere ?? null);
  const stateText = running ? (paused ? t('reminders.dispatch.paused') : t('reminders.dispatch.running')) : elsewhere ? t('reminders.dispatch.elsewhere', { host: elsewhere.host, pid: elsewhere.pid }) : t('reminders.dispatch.idle');
  const busy = start.pending || steer.pending;
  return (
    <div className="reminders-dispatch">
      <p className="reminders-dispatch-state" role="status">
        <span className={`badge ${running || elsewhere ? (paused ? 'badge-warning' : 'badge-on') : 'badge-off'}`}>{stateText}</span>
        {elsewhere && (
          <span className="muted">
            {' '}
            {t('reminders.dispatch.elsewhereSince')} <Instant iso={elsewhere.since} />
          </span>
        )}
        {running && status?.job && <span className="muted"> {t('reminders.dispatch.progress', { done: formatNumber(status.job.progress.done) })}</span>}
      </p>
      {canSend && (
        <div className="button-row">
          {!running && !elsewhere && (
            <button type="button" className="button-primary" disabled={busy} onClick={() => void start.run()}>
              {t('reminders.dispatch.start')}
            </button>
          )}
          {running && !paused && (
            <button type="button" disabled={busy} onClick={() => void steer.run('dispatch.pause')}>
              {t('reminders.dispatch.pause')}
            </button>
          )}
          {running && paused && (
            <button type="button" className="button-primary" disabled={busy} onClick={() => void steer.run('dispatch.resume')}>
              {t('reminders.dispatch.resume')}
            </button>
          )}
          {running && (
            <button type="button" className="button-danger" disabled={busy} onClick={() => void steer.run('dispatch.cancel')}>
              {t('reminders.dispatch.cancel')}
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={start.error ?? steer.error} />
    </div>
  );
}
