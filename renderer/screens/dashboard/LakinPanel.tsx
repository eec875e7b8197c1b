import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Panel } from '../../components/Page';
import { useTaxTypeName } from '../../components/tax-types';
import { downloadBase64 } from './download';
import { percentOrDash, rupiah } from './format';

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** The performance table as the agency's LAKIN states it, with its formatted workbook. */
export function LakinPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const taxTypeName = useTaxTypeName();
  const lakin = useApi('dashboard.lakin', { year });
  const exportRun = useAction(async () => {
    const file = await api.call('dashboard.lakinXlsx', { year });
    downloadBase64(file.fileName, file.contentBase64);
  });
  const value = (unit: 'rupiah' | 'percent', v: number | null) => (v === null ? '—' : unit === 'rupiah' ? rupiah(v) : percentOrDash(v / 100));
  return (
    <Panel title={t('dashboard.lakin.title', { year })}>
      <ErrorNotice error={lakin.error} onRetry={lakin.reload} />
      {!lakin.data && !lakin.error && <Loading />}
      {lakin.data && (
        <div className="dashboard-scroll">
          <table className="table dashboard-lakin" aria-label={t('dashboard.lakin.table')}>
            <thead>
              <tr>
                <th rowSpan={2}>{t('dashboard.lakin.indicator')}</th>
                <th rowSpan={2}>{t('dashboard.lakin.weight')}</th>
                <th colSpan={4}>{t('dashboard.lakin.target')}</th>
                <th colSpan={4}>{t('dashboard.lakin.realisation')}</th>
                <th colSpan={4}>{t('dashboard.lakin.capaian')}</th>
              </tr>
              <tr>
                {[0, 1, 2].flatMap((g) => QUARTERS.map((q) => <th key={`${g}-${q}`}>{`TW ${q}`}</th>))}
              </tr>
            </thead>
            <tbody>
              {lakin.data.rows.map((row) => (
                <tr key={`${row.indicator}-${row.taxType}`} className={row.taxType === '*' ? 'dashboard-lakin-main' : undefined}>
                  <th scope="row">{row.taxType === '*' ? t(`dashboard.lakin.indicators.${row.indicator}`) : `— ${taxTypeName(row.taxType)}`}</th>
                  <td className="number">{row.weight || ''}</td>
                  {row.targets.map((v, i) => (
                    <td key={`t${i}`} className="number">
                      {value(row.unit, v)}
                    </td>
                  ))}
                  {row.realisations.map((v, i) => (
                    <td key={`r${i}`} className="number">
                      {value(row.unit, v)}
                    </td>
                  ))}
                  {row.capaian.map((v, i) => (
                    <td key={`c${i}`} className="number">
                      {percentOrDash(v)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="dashboard-lakin-main">
                <th scope="row" colSpan={13}>
                  {t('dashboard.lakin.nko', { quarter: QUARTERS[lakin.data.currentQuarter - 1] ?? '—' })}
                </th>
                <td className="number" data-testid="lakin-nko">
                  {percentOrDash(lakin.data.nko)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p className="dashboard-note">{t('dashboard.lakin.note')}</p>
      <button type="button" className="no-print" disabled={exportRun.pending} onClick={() => void exportRun.run()}>
        {t('dashboard.lakin.export')}
      </button>
      <ErrorNotice error={exportRun.error} />
    </Panel>
  );
}
