// A real i18next instance with the `setup` namespace, as the app registers it, for renderer tests.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { registerSetupNamespace } from '../../renderer/i18n/setup-namespace';

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
  registerSetupNamespace(i18next);
  await i18next.changeLanguage(lng);
  return i18next;
}
