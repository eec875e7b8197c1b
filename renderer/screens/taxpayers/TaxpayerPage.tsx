import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatDate, formatRupiah } from '../../../shared/format';
import { useApi } from '../../api/useApi';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';
import { Page, Panel } from '../../components/Page';
import { useTaxTypeName } from '../../components/tax-types';
import { useLanguage } from '../../i18n';
import { hrefTo } from '../../router';
import { MessageTimeline } from '../reminders/MessageTimeline';
import { DueDate, formatMasa, isOverdue, PaymentCodes, PaymentFacts, StatusBadge } from './bill-facts';

type Found = Out<'ledger.taxpayer'>;

/** One taxpayer as the ledger knows them: identity, contacts as exported, objects and every bill. */
export function TaxpayerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  if (!/^\d{1,15}$/.test(id)) {
    return (
      <Page title={t('taxpayer.title')}>
        <BackLink />
        <p className="callout callout-warning">{t('taxpayer.badAddress', { path: `#/wajib-pajak/${id}` })}</p>
      </Page>
    );
  }
  return <LoadedTaxpayer id={Number(id)} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <a href={hrefTo('wajib-pajak')}>{t('taxpayer.back')}</a>
    </p>
  );
}

function LoadedTaxpayer({ id }: { id: number }) {
  const { t } = useTranslation();
  const found = useApi('ledger.taxpayer', { id });
  const asOf = found.data?.asOf;
  return (
    <Page title={found.data?.taxpayer.name ?? t('taxpayer.title')}>
      <BackLink />
      {found.loading && !found.data && !found.error && <Loading />}
      <ErrorNotice error={found.error} onRetry={found.reload} />
      {found.data && asOf && <TaxpayerDetail found={found.data} asOf={asOf} />}
    </Page>
  );
}

function TaxpayerDetail({ found, asOf }: { found: Found; asOf: string }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { taxpayer } = found;
  const overdue = found.bills.filter((bill) => isOverdue(bill, asOf));
  return (
    <>
      <div className="detail-grid">
        <Panel title={t('taxpayer.identity')}>
          <dl className="facts">
            <dt>{t('ledger.npwpd')}</dt>
            <dd className="mono">{taxpayer.npwpd ?? t('ledger.noNpwpd')}</dd>
            <dt>{t('ledger.name')}</dt>
            <dd>{taxpayer.name}</dd>
            <dt>{t('taxpayer.address')}</dt>
            <dd>{taxpayer.address ?? t('common.none')}</dd>
            <dt>{t('ledger.kecamatan')}</dt>
            <dd>{taxpayer.kecamatan ?? t('common.none')}</dd>
            <dt>{t('taxpayer.kelurahan')}</dt>
            <dd>{taxpayer.kelurahan ?? t('common.none')}</dd>
          </dl>
        </Panel>
        <div className="detail-column">
          <Panel title={t('taxpayer.contacts')}>
            <p className="panel-note">{t('taxpayer.contactsNote')}</p>
            <dl className="facts facts-narrow">
              <dt>{t('taxpayer.phone')}</dt>
              <dd className="raw-cell">{taxpayer.rawPhone ?? <span className="muted">{t('taxpayer.emptyCell')}</span>}</dd>
              <dt>{t('taxpayer.email')}</dt>
              <dd className="raw-cell">{taxpayer.rawEmail ?? <span className="muted">{t('taxpayer.emptyCell')}</span>}</dd>
            </dl>
          </Panel>
          <Panel title={t('taxpayer.arrears')}>
            <dl className="facts facts-narrow">
              <dt>{t('ledger.unpaidBillsColumn')}</dt>
              <dd>{formatNumber(taxpayer.unpaidBills)}</dd>
              <dt>{t('ledger.unpaidPrincipalColumn')}</dt>
              <dd className="strong">{formatRupiah(taxpayer.unpaidPrincipal)}</dd>
              <dt>{t('taxpayer.overdueBills')}</dt>
              <dd className={overdue.length > 0 ? 'overdue strong' : undefined}>{formatNumber(overdue.length)}</dd>
            </dl>
          </Panel>
        </div>
      </div>
      <Objects objects={found.objects} />
      <Bills bills={found.bills} asOf={asOf} />
      <MessageTimeline taxpayerId={taxpayer.id} />
    </>
  );
}

function Objects({ objects }: { objects: Found['objects'] }) {
  const { t } = useTranslation();
  const taxTypeName = useTaxTypeName();
  return (
    <Panel title={t('taxpayer.objects')}>
      {objects.length === 0 ? (
        <EmptyState>{t('taxpayer.noObjects')}</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('taxpayer.nop')}</th>
              <th scope="col">{t('taxpayer.objectName')}</th>
              <th scope="col">{t('ledger.taxType')}</th>
              <th scope="col">{t('taxpayer.address')}</th>
            </tr>
          </thead>
          <tbody>
            {objects.map((object) => (
              <tr key={object.id}>
                <td className="mono">{object.nop ?? t('common.none')}</td>
                <td>{object.name ?? t('common.none')}</td>
                <td>{taxTypeName(object.taxType)}</td>
                <td>{object.address ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function Bills({ bills, asOf }: { bills: Found['bills']; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxTypeName = useTaxTypeName();
  return (
    <Panel title={t('taxpayer.bills')}>
      {bills.length === 0 ? (
        <EmptyState>{t('taxpayer.noBills')}</EmptyState>
      ) : (
        <table className="table" aria-label={t('taxpayer.bills')}>
          <thead>
            <tr>
              <th scope="col">{t('payments.codeColumn')}</th>
              <th scope="col">{t('taxpayer.taxTypeObject')}</th>
              <th scope="col">{t('taxpayer.masa')}</th>
              <th scope="col">{t('ledger.dueDate')}</th>
              <th scope="col" className="num">
                {t('ledger.principal')}
              </th>
              <th scope="col" className="num">
                {t('taxpayer.penalty')}
              </th>
              <th scope="col">{t('ledger.status')}</th>
              <th scope="col">{t('taxpayer.paidDate')}</th>
            </tr>
          </thead>
          <tbody>
            {bills.map((bill) => (
              <tr key={bill.id} className={isOverdue(bill, asOf) ? 'row-overdue' : undefined}>
                <td>
                  <PaymentCodes bill={bill} />
                </td>
                <td>
                  {taxTypeName(bill.taxType)}
                  <span className="cell-sub">{bill.nop ?? bill.objectName ?? ''}</span>
                </td>
                <td className="nowrap">{formatMasa(bill, language)}</td>
                <td className="nowrap">
                  <DueDate bill={bill} asOf={asOf} />
                </td>
                <td className="num nowrap">{formatRupiah(bill.principal)}</td>
                <td className="num nowrap">{formatRupiah(bill.penalty)}</td>
                <td>
                  <StatusBadge bill={bill} asOf={asOf} />
                </td>
                <td className="nowrap">
                  {bill.paidDate ? formatDate(bill.paidDate, language) : t('common.none')}
                  {bill.payment && <PaymentFacts payment={bill.payment} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
