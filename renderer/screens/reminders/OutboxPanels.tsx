import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { CHANNELS, MESSAGE_STATES } from '../../../shared/api/messages';
import { failureReason } from '../../../shared/reminders/failure-reasons';
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
type Channel = (typeof CHANNELS)[number];

type Summary = Out<'messages.summary'>;

/** How many messages each stage has on each channel, as the server counted them. */
export function StageChannelPanel({ byStage }: { byStage: Summary['byStage'] | undefined }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const stages = Object.keys(byStage ?? {}).sort((a, b) => stageOffset(a) - stageOffset(b) || a.localeCompare(b));
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
              const row = byStage?.[stage] ?? {};
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

/**
 * Failed messages grouped by the gateway's error code, each explained with what to do
 * (shared/reminders/failure-reasons.ts), and the `unknown` ones awaiting an officer's decision.
 */
export function FailuresPanel({ failures, unknown, onResolved }: { failures: Summary['failures'] | undefined; unknown: Message[] | undefined; onResolved(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const formatNumber = useNumberFormat();
  const user = useSignedInUser();
  const canResolve = mayCall(user.role, 'messages.resolve');
  const resolve = useAction(async (id: number, decision: 'requeue' | 'sent' | 'failed') => {
    await api.call('messages.resolve', { id, decision });
    onResolved();
  });
  return (
    <Panel title={t('reminders.failures.title')}>
      {!failures?.length ? (
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
            {failures.map((group) => {
              const reason = failureReason(group.code);
              return (
                <tr key={group.code ?? ''}>
                  <td>
                    <span className="strong">{reason.text[language]}</span> <span className="mono muted">{group.code || t('reminders.failures.noCode')}</span>
                    <div className="muted">
                      {t('reminders.failures.action')}: {reason.action[language]}
                    </div>
                  </td>
                  <td className="num">{formatNumber(group.messages)}</td>
                  <td>
                    <TaxpayerLinks examples={group.examples} total={group.taxpayers} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unknown && unknown.length > 0 && (
        <div className="reminders-unknown">
          <h3>{t('reminders.failures.unknownTitle')}</h3>
          <p className="panel-note">{t('reminders.failures.unknownNote')}</p>
          <ErrorNotice error={resolve.error} />
          <ul className="reminders-unknown-list">
            {unknown.map((message) => (
              <li key={message.id}>
                <a href={hrefTo(`wajib-pajak/${message.taxpayerId}`)}>{message.name}</a> <span className="mono">{message.recipient}</span>{' '}
                <span className="muted" title={message.errorDetail ?? undefined}>
                  {failureReason(message.errorCode).text[language]}
                </span>
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

function TaxpayerLinks({ examples, total }: { examples: Summary['failures'][number]['examples']; total: number }) {
  const { t } = useTranslation();
  return (
    <>
      {examples.map((example, index) => (
        <span key={example.taxpayerId}>
          {index > 0 && ', '}
          <a href={hrefTo(`wajib-pajak/${example.taxpayerId}`)}>{example.name}</a>
        </span>
      ))}
      {total > examples.length && <span className="muted"> {t('reminders.failures.more', { n: total - examples.length })}</span>}
    </>
  );
}

/** Rows a page of the message list shows: the latest first; "show more" asks for the next page. */
const PAGE = 100;

/**
 * The outbox searched on the server: by part of an NPWPD, a name or a number however typed,
 * and narrowed by state, stage, channel and plan dates. Typing is debounced, so the server is
 * asked once the officer pauses; the first page follows the polling, later pages are kept.
 */
export function MessageListPanel({ stages }: { stages: string[] }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<MessageState | ''>('');
  const [stage, setStage] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = useDebounced(search.trim(), 300);
  const filters = { ...(query && { search: query }), ...(state && { state }), ...(stage && { stage }), ...(channel && { channel }), ...(from && { from }), ...(to && { to }) };
  const list = useApi('messages.list', { ...filters, order: 'newest', limit: PAGE });
  usePolling(list.reload);
  const filterKey = JSON.stringify(filters);
  const [older, setOlder] = useState<{ key: string; messages: Message[]; nextBeforeId: number | null }>({ key: '', messages: [], nextBeforeId: null });
  const more = useAction(async (beforeId: number) => {
    const page = await api.call('messages.list', { ...filters, order: 'newest', limit: PAGE, beforeId });
    setOlder((o) => ({ key: filterKey, messages: [...(o.key === filterKey ? o.messages : []), ...page.messages], nextBeforeId: page.nextBeforeId }));
  });
  // Pages loaded for other filters are dropped; the first page is always the fresh one.
  const kept = older.key === filterKey ? older : null;
  const firstPage = list.data?.messages ?? [];
  const lastId = firstPage.at(-1)?.id;
  const messages = [...firstPage, ...(kept?.messages ?? []).filter((m) => lastId === undefined || m.id < lastId)];
  const nextBeforeId = kept ? kept.nextBeforeId : (list.data?.nextBeforeId ?? null);
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
        <SelectField label={t('reminders.list.stage')} value={stage} onChange={(e) => setStage(e.target.value)}>
          <option value="">{t('reminders.list.allStages')}</option>
          {[...new Set([...stages, ...(stage ? [stage] : [])])].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reminders.list.channel')} value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
          <option value="">{t('reminders.list.allChannels')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`reminders.channels.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('reminders.list.from')} type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('reminders.list.to')} type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
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
      <ErrorNotice error={more.error} />
      {nextBeforeId !== null && (
        <button type="button" className="button-small" disabled={more.pending} onClick={() => void more.run(nextBeforeId)}>
          {t('reminders.list.more')}
        </button>
      )}
    </section>
  );
}
