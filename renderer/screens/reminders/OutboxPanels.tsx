import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { CHANNELS, MESSAGE_STATES } from '../../../shared/api/messages';
import { api } from '../../api/client';
import { mayCall } from '../../api/permissions';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { Instant } from '../../components/Instant';
import { useNumberFormat } from '../../components/numbers';
import { Panel } from '../../components/Page';
import { useDebounced } from '../../components/debounce';
import { hrefTo } from '../../router';
import { useSignedInUser } from '../../session';
import { StateBadge } from './StateBadge';
import { usePolling } from './polling';

type Message = Out<'messages.list'>['messages'][number];
type MessageState = (typeof MESSAGE_STATES)[number];

/** How many messages each stage has on each channel (computed here: the backend counts stages and channels apart). */
export function StageChannelPanel({ messages }: { messages: Message[] | undefined }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const counts = new Map<string, Record<string, number>>();
  for (const message of messages ?? []) {
    const row = counts.get(message.stage) ?? {};
    row[message.channel] = (row[message.channel] ?? 0) + 1;
    counts.set(message.stage, row);
  }
  const stages = [...counts.keys()].sort((a, b) => stageOffset(a) - stageOffset(b) || a.localeCompare(b));
  return (
    <Panel title={t('reminders.byStage.title')}>
      {stages.length === 0 ? (
        <EmptyState>{t('reminders.byStage.empty')}</EmptyState>
      ) : (
        <table className="table" aria-label={t('reminders.byStage.title')}>
          <thead>
            <tr>
              <th scope="col">{t('reminders.byStage.stage')}</th>
              {CHANNELS.map((channel) => (
                <th key={channel} scope="col" className="num">
                  {t(`reminders.channels.${channel}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('reminders.byStage.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => {
              const row = counts.get(stage) ?? {};
              return (
                <tr key={stage}>
                  <td className="strong">{stage}</td>
                  {CHANNELS.map((channel) => (
                    <td key={channel} className="num">
                      {formatNumber(row[channel] ?? 0)}
                    </td>
                  ))}
                  <td className="num strong">{formatNumber(CHANNELS.reduce((sum, channel) => sum + (row[channel] ?? 0), 0))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** `H-14` → -14, `H+1` → 1: stages read in the order they are sent. */
function stageOffset(stage: string): number {
  const match = /^H([+-]\d+)$/.exec(stage);
  return match ? Number(match[1]) : 0;
}

/** How many taxpayers a failure line names before "and n more". */
const NAMED = 5;

/** Failed messages grouped by the gateway's error code, and the `unknown` ones awaiting an officer's decision. */
export function FailuresPanel({ messages, onResolved }: { messages: Message[] | undefined; onResolved(): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const user = useSignedInUser();
  const canResolve = mayCall(user.role, 'messages.resolve');
  const resolve = useAction(async (id: number, decision: 'requeue' | 'sent' | 'failed') => {
    await api.call('messages.resolve', { id, decision });
    onResolved();
  });
  const groups = new Map<string, Message[]>();
  for (const message of messages ?? []) {
    if (message.state !== 'failed') continue;
    const code = message.errorCode ?? '';
    groups.set(code, [...(groups.get(code) ?? []), message]);
  }
  const unknown = (messages ?? []).filter((message) => message.state === 'unknown');
  return (
    <Panel title={t('reminders.failures.title')}>
      {groups.size === 0 ? (
        <EmptyState>{t('reminders.failures.none')}</EmptyState>
      ) : (
        <table className="table" aria-label={t('reminders.failures.title')}>
          <thead>
            <tr>
              <th scope="col">{t('reminders.failures.code')}</th>
              <th scope="col" className="num">
                {t('reminders.failures.count')}
              </th>
              <th scope="col">{t('reminders.failures.taxpayers')}</th>
            </tr>
          </thead>
          <tbody>
            {[...groups.entries()]
              .sort((a, b) => b[1].length - a[1].length)
              .map(([code, failed]) => (
                <tr key={code}>
                  <td className="mono" title={failed[0]?.errorDetail ?? undefined}>
                    {code || t('reminders.failures.noCode')}
                  </td>
                  <td className="num">{formatNumber(failed.length)}</td>
                  <td>
                    <TaxpayerLinks messages={failed} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {unknown.length > 0 && (
        <div className="reminders-unknown">
          <h3>{t('reminders.failures.unknownTitle')}</h3>
          <p className="panel-note">{t('reminders.failures.unknownNote')}</p>
          <ErrorNotice error={resolve.error} />
          <ul className="reminders-unknown-list">
            {unknown.map((message) => (
              <li key={message.id}>
                <a href={hrefTo(`wajib-pajak/${message.taxpayerId}`)}>{message.name}</a> <span className="mono">{message.recipient}</span>
                {canResolve && (
                  <span className="button-row">
                    <button type="button" className="button-small" disabled={resolve.pending} onClick={() => void resolve.run(message.id, 'requeue')}>
                      {t('reminders.failures.requeue')}
                    </button>
                    <button type="button" className="button-small" disabled={resolve.pending} onClick={() => void resolve.run(message.id, 'sent')}>
                      {t('reminders.failures.markSent')}
                    </button>
                    <button type="button" className="button-small" disabled={resolve.pending} onClick={() => void resolve.run(message.id, 'failed')}>
                      {t('reminders.failures.markFailed')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}

function TaxpayerLinks({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const taxpayers = [...new Map(messages.map((message) => [message.taxpayerId, message])).values()];
  return (
    <>
      {taxpayers.slice(0, NAMED).map((message, index) => (
        <span key={message.taxpayerId}>
          {index > 0 && ', '}
          <a href={hrefTo(`wajib-pajak/${message.taxpayerId}`)}>{message.name}</a>
        </span>
      ))}
      {taxpayers.length > NAMED && <span className="muted"> {t('reminders.failures.more', { n: taxpayers.length - NAMED })}</span>}
    </>
  );
}

/** Rows the message list shows: the latest, newest first. */
const SHOWN = 100;

/**
 * Whether a message matches the search: part of its NPWPD, or of its number however typed
 * (`0812…`, `+62812…`, with spaces or dashes). messages.list only filters by the exact NPWPD.
 */
function matches(message: Message, query: string): boolean {
  const text = query.trim().toLowerCase();
  if (!text) return true;
  if (message.npwpd?.toLowerCase().includes(text)) return true;
  const digits = text.replace(/\D/g, '').replace(/^0/, '62');
  return digits.length >= 4 && message.recipient.replace(/\D/g, '').includes(digits);
}

/** The outbox's latest messages, searched by NPWPD or number and narrowed by state. */
export function MessageListPanel() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<MessageState | ''>('');
  const query = useDebounced(search, 300);
  const list = useApi('messages.list', { limit: 5000, ...(state && { state }) });
  usePolling(list.reload);
  const messages = (list.data?.messages ?? []).filter((message) => matches(message, query)).slice(-SHOWN).reverse();
  return (
    <section className="panel panel-table reminders-list">
      <h2>{t('reminders.list.title')}</h2>
      <div className="filter-bar filter-bar-compact" role="search" aria-label={t('reminders.list.title')}>
        <TextField label={t('reminders.list.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label={t('reminders.list.state')} value={state} onChange={(e) => setState(e.target.value as MessageState | '')}>
          <option value="">{t('reminders.list.all')}</option>
          {MESSAGE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`reminders.states.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data && messages.length === 0 ? (
        <EmptyState>{t('reminders.list.empty')}</EmptyState>
      ) : (
        <table className="table" aria-label={t('reminders.list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('reminders.list.taxpayer')}</th>
              <th scope="col">{t('reminders.list.stage')}</th>
              <th scope="col">{t('reminders.list.channel')}</th>
              <th scope="col">{t('reminders.list.recipient')}</th>
              <th scope="col">{t('reminders.list.status')}</th>
              <th scope="col">{t('reminders.list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>
                  <a className="cell-main" href={hrefTo(`wajib-pajak/${message.taxpayerId}`)}>
                    {message.name}
                  </a>
                  <span className="mono muted"> {message.npwpd ?? ''}</span>
                </td>
                <td>{message.stage}</td>
                <td>{t(`reminders.channels.${message.channel}`)}</td>
                <td className="mono">{message.recipient}</td>
                <td>
                  <StateBadge state={message.state} />
                  {message.errorCode && <span className="muted mono"> {message.errorCode}</span>}
                </td>
                <td>
                  <Instant iso={message.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {messages.length > 0 && <p className="panel-note reminders-list-note">{t('reminders.list.shown', { n: formatNumber(messages.length) })}</p>}
    </section>
  );
}
