import { useTranslation } from 'react-i18next';
import { MESSAGE_STATES } from '../../../shared/api/messages';

const TONES: Record<string, string> = { delivered: 'badge-on', read: 'badge-on', failed: 'badge-danger', unknown: 'badge-warning', cancelled: 'badge-off' };

/** A message state as officers name it; states the outbox does not list (e.g. an event's `accepted`) show as they are. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const known = (MESSAGE_STATES as readonly string[]).includes(state);
  return <span className={`badge ${TONES[state] ?? 'badge-info'}`}>{known ? t(`reminders.states.${state as (typeof MESSAGE_STATES)[number]}`) : state}</span>;
}
