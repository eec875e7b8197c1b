import type { Settings } from '../../shared/api/settings.js';
import type { Language } from '../../shared/errors.js';
import type { MessageData } from '../../shared/templates/index.js';

/** The agency's part of every message (`{nama_instansi}`, `{kontak_instansi}`, `{cara_bayar}`), from its settings. */
export function messageAgency(settings: Pick<Settings, 'agencyName' | 'agencyContact' | 'howToPay'>): MessageData['agency'] {
  return { name: settings.agencyName, contact: settings.agencyContact, howToPay: settings.howToPay };
}

/** Messages are worded in Indonesian or English; a template in any other language reads Indonesian values. */
export function messageLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'id';
}
