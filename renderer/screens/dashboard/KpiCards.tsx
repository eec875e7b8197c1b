import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../components/numbers';
import { type KpiFigures, percentOrDash, rupiah } from './format';
import { useMonthName } from './months';

/** The answers at a glance: collecting what we should? what is overdue? do reminders work? what do they save? */
export function KpiCards({ kpi }: { kpi: KpiFigures }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const monthName = useMonthName();
  const r = kpi.realisation;
  return (
    <dl className="cards dashboard-cards" aria-label={t('dashboard.cards.label')}>
      <div className="card">
        <dt>{t('dashboard.cards.realisation', { month: r.asOfMonth === 0 ? '—' : monthName(r.asOfMonth - 1) })}</dt>
        <dd className="card-value" data-testid="kpi-realisation">
          {rupiah(r.cumulative)}
        </dd>
        <dd className="card-note">{r.quarterTarget === null ? t('dashboard.cards.noTarget') : t('dashboard.cards.target', { quarter: r.quarter, target: rupiah(r.quarterTarget) })}</dd>
      </div>
      <div className={`card${r.capaian.shown !== null && r.capaian.shown < 0.9 ? ' card-alert' : ''}`}>
        <dt>{t('dashboard.cards.capaian')}</dt>
        <dd className="card-value" data-testid="kpi-capaian">
          {percentOrDash(r.capaian.shown)}
        </dd>
        <dd className="card-note">{t('dashboard.cards.capaianNote')}</dd>
      </div>
      <div className="card">
        <dt>{t('dashboard.cards.arrears')}</dt>
        <dd className="card-value" data-testid="kpi-arrears">
          {rupiah(kpi.arrears.principal)}
        </dd>
        <dd className="card-note">{t('dashboard.cards.arrearsNote', { n: n(kpi.arrears.bills) })}</dd>
      </div>
      <div className="card">
        <dt>{t('dashboard.cards.compliance')}</dt>
        <dd className="card-value">{percentOrDash(kpi.compliance.rate)}</dd>
        <dd className="card-note">{t('dashboard.cards.complianceNote', { onTime: n(kpi.compliance.onTime), due: n(kpi.compliance.due) })}</dd>
      </div>
      <div className="card">
        <dt>{t('dashboard.cards.reachability')}</dt>
        <dd className="card-value">{percentOrDash(kpi.reachability.rate)}</dd>
        <dd className="card-note">{t('dashboard.cards.reachabilityNote', { share: percentOrDash(kpi.reachability.principalRate) })}</dd>
      </div>
      <div className="card">
        <dt>{t('dashboard.cards.savings')}</dt>
        <dd className="card-value">{rupiah(kpi.savings.saved)}</dd>
        <dd className="card-note">{t('dashboard.cards.savingsNote', { n: n(kpi.savings.reminders) })}</dd>
      </div>
    </dl>
  );
}
