import type { z } from 'zod';
import type { templateContent } from '../../shared/api/templates.js';
import { CONTENT_FIELDS, type TemplateContent } from './version-diff.js';

type ContentInput = z.output<typeof templateContent>;

/** Meta files payment reminders under `UTILITY`; the category only means something on WhatsApp. */
export function defaultMetaCategory(channel: 'whatsapp' | 'sms'): 'UTILITY' | null {
  return channel === 'whatsapp' ? 'UTILITY' : null;
}

/**
 * The content as stored: an edit's fields over the version it edits (or over nothing, for a
 * new template). Meta's name and category belong to WhatsApp only; an SMS keeps neither.
 */
export function mergeContent(base: TemplateContent | null, changes: Partial<ContentInput>): TemplateContent {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<ContentInput>;
  const merged = { ...base, ...defined } as Partial<TemplateContent> & Omit<TemplateContent, 'metaName' | 'metaCategory'>;
  const whatsapp = merged.channel === 'whatsapp';
  return {
    name: merged.name,
    channel: merged.channel,
    language: merged.language,
    purpose: merged.purpose,
    body: merged.body,
    metaName: whatsapp ? merged.metaName || null : null,
    metaCategory: whatsapp ? (merged.metaCategory ?? defaultMetaCategory('whatsapp')) : null,
  };
}

export function sameContent(a: TemplateContent, b: TemplateContent): boolean {
  return CONTENT_FIELDS.every((field) => a[field] === b[field]);
}
