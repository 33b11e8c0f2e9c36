// A real i18next instance with the `setup` and `core` namespaces, as the app registers them, for renderer tests.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import setupEn from '../../renderer/i18n/setup.en.json';
import setupEs from '../../renderer/i18n/setup.es.json';
import { coreCatalog } from '../../messages/catalog';

const PAGE = { en: setupEn, es: setupEs } as const;

export async function initTestI18n(lng: 'en' | 'es' = 'en'): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng,
      fallbackLng: 'en',
      ns: ['setup'],
      defaultNS: 'setup',
      resources: {},
      interpolation: { escapeValue: false },
    });
  }
  // deep + overwrite: re-registering replaces the strings instead of merging stale ones. `core`: what the core says
  // (errors by their catalog key), as the app registers it.
  for (const language of ['en', 'es'] as const) {
    i18next.addResourceBundle(language, 'setup', PAGE[language], true, true);
    i18next.addResourceBundle(language, 'core', coreCatalog(language), true, true);
  }
  await i18next.changeLanguage(lng);
  return i18next;
}
