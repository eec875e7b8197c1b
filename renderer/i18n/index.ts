import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../../shared/errors';
import { en } from './en';
import { id, type Dictionary } from './id';

export const DICTIONARIES: Record<Language, Dictionary> = { id, en };

/** The last language picked on this computer, shown on the login page. */
const STORAGE_KEY = 'sipeka.language';
/** Set when someone picks a language on the login page; their account takes it when they sign in. */
const PICKED_KEY = 'sipeka.languagePickedBeforeSignIn';

export function storedLanguage(): Language | null {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'id' || value === 'en' ? value : null;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}

export function rememberLanguage(lang: Language, { beforeSignIn }: { beforeSignIn: boolean }): void {
  localStorage.setItem(STORAGE_KEY, lang);
  if (beforeSignIn) sessionStorage.setItem(PICKED_KEY, '1');
}

/**
 * Whether the language on screen was picked on the login page in this tab (a reload keeps it).
 * Asked once per sign-in: the next person in this tab gets their own account's language.
 */
export function takePickedBeforeSignIn(): boolean {
  const picked = sessionStorage.getItem(PICKED_KEY) === '1';
  sessionStorage.removeItem(PICKED_KEY);
  return picked;
}

export async function showLanguage(lang: Language): Promise<void> {
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage() ?? 'id',
  fallbackLng: 'id',
  // The resources are bundled, so there is nothing to wait for before the first render.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** The UI language as a component sees it; re-renders the component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
