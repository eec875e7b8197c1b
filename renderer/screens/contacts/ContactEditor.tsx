import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmailCell, formatPhone, normaliseEmailCell, normalisePhoneCell, type PhoneCell } from '../../../shared/contacts/index';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { EmailStatusBadge, PhoneStatusBadge, usePhoneReason } from './contact-facts';
import type { Contact } from './review-queue';

interface EditorProps {
  contact: Contact;
  onCancel(): void;
  onSaved(after: Contact): void;
}

/**
 * An officer's number for a taxpayer, read as it is typed by the same parser the import uses,
 * so what the preview says is what will be stored. Only a mobile or landline number can be saved.
 */
export function PhoneEditor({ contact, onCancel, onSaved }: EditorProps) {
  const { t } = useTranslation();
  // A number that is almost right (a digit short) is easier to correct than to retype.
  const [typed, setTyped] = useState(contact.phoneStatus === 'invalid' ? (contact.phoneRaw ?? '') : '');
  const [reason, setReason] = useState('');
  const cell = useMemo(() => normalisePhoneCell(typed), [typed]);
  const savable = cell.status === 'valid' || cell.status === 'landline';
  const save = useAction(async () => {
    const { contact: after } = await api.call('contacts.fixPhone', { taxpayerId: contact.taxpayerId, phone: typed, ...(reason.trim() && { reason: reason.trim() }) });
    onSaved(after);
  });
  return (
    <EditorForm onCancel={onCancel} onSubmit={() => savable && void save.run()}>
      <TextField
        label={t('contacts.editor.newPhone')}
        hint={t('contacts.editor.phoneHint')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        inputMode="tel"
      />
      <PhonePreview typed={typed} cell={cell} />
      <ReasonField value={reason} onChange={setReason} />
      <EditorButtons savable={savable} pending={save.pending} onCancel={onCancel} />
      <ErrorNotice error={save.error} />
    </EditorForm>
  );
}

export function EmailEditor({ contact, onCancel, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(contact.emailStatus === 'invalid' ? (contact.emailRaw ?? '') : '');
  const [reason, setReason] = useState('');
  const cell = useMemo(() => normaliseEmailCell(typed), [typed]);
  const save = useAction(async () => {
    const { contact: after } = await api.call('contacts.fixEmail', { taxpayerId: contact.taxpayerId, email: typed, ...(reason.trim() && { reason: reason.trim() }) });
    onSaved(after);
  });
  return (
    <EditorForm onCancel={onCancel} onSubmit={() => cell.status === 'valid' && void save.run()}>
      <TextField label={t('contacts.editor.newEmail')} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus autoComplete="off" spellCheck={false} inputMode="email" />
      <EmailPreview typed={typed} cell={cell} />
      <ReasonField value={reason} onChange={setReason} />
      <EditorButtons savable={cell.status === 'valid'} pending={save.pending} onCancel={onCancel} />
      <ErrorNotice error={save.error} />
    </EditorForm>
  );
}

function EditorForm({ onSubmit, onCancel, children }: { onSubmit(): void; onCancel(): void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  const form = useRef<HTMLFormElement>(null);
  // The preview and the buttons belong in view with the field, not below the fold.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <form className="contact-editor" ref={form} onSubmit={submit} onKeyDown={escape}>
      {children}
    </form>
  );
}

function ReasonField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return <TextField label={t('contacts.editor.reason')} placeholder={t('contacts.editor.reasonHint')} value={value} maxLength={500} onChange={(e) => onChange(e.target.value)} />;
}

function EditorButtons({ savable, pending, onCancel }: { savable: boolean; pending: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button-primary" disabled={!savable || pending}>
        {pending ? t('common.saving') : t('common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}

/** What the typed text would be stored as: E.164, the readable form, and mobile, landline or why not. */
function PhonePreview({ typed, cell }: { typed: string; cell: PhoneCell }) {
  const { t } = useTranslation();
  const reasonText = usePhoneReason();
  const number = cell.primary ?? cell.landline;
  const others = cell.alternates.filter((n) => n !== number);
  const note =
    cell.status === 'valid'
      ? t('contacts.editor.validNote')
      : cell.status === 'landline'
        ? t('contacts.editor.landlineNote')
        : cell.status === 'invalid'
          ? reasonText(cell.reason)
          : t('contacts.editor.missingNote');
  return (
    <div className={`entry-preview entry-preview-${typed.trim() ? cell.status : 'empty'}`} role="status" aria-label={t('contacts.editor.preview')}>
      {typed.trim() === '' ? (
        <p>{t('contacts.editor.previewEmpty')}</p>
      ) : (
        <dl>
          <dt>{t('contacts.editor.status')}</dt>
          <dd>
            <PhoneStatusBadge status={cell.status} /> <span className="entry-preview-note">{note}</span>
          </dd>
          <dt>{t('contacts.editor.e164')}</dt>
          <dd className="mono strong">{number ?? t('common.none')}</dd>
          <dt>{t('contacts.editor.readable')}</dt>
          <dd>{number ? formatPhone(number) : t('common.none')}</dd>
          {others.length > 0 && (
            <>
              <dt>{t('contacts.editor.others')}</dt>
              <dd>{t('contacts.editor.othersNote', { numbers: others.map(formatPhone).join(', ') })}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

function EmailPreview({ typed, cell }: { typed: string; cell: EmailCell }) {
  const { t } = useTranslation();
  return (
    <div className={`entry-preview entry-preview-${typed.trim() ? cell.status : 'empty'}`} role="status" aria-label={t('contacts.editor.previewEmail')}>
      {typed.trim() === '' ? (
        <p>{t('contacts.editor.previewEmailEmpty')}</p>
      ) : (
        <dl>
          <dt>{t('contacts.editor.status')}</dt>
          <dd>
            <EmailStatusBadge status={cell.status} />
          </dd>
          <dt>{t('contacts.editor.stored')}</dt>
          <dd className="mono strong">{cell.email ?? t('common.none')}</dd>
          {cell.alternates.length > 0 && (
            <>
              <dt>{t('contacts.editor.others')}</dt>
              <dd>{t('contacts.editor.emailOthersNote', { emails: cell.alternates.join(', ') })}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
