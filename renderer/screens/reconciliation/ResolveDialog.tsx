import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { RECON_RESOLUTIONS } from '../../../shared/api/reconciliation';
import { formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormError } from '../../components/form-error';
import { Modal } from '../../components/Modal';

type Item = Out<'reconciliation.items'>['items'][number];
type Resolution = (typeof RECON_RESOLUTIONS)[number];

/**
 * Settles one exception. Only a bank credit can be linked to a bill; every resolution carries a
 * note, since the treasurer answers for it at the month's audit.
 */
export function ResolveDialog({ item, onClose, onResolved }: { item: Item; onClose(): void; onResolved(item: Item): void }) {
  const { t } = useTranslation();
  const choices = RECON_RESOLUTIONS.filter((r) => r !== 'link' || item.source === 'credit');
  const [resolution, setResolution] = useState<Resolution>(choices[0] ?? 'accept');
  const [bill, setBill] = useState(item.kodeBayar ?? '');
  const [note, setNote] = useState('');
  const save = useAction(async () => {
    if (note.trim() === '') throw new FormError('reconciliation.noteRequired');
    const { item: resolved } = await api.call('reconciliation.resolve', { itemId: item.id, resolution, bill: resolution === 'link' ? bill.trim() : undefined, note: note.trim() });
    onResolved(resolved);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <Modal title={t('reconciliation.resolveTitle', { id: item.id })} onClose={onClose}>
      <dl className="facts">
        <dt>{t('reconciliation.class')}</dt>
        <dd>{t(`reconciliation.classes.${item.class}`)}</dd>
        <dt>{t('reconciliation.amount')}</dt>
        <dd>
          {formatRupiah(item.amount)}
          {item.expected !== null && ` (${t('reconciliation.expected')} ${formatRupiah(item.expected)})`}
        </dd>
        <dt>{t('reconciliation.description')}</dt>
        <dd>{[item.description, item.kodeBayar, item.taxpayerName].filter(Boolean).join(' · ') || t('common.none')}</dd>
      </dl>
      <form className="form" onSubmit={submit}>
        <SelectField label={t('reconciliation.resolveAs')} value={resolution} onChange={(e) => setResolution(e.target.value as Resolution)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`reconciliation.resolutions.${choice}`)}
            </option>
          ))}
        </SelectField>
        {resolution === 'link' && <TextField label={t('reconciliation.bill')} required maxLength={60} autoComplete="off" value={bill} onChange={(e) => setBill(e.target.value)} />}
        <TextField label={t('reconciliation.note')} hint={t('reconciliation.noteHint')} required maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="form-actions">
          <ErrorNotice error={save.error} />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.pending}>
            {t('reconciliation.resolveConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
