import { useTranslation } from 'react-i18next';
import type { ContactProblem } from '../../../shared/api/contacts';
import { formatPhone, type PhoneStatus } from '../../../shared/contacts/index';
import { PHONE_REASON_TEXT } from '../../../shared/contacts/reasons';
import { useLanguage } from '../../i18n';
import type { Contact } from './review-queue';

/** The order problems are listed in: what blocks a reminder first, then what only needs a look. */
export const PROBLEM_ORDER: readonly ContactProblem[] = ['invalid', 'missing', 'landline', 'shared', 'several', 'invalid_email', 'conflict', 'no_whatsapp', 'office_number'];
/** Problems that leave a taxpayer without a usable contact, or with a disputed one. */
export const BLOCKING: ReadonlySet<ContactProblem> = new Set(['invalid', 'missing', 'conflict', 'invalid_email']);

const PHONE_BADGE: Record<PhoneStatus, string> = { valid: 'badge badge-on', landline: 'badge badge-warning', invalid: 'badge badge-danger', missing: 'badge badge-off' };
const EMAIL_BADGE: Record<Contact['emailStatus'], string> = { valid: 'badge badge-on', invalid: 'badge badge-danger', missing: 'badge badge-off' };
const REACH_BADGE: Record<Contact['reach'], string> = { whatsapp: 'badge badge-on', sms: 'badge badge-info', none: 'badge badge-danger' };

export function PhoneStatusBadge({ status }: { status: PhoneStatus }) {
  const { t } = useTranslation();
  return <span className={PHONE_BADGE[status]}>{t(`contacts.status.${status}`)}</span>;
}

export function EmailStatusBadge({ status }: { status: Contact['emailStatus'] }) {
  const { t } = useTranslation();
  return <span className={EMAIL_BADGE[status]}>{t(`contacts.emailStatus.${status}`)}</span>;
}

export function ReachBadge({ reach }: { reach: Contact['reach'] }) {
  const { t } = useTranslation();
  return <span className={REACH_BADGE[reach]}>{t(`contacts.channel.${reach}`)}</span>;
}

export function ProblemBadges({ problems }: { problems: readonly ContactProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return <span className="badge badge-on">{t('contacts.detail.noProblem')}</span>;
  return (
    <>
      {PROBLEM_ORDER.filter((p) => problems.includes(p)).map((p) => (
        <span key={p} className={BLOCKING.has(p) ? 'badge badge-danger' : 'badge badge-warning'}>
          {t(`contacts.problems.${p}`)}
        </span>
      ))}
    </>
  );
}

/** `+62 812 3456 7890`, with the E.164 form beside it for whoever compares it with a gateway's log. */
export function PhoneNumber({ e164 }: { e164: string }) {
  return (
    <span className="phone-number">
      {formatPhone(e164)} <span className="mono muted">{e164}</span>
    </span>
  );
}

/**
 * Why a number is not usable, in the officer's language. The shared texts cover the gateway's
 * and most of the parser's reasons; the parser's other reasons are worded here.
 */
export function usePhoneReason(): (reason: string | null | undefined) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (reason) => {
    const shared = reason ? PHONE_REASON_TEXT[reason]?.[language] : undefined;
    if (shared) return shared;
    if (reason === 'invalid_number' || reason === 'not_mobile_or_landline' || reason === 'digits_lost') return t(`contacts.reasons.${reason}`);
    return t('contacts.reasons.unknown');
  };
}
