// A real i18next instance with the `setup` and `core` namespaces, as the app registers them, for renderer tests.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../renderer/i18n';

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
  for (const [language, bundles] of Object.entries(resources)) {
    i18next.addResourceBundle(language, 'setup', bundles.setup, true, true);
    i18next.addResourceBundle(language, 'core', bundles.core, true, true);
  }
  await i18next.changeLanguage(lng);
  return i18next;
}
