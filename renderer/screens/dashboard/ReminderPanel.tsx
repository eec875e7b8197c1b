import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Page';
import { useNumberFormat } from '../../components/numbers';
import { Chart } from './Chart';
import { type DrillRequest, type KpiFigures, percentOrDash, rupiah } from './format';
import { TableExport } from './TableExport';

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Are reminders working: reminded bills through the funnel, against bills never reminded, by stage and channel. */
export function ReminderPanel({ kpi, onDrill }: { kpi: KpiFigures; onDrill(request: DrillRequest): void }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const f = kpi.funnel;
  const stages = f.control.map((c) => c.stage);
  const remindedBy = (stage: string) => f.byStageChannel.filter((r) => r.stage === stage).reduce((s, r) => ({ sent: s.sent + r.sent, paid7: s.paid7 + r.paid7 }), { sent: 0, paid7: 0 });
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)} %` : '—') },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: stages },
      yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('dashboard.funnel.reminded'), type: 'bar', data: stages.map((s) => (share(remindedBy(s).paid7, remindedBy(s).sent) ?? 0) * 100), itemStyle: { color: '#1c7c54' } },
        { name: t('dashboard.funnel.notReminded'), type: 'bar', data: f.control.map((c) => (share(c.paid7, c.bills) ?? 0) * 100), itemStyle: { color: '#9aa5b1' } },
      ],
    }),
    [f, t],
  );
  const open = (stage: string, channel: string, window: 'sent' | 'paid7' | 'paid14') =>
    onDrill({ figure: 'reminded', stage, channel: channel === 'sms' ? 'sms' : 'whatsapp', window, title: t(`dashboard.drill.reminded.${window}`, { stage, channel: t(`dashboard.channels.${channel === 'sms' ? 'sms' : 'whatsapp'}`) }) });
  const header = [t('dashboard.funnel.stage'), t('dashboard.funnel.channel'), t('dashboard.funnel.sent'), t('dashboard.funnel.delivered'), t('dashboard.funnel.read'), t('dashboard.funnel.paid7'), t('dashboard.funnel.paid14')];
  return (
    <Panel title={t('dashboard.funnel.title')}>
      <div className="dashboard-split">
        <Chart option={option} label={t('dashboard.funnel.chart')} fileName={`efek-pengingat-${kpi.period ?? kpi.year}`} />
        <div className="dashboard-scroll">
          <table className="table" aria-label={t('dashboard.funnel.table')}>
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {f.byStageChannel.map((r) => (
                <tr key={`${r.stage}-${r.channel}`}>
                  <th scope="row">{r.stage}</th>
                  <td>{t(`dashboard.channels.${r.channel}`, { defaultValue: r.channel })}</td>
                  <td className="number">
                    <DrillLink label={n(r.sent)} onClick={() => open(r.stage, r.channel, 'sent')} />
                  </td>
                  <td className="number">{n(r.delivered)}</td>
                  <td className="number">{n(r.read)}</td>
                  <td className="number">
                    <DrillLink label={`${n(r.paid7)} (${percentOrDash(share(r.paid7, r.sent))})`} onClick={() => open(r.stage, r.channel, 'paid7')} />
                  </td>
                  <td className="number">
                    <DrillLink label={`${n(r.paid14)} (${percentOrDash(share(r.paid14, r.sent))})`} onClick={() => open(r.stage, r.channel, 'paid14')} />
                  </td>
                </tr>
              ))}
              {f.control
                .filter((c) => c.bills > 0)
                .map((c) => (
                  <tr key={`control-${c.stage}`} className="dashboard-control">
                    <th scope="row">{c.stage}</th>
                    <td>{t('dashboard.funnel.notReminded')}</td>
                    <td className="number">{n(c.bills)}</td>
                    <td />
                    <td />
                    <td className="number">{`${n(c.paid7)} (${percentOrDash(share(c.paid7, c.bills))})`}</td>
                    <td className="number">{`${n(c.paid14)} (${percentOrDash(share(c.paid14, c.bills))})`}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="dashboard-note">{t('dashboard.funnel.note')}</p>
          <TableExport
            fileName={`efek-pengingat-${kpi.period ?? kpi.year}`}
            header={header}
            rows={() => [...f.byStageChannel.map((r) => [r.stage, r.channel, r.sent, r.delivered, r.read, r.paid7, r.paid14]), ...f.control.map((c) => [c.stage, t('dashboard.funnel.notReminded'), c.bills, null, null, c.paid7, c.paid14])]}
          />
        </div>
      </div>
    </Panel>
  );
}

function DrillLink({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="link-button" onClick={onClick}>
      {label}
    </button>
  );
}

/** Who reminders can reach, what each channel costs, and what messages save against paper letters. */
export function ReachAndCostPanel({ kpi }: { kpi: KpiFigures }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const reach = kpi.reachability;
  const header = [t('dashboard.channels.channel'), t('dashboard.channels.messages'), t('dashboard.channels.costPerMessage'), t('dashboard.channels.cost')];
  return (
    <Panel title={t('dashboard.channels.title')}>
      <div className="dashboard-split">
        <table className="table" aria-label={t('dashboard.channels.reachTable')}>
          <thead>
            <tr>
              <th>{t('dashboard.channels.reach')}</th>
              <th>{t('dashboard.channels.taxpayers')}</th>
              <th>{t('dashboard.channels.unpaid')}</th>
            </tr>
          </thead>
          <tbody>
            {(['whatsapp', 'sms', 'none'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{t(`dashboard.channels.${k}`)}</th>
                <td className="number">{`${n(reach.taxpayers[k])} (${percentOrDash(share(reach.taxpayers[k], reach.taxpayers.total))})`}</td>
                <td className="number">{rupiah(reach.principal[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <table className="table" aria-label={t('dashboard.channels.costTable')}>
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {kpi.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{t(`dashboard.channels.${c.channel}`, { defaultValue: c.channel })}</th>
                  <td className="number">{n(c.messages)}</td>
                  <td className="number">{rupiah(c.costPerMessage)}</td>
                  <td className="number">{rupiah(c.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="dashboard-note">
            {t('dashboard.channels.savings', { n: n(kpi.savings.reminders), letter: rupiah(kpi.savings.paperLetterCost), cost: rupiah(kpi.savings.messageCost), saved: rupiah(kpi.savings.saved) })}
          </p>
          <TableExport fileName={`biaya-kanal-${kpi.period ?? kpi.year}`} header={header} rows={() => kpi.channels.map((c) => [c.channel, c.messages, c.costPerMessage, c.cost])} />
        </div>
      </div>
    </Panel>
  );
}
