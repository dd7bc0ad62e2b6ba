import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { quotesPostProcessor } from './quotesPostProcessor.ts';
import { uk } from './uk.ts';

export const languages = ['uk', 'en'] as const;
export type Language = (typeof languages)[number];

/** Each language named in itself, so it is findable whatever the current one is. */
export const languageNames: Record<Language, string> = { uk: 'Українська', en: 'English' };

/** The language a person chose explicitly on this device; it wins over the browser's. */
const STORAGE_KEY = 'plit.language';

export function toLanguage(value: string | null | undefined): Language {
  return value?.toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'uk' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return toLanguage(i18n.language);
}

/** Switches the interface language; `remember` keeps the choice for the next visit. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = toLanguage(language);
});

void i18n
  .use(quotesPostProcessor)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, uk: { translation: uk } },
    supportedLngs: languages,
    fallbackLng: 'en',
    load: 'languageOnly',
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: STORAGE_KEY,
      caches: [],
      convertDetectedLanguage: toLanguage,
    },
    // React escapes what it renders; escaping here too would show &lt; in names.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    postProcess: [quotesPostProcessor.name],
  });

export { i18n };
