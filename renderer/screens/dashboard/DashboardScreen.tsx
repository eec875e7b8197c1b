import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../../../shared/format';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useLanguage } from '../../i18n';
import { ArrearsPanel } from './ArrearsPanel';
import { CompliancePanel } from './CompliancePanel';
import { DrillPanel } from './DrillPanel';
import { type DashboardFilters, Filters } from './Filters';
import type { DrillRequest } from './format';
import { KpiCards } from './KpiCards';
import { LakinPanel } from './LakinPanel';
import { RealisationPanel } from './RealisationPanel';
import { ReachAndCostPanel, ReminderPanel } from './ReminderPanel';
import { TargetsPanel } from './TargetsPanel';
import './dashboard.css';

/**
 * The head of agency's dashboard (Beranda for the head and the administrator): are we collecting
 * what we should, what is overdue and how old, are reminders working, and what do they save.
 * Every figure follows the filters and opens the bills behind it.
 */
export function DashboardScreen({ today }: { today: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const currentYear = Number(today.slice(0, 4));
  const [filters, setFilters] = useState<DashboardFilters>({ year: currentYear, period: '', taxType: '', kecamatan: '' });
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const scope = {
    year: filters.year,
    period: filters.period || undefined,
    taxType: filters.taxType || undefined,
    kecamatan: filters.kecamatan || undefined,
  };
  const kpi = useApi('dashboard.kpi', scope);
  const facets = useApi('ledger.facets', {});
  const drillBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (drill) drillBox.current?.scrollIntoView?.({ block: 'start' });
  }, [drill]);
  const changeFilters = (next: DashboardFilters) => {
    setFilters(next);
    setDrill(null);
  };

  return (
    <div className="dashboard">
      <Filters value={filters} onChange={changeFilters} years={[currentYear, currentYear - 1, currentYear - 2, currentYear - 3]} />
      <ErrorNotice error={kpi.error} onRetry={kpi.reload} />
      {!kpi.data && !kpi.error && <Loading />}
      {kpi.data && (
        <>
          <p className="dashboard-note">
            {t('dashboard.scope', { asOf: formatDate(kpi.data.asOf, lang) })}
            {kpi.data.builtAt && ` ${t('dashboard.builtAt', { at: formatInstant(kpi.data.builtAt, lang) })}`}
            {kpi.data.refreshing && ` ${t('dashboard.refreshing')}`}
            {kpi.loading && ` ${t('common.loading')}`}
          </p>
          <KpiCards kpi={kpi.data} />
          <div ref={drillBox}>{drill && <DrillPanel key={JSON.stringify([drill, scope])} request={drill} scope={scope} onClose={() => setDrill(null)} />}</div>
          <RealisationPanel kpi={kpi.data} onDrill={setDrill} />
          <ArrearsPanel kpi={kpi.data} onDrill={setDrill} />
          <div className="dashboard-split">
            <CompliancePanel kpi={kpi.data} onDrill={setDrill} />
            <ReachAndCostPanel kpi={kpi.data} />
          </div>
          <ReminderPanel kpi={kpi.data} onDrill={setDrill} />
        </>
      )}
      <LakinPanel year={filters.year} />
      <details className="dashboard-targets-box no-print">
        <summary>{t('dashboard.targets.open')}</summary>
        <TargetsPanel year={filters.year} taxTypes={(facets.data?.taxTypes ?? []).map((tt) => tt.code)} onSaved={kpi.reload} />
      </details>
    </div>
  );
}
