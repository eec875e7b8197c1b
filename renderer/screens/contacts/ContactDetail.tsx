import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { formatPhone } from '../../../shared/contacts/index';
import { formatRupiah } from '../../../shared/format';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Instant } from '../../components/Instant';
import type { Notice } from '../../components/notice';
import { useNumberFormat } from '../../components/numbers';
import { hrefTo } from '../../router';
import { EmailStatusBadge, PhoneNumber, PhoneStatusBadge, ProblemBadges, ReachBadge, usePhoneReason } from './contact-facts';
import { EmailEditor, PhoneEditor } from './ContactEditor';
import type { MarkRequest } from './MarkNumberDialog';
import type { Contact } from './review-queue';
import { TaxpayerBills } from './TaxpayerBills';

type Detail = Out<'contacts.detail'>;
export type EditedField = 'phone' | 'email';

interface DetailProps {
  taxpayerId: number;
  canEdit: boolean;
  editing: EditedField | null;
  onEdit(field: EditedField | null): void;
  onMark(request: MarkRequest): void;
  /** After a change here: the screen reloads its figures and says what was done. */
  onChanged(notice: Notice): void;
  /** Bumped by the screen after any change, so this contact is read again. */
  revision: number;
}

/** One contact under review: what the export said, what is used now, and the taxpayer's arrears beside it. */
export function ContactDetail(props: DetailProps) {
  const detail = useApi('contacts.detail', { taxpayerId: props.taxpayerId });
  const seen = useRef(props.revision);
  useEffect(() => {
    if (props.revision === seen.current) return;
    seen.current = props.revision;
    detail.reload();
  }, [props.revision, detail.reload]);
  if (!detail.data) return detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : <Loading />;
  return <LoadedDetail {...props} detail={detail.data} />;
}

function LoadedDetail({ detail, canEdit, editing, onEdit, onMark, onChanged }: DetailProps & { detail: Detail }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { contact } = detail;
  const headingId = useId();
  const saved = (field: EditedField) => (after: Contact) => {
    onEdit(null);
    const value = field === 'phone' ? (after.phone ?? after.landline) : after.email;
    onChanged({ key: field === 'phone' ? 'contacts.editor.phoneSaved' : 'contacts.editor.emailSaved', params: { name: after.name, value: value && field === 'phone' ? formatPhone(value) : (value ?? '') } });
  };
  return (
    <article className="contact-detail" aria-labelledby={headingId}>
      <header className="contact-head">
        <div className="contact-who">
          <h2 id={headingId}>{contact.name}</h2>
          <p className="muted">{[contact.npwpd ?? t('ledger.noNpwpd'), contact.kecamatan, detail.address].filter(Boolean).join(' · ')}</p>
          <p className="contact-problems">
            <ProblemBadges problems={contact.problems} />
          </p>
        </div>
        <div className="contact-arrears">
          <span className="contact-arrears-label">{t('contacts.detail.arrears')}</span>
          <strong className={contact.unpaidPrincipal > 0 ? undefined : 'muted'}>{formatRupiah(contact.unpaidPrincipal)}</strong>
          <span className="muted">{contact.unpaidBills > 0 ? t('contacts.detail.unpaidBills', { n: formatNumber(contact.unpaidBills) }) : t('contacts.detail.noArrears')}</span>
        </div>
      </header>

      <ContactSection title={t('contacts.detail.phoneTitle')} action={canEdit && editing !== 'phone' ? <EditButton label={t('contacts.detail.editPhone')} shortcut="Enter" onClick={() => onEdit('phone')} /> : null}>
        {editing === 'phone' ? <PhoneEditor contact={contact} onCancel={() => onEdit(null)} onSaved={saved('phone')} /> : <PhoneFacts contact={contact} />}
        {contact.phoneConflict && <ConflictNote contact={contact} field="phone" canEdit={canEdit} onChanged={onChanged} />}
        <PrimaryChoice contact={contact} canEdit={canEdit} onChanged={onChanged} />
        {contact.shared && contact.phone && <SharedNote contact={contact} phone={contact.phone} sharedWith={detail.sharedWith} canEdit={canEdit} onMark={onMark} />}
      </ContactSection>

      <ContactSection title={t('contacts.detail.emailTitle')} action={canEdit && editing !== 'email' ? <EditButton label={t('contacts.detail.editEmail')} onClick={() => onEdit('email')} /> : null}>
        {editing === 'email' ? <EmailEditor contact={contact} onCancel={() => onEdit(null)} onSaved={saved('email')} /> : <EmailFacts contact={contact} />}
        {contact.emailConflict && <ConflictNote contact={contact} field="email" canEdit={canEdit} onChanged={onChanged} />}
      </ContactSection>

      <ContactSection title={t('contacts.bills.title')}>
        <TaxpayerBills taxpayerId={contact.taxpayerId} unpaidBills={contact.unpaidBills} />
      </ContactSection>

      {detail.history.length > 0 && <History history={detail.history} />}
      <p className="contact-open">
        <a href={hrefTo(`wajib-pajak/${contact.taxpayerId}`)}>{t('contacts.detail.openTaxpayer')}</a>
      </p>
    </article>
  );
}

