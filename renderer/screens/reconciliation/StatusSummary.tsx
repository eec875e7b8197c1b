import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { RECON_CLASS_NAMES } from '../../../shared/api/reconciliation';
import { formatRupiah } from '../../../shared/format';
import { EmptyState } from '../../components/Feedback';
import { Panel } from '../../components/Page';

type Status = Out<'reconciliation.status'>;

/** Counts and amounts per match class, and per partner what was paid against what the bank credited. */
export function StatusSummary({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <>
      <Panel title={t('reconciliation.summaryTitle', { period: status.period })}>
        <p className="panel-note" data-testid="recon-open">
          {status.reconciled ? t('reconciliation.reconciled') : t('reconciliation.openCount', { open: status.open, resolved: status.resolved })}
        </p>
        <table className="table" aria-label={t('reconciliation.classesLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.class')}</th>
              <th scope="col" className="num">
                {t('reconciliation.count')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {RECON_CLASS_NAMES.map((name) => (
              <tr key={name} data-class={name}>
                <th scope="row">{t(`reconciliation.classes.${name}`)}</th>
                <td className="num">{status.classes[name].count}</td>
                <td className="num nowrap">{formatRupiah(status.classes[name].amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reconciliation.credits')}</th>
              <td className="num">{status.credits.count}</td>
              <td className="num nowrap">{formatRupiah(status.credits.amount)}</td>
            </tr>
            <tr>
              <th scope="row">{t('reconciliation.payments')}</th>
              <td className="num">{status.payments.count}</td>
              <td className="num nowrap">{formatRupiah(status.payments.amount)}</td>
            </tr>
          </tfoot>
        </table>
      </Panel>
      <Panel title={t('reconciliation.partnersTitle')}>
        {status.partners.length === 0 ? (
          <EmptyState>{t('reconciliation.noPartners')}</EmptyState>
        ) : (
          <table className="table" aria-label={t('reconciliation.partnersTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('reconciliation.partner')}</th>
                <th scope="col" className="num">
                  {t('reconciliation.paymentsCount')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.paymentAmount')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.creditsCount')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.creditAmount')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.difference')}
                </th>
              </tr>
            </thead>
            <tbody>
              {status.partners.map((p) => (
                <tr key={p.partnerId}>
                  <th scope="row" className="mono">
                    {p.partnerId === 'LOKET' ? t('payments.counter') : p.partnerId}
                  </th>
                  <td className="num">{p.payments}</td>
                  <td className="num nowrap">{formatRupiah(p.paymentAmount)}</td>
                  <td className="num">{p.credits}</td>
                  <td className="num nowrap">{formatRupiah(p.creditAmount)}</td>
                  <td className={p.difference === 0 ? 'num nowrap' : 'num nowrap strong'}>{formatRupiah(p.difference)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
