import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatPhone } from '../../../shared/contacts/index';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useNumberFormat } from '../../components/numbers';

type Marking = 'office' | 'shared' | 'none';

/** Which number, the verdict the officer reached for, and what is known about it now. */
export interface MarkRequest {
  phone: string;
  as: Marking;
  taxpayers: number;
  marking: 'office' | 'shared' | null;
  note: string | null;
}

export type MarkResult = Out<'contacts.markShared'>;

const CHOICES: readonly Marking[] = ['office', 'shared', 'none'];

/**
 * The officers' verdict on a number many taxpayers use. It applies to every taxpayer on the
 * number at once, so the dialog says how many and what each verdict does to their reminders.
 */
export function MarkNumberDialog({ request, onClose, onDone }: { request: MarkRequest; onClose(): void; onDone(result: MarkResult): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const [as, setAs] = useState<Marking>(request.as);
  const [note, setNote] = useState(request.note ?? '');
  const mark = useAction(async () => onDone(await api.call('contacts.markShared', { phone: request.phone, as, ...(note.trim() && { note: note.trim() }) })));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void mark.run();
  };
  return (
    <Modal title={t('contacts.mark.title', { phone: formatPhone(request.phone) })} onClose={onClose}>
      <p>{t('contacts.mark.intro', { n: formatNumber(request.taxpayers) })}</p>
      <form className="form" onSubmit={submit}>
        <fieldset className="mark-choices">
          <legend className="visually-hidden">{t('contacts.mark.choices')}</legend>
          {CHOICES.map((choice) => (
            <label key={choice} className={as === choice ? 'mark-choice mark-choice-on' : 'mark-choice'}>
              <input type="radio" name="marking" value={choice} checked={as === choice} onChange={() => setAs(choice)} autoFocus={choice === request.as} />
              <span>
                <span className="mark-choice-label">{t(`contacts.mark.${choice}`)}</span>
                <small>{t(`contacts.mark.${choice}Hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField label={t('contacts.mark.note')} placeholder={t('contacts.mark.noteHint')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={mark.pending}>
            {mark.pending ? t('common.saving') : t('contacts.mark.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
        <ErrorNotice error={mark.error} />
      </form>
    </Modal>
  );
}
