import { useTranslation } from 'react-i18next';
import { useMonthName } from './months';
import { useApi } from '../../api/useApi';
import { useTaxTypeName } from '../../components/tax-types';

export interface DashboardFilters {
  year: number;
  /** `YYYY-MM`, or '' for the whole year. */
  period: string;
  taxType: string;
  kecamatan: string;
}

/** Year, month, tax type and kecamatan: every panel and every drill-down follows them. */
export function Filters({ value, onChange, years }: { value: DashboardFilters; onChange(next: DashboardFilters): void; years: number[] }) {
  const { t } = useTranslation();
  const monthName = useMonthName();
  const facets = useApi('ledger.facets', {});
  const taxTypeName = useTaxTypeName();
  const months = Array.from({ length: 12 }, (_, i) => `${value.year}-${String(i + 1).padStart(2, '0')}`);
  return (
    <form className="dashboard-filters no-print" aria-label={t('dashboard.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('dashboard.filters.year')}
        <select value={value.year} onChange={(e) => onChange({ ...value, year: Number(e.target.value), period: '' })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.filters.period')}
        <select value={value.period} onChange={(e) => onChange({ ...value, period: e.target.value })}>
          <option value="">{t('dashboard.filters.wholeYear')}</option>
          {months.map((m, i) => (
            <option key={m} value={m}>
              {monthName(i)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.filters.taxType')}
        <select value={value.taxType} onChange={(e) => onChange({ ...value, taxType: e.target.value })}>
          <option value="">{t('dashboard.filters.all')}</option>
          {(facets.data?.taxTypes ?? []).map((tt) => (
            <option key={tt.code} value={tt.code}>
              {taxTypeName(tt.code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.filters.kecamatan')}
        <select value={value.kecamatan} onChange={(e) => onChange({ ...value, kecamatan: e.target.value })}>
          <option value="">{t('dashboard.filters.all')}</option>
          {(facets.data?.kecamatan ?? []).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
