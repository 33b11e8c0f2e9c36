// i18next set-up: every visible string lives in en.json / es.json; the language comes from settings.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import setupEn from './setup.en.json';
import setupEs from './setup.es.json';
import type { Language } from '../../contract/app';

// `setup`: the wizard's and Troubleshoot's strings (renderer/i18n/setup.*.json), used as useTranslation('setup').
export const resources = {
  en: { translation: en, setup: setupEn },
  es: { translation: es, setup: setupEs },
} as const;

export async function initI18n(language: Language = 'en'): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
    });
  } else if (i18n.language !== language) {
    await i18n.changeLanguage(language);
  }
  return i18n;
}

export { i18n };
