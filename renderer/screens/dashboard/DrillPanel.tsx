import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateShort } from '../../../shared/format';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Panel } from '../../components/Page';
import { useNumberFormat } from '../../components/numbers';
import { useTaxTypeName } from '../../components/tax-types';
import { hrefTo } from '../../router';
import { downloadBase64 } from './download';
import type { DrillRequest } from './format';
import { rupiah } from './format';

const PAGE = 50;
type Scope = { year?: number; period?: string; taxType?: string; kecamatan?: string };

/** The bills behind the figure the head clicked, largest first, a page at a time, exportable (the field-visit list). */
export function DrillPanel({ request, scope, onClose }: { request: DrillRequest; scope: Scope; onClose(): void }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const taxTypeName = useTaxTypeName();
  const [offset, setOffset] = useState(0);
  const input = { ...scope, figure: request.figure, bucket: request.bucket, month: request.month, stage: request.stage, channel: request.channel, window: request.window };
  const page = useApi('dashboard.bills', { ...input, limit: PAGE, offset });
  const exportRun = useAction(async () => {
    const file = await api.call('dashboard.billsXlsx', input);
    downloadBase64(file.fileName, file.contentBase64);
  });
  const total = page.data?.total ?? 0;
  return (
    <Panel title={request.title}>
      <div className="dashboard-drill-bar no-print">
        <span data-testid="drill-count">{page.data ? t('dashboard.drill.count', { n: `${n(total)}${page.data.totalCapped ? '+' : ''}` }) : ''}</span>
        <button type="button" disabled={exportRun.pending} onClick={() => void exportRun.run()}>
          {t('dashboard.drill.export')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorNotice error={exportRun.error} />
      <ErrorNotice error={page.error} onRetry={page.reload} />
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <div className="dashboard-scroll">
          <table className="table" aria-label={t('dashboard.drill.table')}>
            <thead>
              <tr>
                <th>{t('dashboard.drill.taxpayer')}</th>
                <th>{t('dashboard.filters.kecamatan')}</th>
                <th>{t('dashboard.filters.taxType')}</th>
                <th>{t('dashboard.drill.kodeBayar')}</th>
                <th>{t('dashboard.drill.principal')}</th>
                <th>{t('dashboard.drill.dueDate')}</th>
                <th>{t('dashboard.drill.overdue')}</th>
                <th>{t('dashboard.drill.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.rows.map((b) => (
                <tr key={b.id}>
                  <td>
                    <a href={hrefTo(`wajib-pajak/${b.taxpayerId}`)}>{b.taxpayerName}</a>
                    <div className="dashboard-sub">{b.npwpd ?? ''}</div>
                  </td>
                  <td>{b.kecamatan ?? ''}</td>
                  <td>{taxTypeName(b.taxType)}</td>
                  <td>{b.kodeBayar}</td>
                  <td className="number">{rupiah(b.principal)}</td>
                  <td>{formatDateShort(b.dueDate)}</td>
                  <td className="number">{b.daysOverdue === null ? '' : t('dashboard.drill.days', { n: n(b.daysOverdue) })}</td>
                  <td>{b.paidDate ? `${formatDateShort(b.paidDate)} · ${rupiah(b.paidAmount ?? 0)}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager no-print">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('common.previous')}
        </button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          {t('common.next')}
        </button>
      </div>
    </Panel>
  );
}
