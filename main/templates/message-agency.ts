import type { Settings } from '../../shared/api/settings.js';
import type { Language } from '../../shared/errors.js';
import type { MessageData } from '../../shared/templates/index.js';

/**
 * The agency's part of every message. Its name is a setting; its contact and payment
 * instructions are not settings yet, so messages carry these plain wordings that name no bank
 * or number (an invented one would send taxpayers to the wrong place).
 */
const HOW_TO_PAY: Record<Language, string> = {
  id: 'bank, ATM, m-banking, e-wallet, atau loket kantor kami',
  en: 'a bank, ATM, mobile banking, e-wallet, or our office counter',
};
const CONTACT: Record<Language, string> = { id: 'kantor kami', en: 'our office' };

export function messageAgency(settings: Pick<Settings, 'agencyName'>, lang: Language): MessageData['agency'] {
  return { name: settings.agencyName, contact: CONTACT[lang], howToPay: HOW_TO_PAY[lang] };
}

export function messageLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'id';
}
