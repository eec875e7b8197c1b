import { useTranslation } from 'react-i18next';
import type { Reachability } from '../../../shared/api/contacts';
import { formatPercent, formatRupiah } from '../../../shared/format';
import { EmptyState } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { useTaxTypeName } from '../../components/tax-types';

type Counts = Reachability['taxpayers'];
type Group = Reachability['byKecamatan'][number];
type Channel = 'whatsapp' | 'sms' | 'none';

const CHANNELS: readonly Channel[] = ['whatsapp', 'sms', 'none'];

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Who reminders reach, by best channel: taxpayers, and the unpaid principal they owe. */
export function ReachCards({ reach }: { reach: Reachability }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { taxpayers, principal } = reach;
  return (
    <dl className="cards reach-cards" aria-label={t('contacts.reach.label')}>
      {CHANNELS.map((channel) => (
        <div key={channel} className={`card reach-card reach-card-${channel}`}>
          <dt>{t(`contacts.reach.${channel}`)}</dt>
          <dd className="card-value">{formatPercent(share(taxpayers[channel], taxpayers.total))}</dd>
          <dd className="card-note reach-card-taxpayers">{t('contacts.reach.taxpayersOf', { n: formatNumber(taxpayers[channel]), total: formatNumber(taxpayers.total) })}</dd>
          <dd className="card-note">{t('contacts.reach.principalOf', { amount: formatRupiah(principal[channel]), share: formatPercent(share(principal[channel], principal.total)) })}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The same figures per kecamatan and per tax type, to see where contacts need work first. */
export function ReachabilityPanel({ reach }: { reach: Reachability }) {
  const { t } = useTranslation();
  const taxTypeName = useTaxTypeName();
  return (
    <div className="contacts-tab-body reach-panel">
      <p className="panel-note">{t('contacts.reach.note')}</p>
      <ReachTable title={t('contacts.reach.byKecamatan')} keyHeader={t('ledger.kecamatan')} groups={reach.byKecamatan} name={(key) => key ?? t('contacts.reach.noKecamatan')} total={reach} />
      <ReachTable title={t('contacts.reach.byTaxType')} keyHeader={t('ledger.taxType')} groups={reach.byTaxType} name={(key) => (key ? taxTypeName(key) : t('common.none'))} note={t('contacts.reach.taxTypeNote')} />
    </div>
  );
}

function ReachTable({ title, keyHeader, groups, name, note, total }: { title: string; keyHeader: string; groups: Group[]; name(key: string | null): string; note?: string; total?: Reachability }) {
  const { t } = useTranslation();
  return (
    <section className="reach-section">
      <h3>{title}</h3>
      {note && <p className="panel-note">{note}</p>}
      {groups.length === 0 ? (
        <EmptyState>{t('contacts.reach.empty')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table reach-table" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{keyHeader}</th>
                <th scope="col" className="num">
                  {t('contacts.reach.taxpayers')}
                </th>
                <th scope="col" className="num">
                  {t('contacts.channel.whatsapp')}
                </th>
                <th scope="col" className="num">
                  {t('contacts.reach.smsShort')}
                </th>
                <th scope="col" className="num">
                  {t('contacts.channel.none')}
                </th>
                <th scope="col">{t('contacts.reach.spread')}</th>
                <th scope="col" className="num">
                  {t('contacts.reach.principal')}
                </th>
                <th scope="col" className="num">
                  {t('contacts.reach.principalNone')}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <ReachRow key={group.key ?? ''} label={name(group.key)} taxpayers={group.taxpayers} principal={group.principal} />
              ))}
            </tbody>
            {total && (
              <tfoot>
                <ReachRow label={t('contacts.reach.total')} taxpayers={total.taxpayers} principal={total.principal} />
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}

function ReachRow({ label, taxpayers, principal }: { label: string; taxpayers: Counts; principal: Counts }) {
  const formatNumber = useNumberFormat();
  const counted = (channel: Channel) => (
    <td className="num">
      <span className="cell-main">{formatNumber(taxpayers[channel])}</span>
      <span className="cell-sub">{formatPercent(share(taxpayers[channel], taxpayers.total))}</span>
    </td>
  );
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{formatNumber(taxpayers.total)}</td>
      {counted('whatsapp')}
      {counted('sms')}
      {counted('none')}
      <td>
        <ReachBar counts={taxpayers} />
      </td>
      <td className="num">{formatRupiah(principal.total)}</td>
      <td className={principal.none > 0 ? 'num overdue' : 'num'}>
        <span className="cell-main">{formatRupiah(principal.none)}</span>
        <span className="cell-sub">{formatPercent(share(principal.none, principal.total))}</span>
      </td>
    </tr>
  );
}

function ReachBar({ counts }: { counts: Counts }) {
  return (
    <span className="reach-bar" aria-hidden="true">
      {CHANNELS.map((channel) => (
        <span key={channel} className={`reach-bar-${channel}`} style={{ width: `${share(counts[channel], counts.total) * 100}%` }} />
      ))}
    </span>
  );
}
