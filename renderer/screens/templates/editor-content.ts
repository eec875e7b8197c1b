import type { In } from '../../../shared/api/index';
import type { META_CATEGORIES } from '../../../shared/api/templates';
import { DEFAULT_TEMPLATES, type TemplateChannel, type TemplatePurpose } from '../../../shared/templates/index';
import { isPurpose, type TemplateView } from './template-facts';

export type MetaCategory = (typeof META_CATEGORIES)[number];
type Payload = In<'templates.create'>;

/** What the editor's form holds: every field as typed, the Meta ones kept even while SMS is chosen. */
export interface EditorContent {
  name: string;
  channel: TemplateChannel;
  language: 'id' | 'en';
  purpose: TemplatePurpose;
  body: string;
  metaName: string;
  metaCategory: MetaCategory;
}

export const NEW_CONTENT: EditorContent = { name: '', channel: 'whatsapp', language: 'id', purpose: 'H-3', body: '', metaName: '', metaCategory: 'UTILITY' };

export function contentOf(version: TemplateView): EditorContent {
  return {
    name: version.name,
    channel: version.channel,
    language: version.language === 'en' ? 'en' : 'id',
    purpose: isPurpose(version.purpose) ? version.purpose : 'H-3',
    body: version.body,
    metaName: version.metaName ?? '',
    metaCategory: version.metaCategory === 'MARKETING' ? 'MARKETING' : 'UTILITY',
  };
}

/** The form as the contract takes it; an SMS carries no Meta fields. */
export function payloadOf(content: EditorContent): Payload {
  const whatsapp = content.channel === 'whatsapp';
  return {
    name: content.name.trim(),
    channel: content.channel,
    language: content.language,
    purpose: content.purpose,
    body: content.body,
    metaName: whatsapp ? content.metaName.trim() || null : null,
    metaCategory: whatsapp ? content.metaCategory : null,
  };
}

/** Only the fields that differ from the saved version: the backend refuses an edit that changes nothing. */
export function changesFrom(saved: TemplateView, content: EditorContent): Partial<Payload> {
  const next = payloadOf(content);
  const before: Payload = {
    name: saved.name,
    channel: saved.channel,
    language: saved.language === 'en' ? 'en' : 'id',
    purpose: isPurpose(saved.purpose) ? saved.purpose : 'H-3',
    body: saved.body,
    metaName: saved.metaName,
    metaCategory: saved.metaCategory === 'UTILITY' || saved.metaCategory === 'MARKETING' ? saved.metaCategory : null,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => before[key as keyof Payload] !== value)) as Partial<Payload>;
}

/** The agency's default draft for a channel and purpose, to start a new text from. */
export function defaultDraft(channel: TemplateChannel, purpose: TemplatePurpose) {
  return DEFAULT_TEMPLATES.find((d) => d.channel === channel && d.purpose === purpose) ?? null;
}

/** `Pengingat H-3 Restoran` → `pengingat_h_3_restoran`: Meta's rule, from the template's own name. */
export function suggestMetaName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 512);
}
