import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import type { Language } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { useLanguage } from '../../i18n';

export type Bill = Out<'ledger.bills'>['rows'][number];

/** Unpaid after its due date, as of the agency's today (the summary's `asOf`, a WIB date). */
export function isOverdue(bill: Pick<Bill, 'status' | 'dueDate'>, asOf: string): boolean {
  return bill.status === 'unpaid' && bill.dueDate < asOf;
}

export function daysLate(dueDate: string, asOf: string): number {
  return Math.round((Date.parse(asOf) - Date.parse(dueDate)) / 86_400_000);
}

const MONTHS: Record<Language, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `2026-07` reads `Juli 2026`; a yearly bill (PBB-P2) reads its year; anything else as the export wrote it. */
export function formatMasa(bill: Pick<Bill, 'masaPajak' | 'tahun'>, language: Language): string {
  const month = /^(\d{4})-(\d{2})$/.exec(bill.masaPajak ?? '');
  if (month) return MONTHS[language].format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  return bill.masaPajak ?? (bill.tahun === null ? '' : String(bill.tahun));
}

export function StatusBadge({ bill, asOf }: { bill: Pick<Bill, 'status' | 'dueDate'>; asOf: string }) {
  const { t } = useTranslation();
  if (bill.status === 'paid') return <span className="badge badge-on">{t('ledger.paid')}</span>;
  return <span className={isOverdue(bill, asOf) ? 'badge badge-danger' : 'badge badge-warning'}>{t('ledger.unpaid')}</span>;
}

/** The due date, and how late an unpaid bill is, in red once it is. */
export function DueDate({ bill, asOf }: { bill: Pick<Bill, 'status' | 'dueDate'>; asOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const late = isOverdue(bill, asOf);
  return (
    <span className={late ? 'overdue' : undefined}>
      {formatDate(bill.dueDate, language)}
      {late && <span className="cell-sub">{t('ledger.daysLate', { days: daysLate(bill.dueDate, asOf) })}</span>}
    </span>
  );
}

type TaxpayerBill = Out<'ledger.taxpayer'>['bills'][number];

/** The kode bayar, the payment code when it differs (a generated one), and the virtual account when a partner is set up. */
export function PaymentCodes({ bill }: { bill: Pick<TaxpayerBill, 'kodeBayar' | 'paymentCode' | 'virtualAccount'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="cell-main mono">{bill.kodeBayar}</span>
      {bill.paymentCode !== bill.kodeBayar && <span className="cell-sub mono">{t('payments.paymentCode', { code: bill.paymentCode })}</span>}
      {bill.virtualAccount && <span className="cell-sub mono">{t('payments.virtualAccount', { number: bill.virtualAccount })}</span>}
    </>
  );
}

/** Who took a payment recorded in SI PEKA (a partner, or the agency's counter), its reference and receipt. */
export function PaymentFacts({ payment }: { payment: NonNullable<TaxpayerBill['payment']> }) {
  const { t } = useTranslation();
  const partner = payment.partnerId === 'LOKET' ? t('payments.counter') : payment.partnerId;
  return (
    <>
      <span className="cell-sub">{t('payments.paidVia', { partner, reference: payment.partnerRef })}</span>
      <span className="cell-sub mono">{t('payments.receipt', { receipt: payment.receiptNumber })}</span>
    </>
  );
}
