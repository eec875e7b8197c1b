import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Page';

const EMPTY = { taxId: '', paidDate: '', amount: '', reference: '', receiptNumber: '', note: '' };

/**
 * A payment taken at the counter: look the bill up first, so the officer reads the total as of
 * the payment's day (the penalty grows each month), then record exactly that amount.
 */
export function CounterPaymentForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [quote, setQuote] = useState<Out<'payments.quote'> | null>(null);
  const [recorded, setRecorded] = useState<Out<'payments.record'>['payment'] | null>(null);
  const set = (patch: Partial<typeof EMPTY>) => {
    setForm({ ...form, ...patch });
    if ('taxId' in patch || 'paidDate' in patch) setQuote(null);
  };
  const lookUp = useAction(async () => {
    setRecorded(null);
    const found = await api.call('payments.quote', { taxId: form.taxId.trim(), paidDate: form.paidDate || undefined });
    setQuote(found);
    setForm((f) => ({ ...f, paidDate: found.paidDate, amount: String(found.totalAmount) }));
  });
  const record = useAction(async () => {
    const { payment } = await api.call('payments.record', {
      taxId: form.taxId.trim(),
      amount: Number(form.amount),
      paidDate: form.paidDate,
      reference: form.reference.trim(),
      receiptNumber: form.receiptNumber.trim() || undefined,
      note: form.note.trim() || undefined,
    });
    setRecorded(payment);
    setQuote(null);
    setForm(EMPTY);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void (quote ? record.run() : lookUp.run());
  };

  return (
    <Panel title={t('payments.counterTitle')}>
      <SuccessNotice>{recorded ? t('payments.recorded', { kodeBayar: recorded.kodeBayar, amount: formatRupiah(recorded.amount), receipt: recorded.receiptNumber }) : ''}</SuccessNotice>
      <form className="form form-grid" onSubmit={submit}>
        <TextField label={t('payments.taxId')} hint={t('payments.taxIdHint')} required autoComplete="off" value={form.taxId} onChange={(e) => set({ taxId: e.target.value })} />
        <TextField label={t('payments.paidDate')} type="date" value={form.paidDate} onChange={(e) => set({ paidDate: e.target.value })} />
        {quote && (
          <>
            <dl className="facts field-wide" aria-label={t('payments.quoteTitle')}>
              <dt>{t('ledger.taxpayer')}</dt>
              <dd>
                {quote.taxpayerName} <span className="mono muted">{quote.npwpd ?? ''}</span>
              </dd>
              <dt>{t('payments.bill')}</dt>
              <dd>
                {quote.description} <span className="mono muted">{quote.kodeBayar}</span>
              </dd>
              <dt>{t('payments.total')}</dt>
              <dd className="strong">{t('payments.totalBreakdown', { total: formatRupiah(quote.totalAmount), principal: formatRupiah(quote.principal), penalty: formatRupiah(quote.penalty) })}</dd>
            </dl>
            <TextField label={t('payments.amount')} type="number" min={1} step={1} required value={form.amount} onChange={(e) => set({ amount: e.target.value })} />
            <TextField label={t('payments.reference')} hint={t('payments.referenceHint')} required maxLength={80} value={form.reference} onChange={(e) => set({ reference: e.target.value })} />
            <TextField label={t('payments.receiptNumber')} hint={t('payments.receiptHint')} maxLength={40} value={form.receiptNumber} onChange={(e) => set({ receiptNumber: e.target.value })} />
            <TextField label={t('payments.note')} maxLength={500} value={form.note} onChange={(e) => set({ note: e.target.value })} />
          </>
        )}
        <div className="form-actions">
          <ErrorNotice error={quote ? record.error : lookUp.error} />
          <button type="submit" className="button-primary" disabled={lookUp.pending || record.pending}>
            {quote ? t('payments.record') : t('payments.lookUp')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
