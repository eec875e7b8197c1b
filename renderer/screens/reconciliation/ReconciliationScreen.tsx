import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { Page, Panel } from '../../components/Page';
import { useSignedInUser } from '../../session';
import { ExceptionList } from './ExceptionList';
import { LockBar } from './LockBar';
import { type PeriodKind, periodOf } from './period';
import { StatementHistory } from './StatementHistory';
import { StatementImport } from './StatementImport';
import { StatusSummary } from './StatusSummary';
import { useReloadOn } from './useReloadOn';

/** Who may change what here, as shared/api/statements.ts and reconciliation.ts allow. */
const IMPORTERS: readonly Role[] = ['treasurer', 'admin'];

/**
 * `#/rekonsiliasi`: one day or month at a time. The treasurer imports the bank's statement,
 * settles what did not match, and signs the period off; the head reads it and may reopen it.
 */
export function ReconciliationScreen() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const role = me.role as Role;
  const today = useApi('ledger.summary', {});
  const [kind, setKind] = useState<PeriodKind>('day');
  const [chosenDay, setChosenDay] = useState('');
  const day = chosenDay || today.data?.asOf || '';
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  return (
    <Page title={t('nav.reconciliation.label')} description={t('nav.reconciliation.description')}>
      <Panel title={t('reconciliation.periodTitle')}>
        <div className="filter-bar filter-bar-compact">
          <SelectField label={t('reconciliation.periodKind')} value={kind} onChange={(e) => setKind(e.target.value === 'month' ? 'month' : 'day')}>
            <option value="day">{t('reconciliation.day')}</option>
            <option value="month">{t('reconciliation.month')}</option>
          </SelectField>
          {kind === 'day' ? (
            <TextField label={t('reconciliation.date')} type="date" required value={day} onChange={(e) => e.target.value && setChosenDay(e.target.value)} />
          ) : (
            <TextField label={t('reconciliation.monthField')} type="month" required value={day.slice(0, 7)} onChange={(e) => e.target.value && setChosenDay(`${e.target.value}-01`)} />
          )}
        </div>
      </Panel>
      <ErrorNotice error={today.error} onRetry={today.reload} />
      {day && <PeriodView period={periodOf(kind, day)} role={role} version={version} onChanged={bump} />}
    </Page>
  );
}

function PeriodView({ period, role, version, onChanged }: { period: string; role: Role; version: number; onChanged(): void }) {
  const { t } = useTranslation();
  const status = useApi('reconciliation.status', { period });
  useReloadOn(version, status.reload);
  const canChange = IMPORTERS.includes(role);
  const refresh = useAction(async () => {
    await api.call('reconciliation.refresh', { period });
    onChanged();
  });
  const locked = status.data?.lock?.state === 'locked';

  return (
    <>
      {canChange && <StatementImport onImported={onChanged} />}
      {status.loading && !status.data && <Loading />}
      <ErrorNotice error={status.error ?? refresh.error} onRetry={status.reload} />
      {status.data && (
        <>
          <LockBar status={status.data} role={role} onChanged={onChanged} />
          {canChange && !locked && (
            <div className="button-row">
              <button type="button" disabled={refresh.pending} onClick={() => void refresh.run()}>
                {t('reconciliation.refresh')}
              </button>
            </div>
          )}
          <StatusSummary status={status.data} />
          <ExceptionList period={period} canResolve={canChange && !locked} version={version} onResolved={onChanged} />
        </>
      )}
      <StatementHistory version={version} />
    </>
  );
}
