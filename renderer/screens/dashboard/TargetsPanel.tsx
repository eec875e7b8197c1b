import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '../../../shared/api/index';
import { DEFAULT_QUARTERS } from '../../../shared/dashboard/targets';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/Feedback';
import { Panel } from '../../components/Page';
import { useTaxTypeName } from '../../components/tax-types';

type Indicator = 'revenue' | 'compliance' | 'reachability';
interface Line {
  indicator: Indicator;
  taxType: string;
  /** As typed: Rupiah for revenue, percent for rates. */
  target: string;
  quarters: string[];
  weight: string;
}

/** The head's (or admin's) yearly targets: revenue per tax type with cumulative quarters, and the rates. */
export function TargetsPanel({ year, taxTypes, onSaved }: { year: number; taxTypes: string[]; onSaved(): void }) {
  const { t } = useTranslation();
  const taxTypeName = useTaxTypeName();
  const stored = useApi('dashboard.targets', { year });
  const [lines, setLines] = useState<Line[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!stored.data) return;
    const rows = stored.data.targets;
    const line = (indicator: Indicator, taxType: string): Line => {
      const row = rows.find((r) => r.indicator === indicator && r.taxType === taxType);
      const rate = indicator !== 'revenue';
      return {
        indicator,
        taxType,
        target: row && row.target > 0 ? String(rate ? row.target / 100 : row.target) : '',
        quarters: (row?.quarters ?? (rate ? [100, 100, 100, 100] : DEFAULT_QUARTERS)).map(String),
        weight: row ? String(row.weight) : '0',
      };
    };
    setLines([line('revenue', '*'), ...taxTypes.map((tt) => line('revenue', tt)), line('compliance', '*'), line('reachability', '*')]);
  }, [stored.data, taxTypes.join()]);

  const save = useAction(async () => {
    const targets: In<'dashboard.setTargets'>['targets'] = lines
      .filter((l) => l.target.trim() !== '')
      .map((l) => ({
        indicator: l.indicator,
        taxType: l.taxType,
        target: Math.round(Number(l.target.replace(/\./g, '').replace(',', '.')) * (l.indicator === 'revenue' ? 1 : 100)),
        quarters: l.quarters.map(Number) as [number, number, number, number],
        weight: Number(l.weight),
      }));
    if (targets.length === 0) return;
    await api.call('dashboard.setTargets', { year, targets });
    setSaved(true);
    stored.reload();
    onSaved();
  });

  const change = (i: number, patch: Partial<Line>) => {
    setSaved(false);
    setLines((all) => all.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  };
  const name = (l: Line) => (l.indicator === 'revenue' ? (l.taxType === '*' ? t('dashboard.targets.revenueAll') : `— ${taxTypeName(l.taxType)}`) : t(`dashboard.lakin.indicators.${l.indicator}`));

  return (
    <Panel title={t('dashboard.targets.title', { year })}>
      {!stored.data && !stored.error && <Loading />}
      <ErrorNotice error={stored.error} onRetry={stored.reload} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <div className="dashboard-scroll">
          <table className="table dashboard-targets" aria-label={t('dashboard.targets.table')}>
            <thead>
              <tr>
                <th>{t('dashboard.lakin.indicator')}</th>
                <th>{t('dashboard.targets.yearly')}</th>
                {['I', 'II', 'III', 'IV'].map((q) => (
                  <th key={q}>{`TW ${q} (%)`}</th>
                ))}
                <th>{t('dashboard.lakin.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={`${l.indicator}-${l.taxType}`}>
                  <th scope="row">{name(l)}</th>
                  <td>
                    <input aria-label={`${name(l)}: ${t('dashboard.targets.yearly')}`} inputMode="decimal" value={l.target} placeholder={l.indicator === 'revenue' ? 'Rp' : '%'} onChange={(e) => change(i, { target: e.target.value })} />
                  </td>
                  {l.quarters.map((q, k) => (
                    <td key={k}>
                      <input className="dashboard-narrow" aria-label={`${name(l)}: TW ${k + 1}`} inputMode="numeric" value={q} onChange={(e) => change(i, { quarters: l.quarters.map((v, j) => (j === k ? e.target.value : v)) })} />
                    </td>
                  ))}
                  <td>
                    <input className="dashboard-narrow" aria-label={`${name(l)}: ${t('dashboard.lakin.weight')}`} inputMode="numeric" value={l.weight} onChange={(e) => change(i, { weight: e.target.value })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="dashboard-note">{t('dashboard.targets.note')}</p>
        <button type="submit" disabled={save.pending}>
          {save.pending ? t('common.saving') : t('common.save')}
        </button>
        <ErrorNotice error={save.error} />
        {saved && <SuccessNotice>{t('dashboard.targets.saved')}</SuccessNotice>}
      </form>
    </Panel>
  );
}
