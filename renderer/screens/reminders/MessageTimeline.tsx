import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import { Panel } from '../../components/Page';
import { StateBadge } from './StateBadge';
import { usePolling } from './polling';

/** Every message sent to one taxpayer, newest first, each with the states it went through. */
export function MessageTimeline({ taxpayerId }: { taxpayerId: number }) {
  const { t } = useTranslation();
  const timeline = useApi('messages.timeline', { taxpayerId });
  usePolling(timeline.reload);
  const messages = timeline.data?.messages ?? [];
  return (
    <Panel title={t('reminders.timeline.title')}>
      <ErrorNotice error={timeline.error} onRetry={timeline.reload} />
      {!timeline.data && !timeline.error && <Loading />}
      {timeline.data && messages.length === 0 && <EmptyState>{t('reminders.timeline.empty')}</EmptyState>}
      {messages.length > 0 && (
        <ol className="message-timeline" aria-label={t('reminders.timeline.title')}>
          {messages.map((message) => (
            <li key={message.id} className="message-timeline-item">
              <div className="message-timeline-head">
                <strong>{message.stage}</strong>
                <span>{t(`reminders.channels.${message.channel}`)}</span>
                <span className="mono">{message.recipient}</span>
                <StateBadge state={message.state} />
                <span className="muted">{t('reminders.timeline.attempts', { n: message.attempts })}</span>
              </div>
              <details className="message-timeline-body">
                <summary>{t('reminders.timeline.body')}</summary>
                <p>{message.body}</p>
              </details>
              <ul className="message-timeline-events">
                {message.events.map((event, index) => (
                  <li key={`${event.at}-${index}`}>
                    <Instant iso={event.at} /> — <StateBadge state={event.state} />
                    {event.detail && <span className="muted"> {event.detail}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
