// i18next set-up: the page's strings (en.json, setup.en.json … per language) and the core's catalogs (messages/, as
// the `core` namespace); the language comes from settings, and the page's direction follows it (Arabic right to left).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import de from './de.json';
import nl from './nl.json';
import es from './es.json';
import ar from './ar.json';
import setupEn from './setup.en.json';
import setupFr from './setup.fr.json';
import setupDe from './setup.de.json';
import setupNl from './setup.nl.json';
import setupEs from './setup.es.json';
import setupAr from './setup.ar.json';
import type { Language } from '../../contract/languages';
import { isLanguage, isRightToLeft, LANGUAGES } from '../../contract/languages';
import { coreCatalog } from '../../messages/catalog';

type Namespaces = { translation: object; setup: object; core: object };

const page: Record<Language, { translation: object; setup: object }> = {
  en: { translation: en, setup: setupEn },
  fr: { translation: fr, setup: setupFr },
  de: { translation: de, setup: setupDe },
  nl: { translation: nl, setup: setupNl },
  es: { translation: es, setup: setupEs },
  ar: { translation: ar, setup: setupAr },
};

// `setup`: the wizard's and Troubleshoot's strings, used as useTranslation('setup'); `core`: what the core says
// (check results, errors), rendered from its keys and parameters by useSay().
export const resources = Object.fromEntries(
  LANGUAGES.map((l): [Language, Namespaces] => [l, { ...page[l], core: coreCatalog(l) }]),
) as Record<Language, Namespaces>;

/** Sets the page's language and direction attributes, so screen readers and CSS logical properties follow. */
function applyDocumentLanguage(language: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

export async function initI18n(language: Language = 'en'): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
    });
    // Whoever changes the language (the shell store on a choice or at start), the page's lang and dir follow.
    i18n.on('languageChanged', (lng) => {
      if (isLanguage(lng)) applyDocumentLanguage(lng);
    });
  } else if (i18n.language !== language) {
    await i18n.changeLanguage(language);
  }
  applyDocumentLanguage(language);
  return i18n;
}

export { i18n };