function ContactSection({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="contact-section" aria-labelledby={headingId}>
      <div className="contact-section-head">
        <h3 id={headingId}>{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

function EditButton({ label, shortcut, onClick }: { label: string; shortcut?: string; onClick(): void }) {
  return (
    <button type="button" className="button-small" onClick={onClick}>
      {label}
      {shortcut && (
        <>
          {' '}
          <kbd>{shortcut}</kbd>
        </>
      )}
    </button>
  );
}

function PhoneFacts({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const reasonText = usePhoneReason();
  const number = contact.phone ?? contact.landline;
  return (
    <dl className="facts facts-contact">
      <dt>{t('contacts.detail.exportCell')}</dt>
      <dd className="raw-cell">{contact.phoneRaw ?? <span className="muted">{t('contacts.queue.emptyCell')}</span>}</dd>
      <dt>{t('contacts.detail.inUse')}</dt>
      <dd>
        {number && <PhoneNumber e164={number} />} <PhoneStatusBadge status={contact.phoneStatus} />
        {contact.phoneStatus === 'invalid' && <span className="fact-note">{reasonText(contact.phoneReason)}</span>}
      </dd>
      {contact.alternates.length > 0 && (
        <>
          <dt>{t('contacts.detail.alternates')}</dt>
          <dd>{contact.alternates.map(formatPhone).join(', ')}</dd>
        </>
      )}
      <dt>{t('contacts.detail.channel')}</dt>
      <dd>
        <ReachBadge reach={contact.reach} />{' '}
        <span className="fact-note">
          {t('contacts.detail.source', { source: t(`contacts.source.${contact.phoneSource}`) })}
          {contact.verifiedAt && (
            <>
              {' · '}
              {t('contacts.detail.verified')} <Instant iso={contact.verifiedAt} />
            </>
          )}
        </span>
      </dd>
    </dl>
  );
}

function EmailFacts({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts-contact">
      <dt>{t('contacts.detail.exportCell')}</dt>
      <dd className="raw-cell">{contact.emailRaw ?? <span className="muted">{t('contacts.queue.emptyCell')}</span>}</dd>
      <dt>{t('contacts.detail.inUse')}</dt>
      <dd>
        {contact.email && <span className="mono">{contact.email}</span>} <EmailStatusBadge status={contact.emailStatus} />
        {contact.emailSource !== 'export' && <span className="fact-note">{t('contacts.detail.source', { source: t(`contacts.source.${contact.emailSource}`) })}</span>}
      </dd>
    </dl>
  );
}

/** A cell with several mobile numbers: the officer says which one reminders go to. */
function PrimaryChoice({ contact, canEdit, onChanged }: { contact: Contact; canEdit: boolean; onChanged(notice: Notice): void }) {
  const { t } = useTranslation();
  const choose = useAction(async (phone: string | null) => {
    await api.call('contacts.choosePrimary', { taxpayerIds: [contact.taxpayerId], ...(phone && { phone }) });
    const chosen = phone ?? contact.phone ?? '';
    onChanged({ key: 'contacts.detail.primaryChosen', params: { name: contact.name, phone: chosen && formatPhone(chosen) } });
  });
  const mobiles = contact.candidates.filter((c) => c.status === 'valid' && c.e164);
  if (mobiles.length < 2) return null;
  return (
    <div className={contact.primaryConfirmed ? 'contact-note' : 'contact-note contact-note-warning'}>
      <p className="contact-note-title">{t('contacts.detail.candidatesTitle', { n: mobiles.length })}</p>
      <ul className="candidates">
        {mobiles.map((candidate) => {
          const e164 = candidate.e164 as string;
          const primary = e164 === contact.phone;
          return (
            <li key={e164}>
              <PhoneNumber e164={e164} />
              {candidate.noWhatsapp && <span className="badge badge-off">{t('contacts.detail.noWhatsapp')}</span>}
              {primary ? (
                <span className="badge badge-info">{t('contacts.detail.isPrimary')}</span>
              ) : (
                canEdit && (
                  <button type="button" className="button-small" disabled={choose.pending} onClick={() => void choose.run(e164)}>
                    {t('contacts.detail.makePrimary')}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
      {contact.primaryConfirmed ? (
        <p className="muted">{t('contacts.detail.primaryConfirmed')}</p>
      ) : (
        canEdit && (
          <div className="button-row">
            <button type="button" className="button-small button-primary" disabled={choose.pending} onClick={() => void choose.run(null)}>
              {t('contacts.detail.confirmPrimary')}
            </button>
          </div>
        )
      )}
      <ErrorNotice error={choose.error} />
    </div>
  );
}

function SharedNote({ contact, phone, sharedWith, canEdit, onMark }: { contact: Contact; phone: string; sharedWith: Detail['sharedWith']; canEdit: boolean; onMark(request: MarkRequest): void }) {
  const { t } = useTranslation();
  const shared = contact.shared;
  if (!shared) return null;
  const request = (as: MarkRequest['as']): MarkRequest => ({ phone, as, taxpayers: shared.count, marking: shared.marking, note: null });
  return (
    <div className={contact.problems.includes('shared') ? 'contact-note contact-note-warning' : 'contact-note'}>
      <p className="contact-note-title">{t('contacts.detail.sharedTitle', { phone: formatPhone(phone), n: shared.count })}</p>
      {sharedWith.length > 0 && <p>{t('contacts.detail.sharedWith', { names: sharedWith.map((s) => s.name).join(', ') })}</p>}
      {shared.marking && <p>{t(`contacts.detail.marked.${shared.marking}`)}</p>}
      {canEdit && (
        <div className="button-row">
          {shared.marking !== 'office' && (
            <button type="button" className="button-small" onClick={() => onMark(request('office'))}>
              {t('contacts.detail.markOffice')}
            </button>
          )}
          {shared.marking !== 'shared' && (
            <button type="button" className="button-small" onClick={() => onMark(request('shared'))}>
              {t('contacts.detail.markShared')}
            </button>
          )}
          {shared.marking && (
            <button type="button" className="button-small" onClick={() => onMark(request('none'))}>
              {t('contacts.shared.clear')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A later export changed a cell an officer had fixed: the officer decides which one stands. */
function ConflictNote({ contact, field, canEdit, onChanged }: { contact: Contact; field: EditedField; canEdit: boolean; onChanged(notice: Notice): void }) {
  const { t } = useTranslation();
  const conflict = field === 'phone' ? contact.phoneConflict : contact.emailConflict;
  const resolve = useAction(async (keep: 'officer' | 'export') => {
    await api.call('contacts.resolveConflict', { taxpayerId: contact.taxpayerId, field, keep });
    onChanged({ key: keep === 'officer' ? 'contacts.detail.keptOfficer' : 'contacts.detail.tookExport', params: { name: contact.name } });
  });
  if (!conflict) return null;
  return (
    <div className="contact-note contact-note-warning">
      <p className="contact-note-title">{t('contacts.detail.conflictTitle')}</p>
      <p>
        {t('contacts.detail.conflictBody', { raw: conflict.raw ?? t('contacts.queue.emptyCell') })} <Instant iso={conflict.at} />
      </p>
      {canEdit && (
        <div className="button-row">
          <button type="button" className="button-small" disabled={resolve.pending} onClick={() => void resolve.run('officer')}>
            {t('contacts.detail.keepOfficer')}
          </button>
          <button type="button" className="button-small" disabled={resolve.pending} onClick={() => void resolve.run('export')}>
            {t('contacts.detail.takeExport')}
          </button>
        </div>
      )}
      <ErrorNotice error={resolve.error} />
    </div>
  );
}

function History({ history }: { history: Detail['history'] }) {
  const { t } = useTranslation();
  return (
    <details className="contact-history">
      <summary>{t('contacts.detail.historyTitle', { n: history.length })}</summary>
      <table className="table table-audit">
        <thead>
          <tr>
            <th scope="col">{t('contacts.detail.when')}</th>
            <th scope="col">{t('contacts.detail.who')}</th>
            <th scope="col">{t('contacts.detail.change')}</th>
            <th scope="col">{t('contacts.detail.why')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((change, i) => (
            <tr key={i}>
              <td>
                <Instant iso={change.at} />
              </td>
              <td>{change.actor}</td>
              <td>
                <span className="change-field">
                  <FieldName field={change.field} />:{' '}
                </span>
                {change.oldValue && <span className="change-old">{change.oldValue}</span>} → <span className="change-new">{change.newValue ?? t('common.none')}</span>
              </td>
              <td>{change.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const HISTORY_FIELDS = ['phone', 'email', 'primary', 'whatsapp'] as const;

function FieldName({ field }: { field: string }) {
  const { t } = useTranslation();
  const known = HISTORY_FIELDS.find((f) => f === field);
  return <>{known ? t(`contacts.detail.fields.${known}`) : field}</>;
}
