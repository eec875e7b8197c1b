import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import type { META_STATUSES, TEMPLATE_STATUSES } from '../../../shared/api/templates';
import { TEMPLATE_PURPOSES, type TemplatePurpose } from '../../../shared/templates/index';
import type { Notice } from '../../components/notice';

export type TemplateView = Out<'templates.get'>['template'];
export type TemplateDetail = Out<'templates.get'>;
export type TemplateRow = Out<'templates.list'>['rows'][number];
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export type MetaStatus = (typeof META_STATUSES)[number];

/** The screen's own address and the addresses below it. */
export const TEMPLATES_PATH = 'template';
export const INBOX_SEGMENT = 'persetujuan';
export const NEW_SEGMENT = 'baru';
export const HISTORY_SEGMENT = 'riwayat';

export const templatePath = (id: number) => `${TEMPLATES_PATH}/${id}`;
export const historyPath = (id: number) => `${TEMPLATES_PATH}/${id}/${HISTORY_SEGMENT}`;

const STATUS_BADGE: Record<TemplateStatus, string> = {
  draft: 'badge-off',
  submitted: 'badge-info',
  approved: 'badge-on',
  rejected: 'badge-danger',
  retired: 'badge-off',
};

export function StatusBadge({ status }: { status: TemplateStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_BADGE[status]}`}>{t(`templates.status.${status}`)}</span>;
}

const META_BADGE: Record<MetaStatus, string> = { pending: 'badge-warning', approved: 'badge-on', rejected: 'badge-danger' };

/**
 * Meta's verdict, for WhatsApp only. "Not recorded" is worth saying only once the head has
 * approved (the text then waits for Meta alone), so `always` is for the pages about one version.
 */
export function MetaBadge({ channel, metaStatus, status, always = false }: { channel: string; metaStatus: MetaStatus | null; status?: TemplateStatus; always?: boolean }) {
  const { t } = useTranslation();
  if (channel !== 'whatsapp' || (!always && metaStatus === null && status !== 'approved')) return null;
  return <span className={`badge ${metaStatus ? META_BADGE[metaStatus] : 'badge-off'}`}>{t(`templates.metaStatus.${metaStatus ?? 'none'}`)}</span>;
}

/** Why a version may not be sent yet: the head's approval first, then (WhatsApp) Meta's. */
export function usableReason(version: Pick<TemplateView, 'status' | 'channel' | 'metaStatus' | 'usable'>): 'usable' | 'needsHead' | 'needsMeta' | 'retired' {
  if (version.usable) return 'usable';
  if (version.status === 'retired') return 'retired';
  if (version.status !== 'approved') return 'needsHead';
  return 'needsMeta';
}

export function UsableBadge({ version }: { version: Pick<TemplateView, 'status' | 'channel' | 'metaStatus' | 'usable'> }) {
  const { t } = useTranslation();
  const reason = usableReason(version);
  return reason === 'usable' ? <span className="badge badge-on">{t('templates.usable.yes')}</span> : <span className="badge badge-off">{t(`templates.usable.${reason}`)}</span>;
}

export function isPurpose(value: string): value is TemplatePurpose {
  return (TEMPLATE_PURPOSES as readonly string[]).includes(value);
}

/** `H-3` as officers say it, `thank_you` in words. */
export function usePurposeLabel(): (purpose: string) => string {
  const { t } = useTranslation();
  return (purpose) => (isPurpose(purpose) ? t(`templates.purpose.${purpose}`) : purpose);
}

export function useChannelLabel(): (channel: string) => string {
  const { t } = useTranslation();
  return (channel) => (channel === 'whatsapp' || channel === 'sms' ? t(`templates.channel.${channel}`) : channel);
}

export function useLanguageLabel(): (language: string) => string {
  const { t } = useTranslation();
  return (language) => (language === 'id' || language === 'en' ? t(`templates.language.${language}`) : language);
}

/** Leaves a "saved" line for the page at `path`, which may be the next one the screen shows. */
export type Notify = (path: string, notice: Notice) => void;
