import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { MESSAGE_STATES } from '../../../shared/api/messages';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { Page } from '../../components/Page';
import { DispatchControls } from './DispatchControls';
import { FailuresPanel, MessageListPanel, StageChannelPanel } from './OutboxPanels';
import { PlanControls } from './PlanControls';
import { usePolling } from './polling';

type Summary = Out<'messages.summary'>;

/** `unknown` messages listed for a decision at once; more wait behind these (the count card shows them all). */
const UNKNOWN_SHOWN = 200;

/**
 * `#/pengingat`: today's plan and its dispatch, watched live. Counts, the outbox and the
 * dispatcher's state are polled while the screen is visible; planning and sending are steered
 * from the header.
 */
export function RemindersScreen() {
  const { t } = useTranslation();
  // Counts, stages and failures are grouped by the server; only the `unknown` messages are listed.
  const summary = useApi('messages.summary', {});
  const unknown = useApi('messages.list', { state: 'unknown', order: 'newest', limit: UNKNOWN_SHOWN });
  const status = useApi('dispatch.status', {});
  const refresh = useCallback(() => {
    summary.reload();
    unknown.reload();
    status.reload();
  }, [summary.reload, unknown.reload, status.reload]);
  usePolling(refresh);
  const throughput = useThroughput(summary.data);

  return (
    <Page title={t('nav.reminders.label')} description={t('nav.reminders.description')}>
      <div className="reminders-toolbar">
        <PlanControls onPlanned={refresh} />
        <DispatchControls status={status.data} onChanged={refresh} />
      </div>
      <ErrorNotice error={summary.error} onRetry={summary.reload} />
      <ErrorNotice error={status.error} onRetry={status.reload} />
      {summary.data ? <StateCards summary={summary.data} throughput={throughput} /> : !summary.error && <Loading />}
      <div className="reminders-split">
        <StageChannelPanel byStage={summary.data?.byStage} />
        <FailuresPanel failures={summary.data?.failures} unknown={unknown.data?.messages} onResolved={refresh} />
      </div>
      <ErrorNotice error={unknown.error} onRetry={unknown.reload} />
      <MessageListPanel stages={Object.keys(summary.data?.byStage ?? {})} />
    </Page>
  );
}

function StateCards({ summary, throughput }: { summary: Summary; throughput: number | null }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  return (
    <dl className="cards reminders-cards" aria-label={t('reminders.states.label')}>
      {MESSAGE_STATES.map((state) => (
        <div key={state} className={`card reminders-card reminders-card-${state}${(state === 'failed' || state === 'unknown') && summary.byState[state] > 0 ? ' card-alert' : ''}`}>
          <dt>{t(`reminders.states.${state}`)}</dt>
          <dd className="card-value" data-state={state}>
            {formatNumber(summary.byState[state])}
          </dd>
        </div>
      ))}
      <div className="card reminders-card">
        <dt>{t('reminders.throughput.label')}</dt>
        <dd className="card-value">{throughput === null ? '…' : formatNumber(throughput)}</dd>
        <dd className="card-note">{t('reminders.throughput.note')}</dd>
      </div>
    </dl>
  );
}

/** What the gateway took in: every message that left the queue counts once, whatever it became after. */
const HANDED_OVER = ['sent', 'delivered', 'read', 'failed', 'unknown'] as const;

/**
 * Messages handed to the gateways over the last minute (since the screen opened, if sooner),
 * from the summaries this screen polled: the backend reports a rate only when a dispatch ends.
 */
function useThroughput(summary: Summary | undefined): number | null {
  const samples = useRef<{ at: number; handed: number }[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (!summary) return;
    const now = Date.now();
    const handed = HANDED_OVER.reduce((sum, state) => sum + summary.byState[state], 0);
    const kept = [...samples.current.filter((s) => now - s.at <= 60_000), { at: now, handed }];
    samples.current = kept;
    const first = kept[0] ?? { at: now, handed };
    setRate(Math.max(0, handed - first.handed));
  }, [summary]);
  return rate;
}
