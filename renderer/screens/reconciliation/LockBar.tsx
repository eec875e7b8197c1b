import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import type { Role } from '../../../shared/roles';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useInstantFormat } from '../../components/Instant';
import { Modal } from '../../components/Modal';

type Status = Out<'reconciliation.status'>;

/**
 * The period's lock: who signed it off and when, or why it cannot be signed yet. Only the
 * treasurer signs (the backend refuses anyone else); only a head reopens, with a reason.
 */
export function LockBar({ status, role, onChanged }: { status: Status; role: Role; onChanged(): void }) {
  const { t } = useTranslation();
  const formatInstant = useInstantFormat();
  const [done, setDone] = useState('');
  const [unlocking, setUnlocking] = useState(false);
  const locked = status.lock?.state === 'locked';
  const signoff = useAction(async () => {
    if (!window.confirm(t('reconciliation.signoffConfirm', { period: status.period }))) return;
    await api.call('reconciliation.signoff', { period: status.period });
    setDone(t('reconciliation.signedOff', { period: status.period }));
    onChanged();
  });
  const blocked = role !== 'treasurer' ? t('reconciliation.signoffTreasurerOnly') : !status.reconciled ? t('reconciliation.signoffBlocked', { open: status.open }) : '';

  return (
    <div className="recon-lock">
      <SuccessNotice>{done}</SuccessNotice>
      {locked && status.lock && (
        <div className="callout callout-warning" role="status" data-testid="recon-locked">
          <p>{t('reconciliation.locked', { period: status.lock.period, by: status.lock.signedBy, at: formatInstant(status.lock.signedAt) })}</p>
          {role === 'head' && (
            <button type="button" className="button-small" onClick={() => setUnlocking(true)}>
              {t('reconciliation.unlock')}
            </button>
          )}
        </div>
      )}
      {status.lock?.state === 'unlocked' && (
        <p className="callout" role="status">
          {t('reconciliation.unlockedBanner', { by: status.lock.unlockedBy ?? '', at: status.lock.unlockedAt ? formatInstant(status.lock.unlockedAt) : '', reason: status.lock.unlockReason ?? '' })}
        </p>
      )}
      {!locked && (
        <div className="button-row">
          <button type="button" className="button-primary" disabled={blocked !== '' || signoff.pending} aria-describedby="signoff-why" onClick={() => void signoff.run()}>
            {t('reconciliation.signoff')}
          </button>
          {blocked && (
            <span id="signoff-why" className="muted">
              {blocked}
            </span>
          )}
        </div>
      )}
      <ErrorNotice error={signoff.error} />
      {unlocking && (
        <UnlockDialog
          period={status.period}
          onClose={() => setUnlocking(false)}
          onUnlocked={() => {
            setUnlocking(false);
            setDone(t('reconciliation.unlocked', { period: status.period }));
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function UnlockDialog({ period, onClose, onUnlocked }: { period: string; onClose(): void; onUnlocked(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const unlock = useAction(async () => {
    await api.call('reconciliation.unlock', { period, reason: reason.trim() });
    onUnlocked();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void unlock.run();
  };
  return (
    <Modal title={t('reconciliation.unlockTitle', { period })} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('reconciliation.unlockReason')} required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="form-actions">
          <ErrorNotice error={unlock.error} />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={unlock.pending}>
            {t('reconciliation.unlockConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
