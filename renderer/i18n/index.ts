// i18next set-up: the page's strings (en.json, setup.en.json … per language) and the core's catalogs (messages/, as
// the `core` namespace). English is in the first bundle; the five others load when chosen (one lazy chunk each, so
// the start-up budget holds); the page's direction follows the language (Arabic right to left).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import setupEn from './setup.en.json';
import type { Language } from '../../contract/languages';
import { isLanguage, isRightToLeft } from '../../contract/languages';
import { coreCatalogOf } from '../../messages/catalog-merge';
import { AREAS } from '../../messages/areas';
import coreErrorsAuthEn from '../../messages/en/errors-auth.json';
import coreErrorsFaceEn from '../../messages/en/errors-face.json';
import coreErrorsNetEn from '../../messages/en/errors-net.json';
import coreErrorsSpaceEn from '../../messages/en/errors-space.json';
import coreErrorsWindowsEn from '../../messages/en/errors-windows.json';
import coreErrorsCoreEn from '../../messages/en/errors-core.json';
import coreInputEn from '../../messages/en/input.json';
import coreChecksCommonEn from '../../messages/en/checks-common.json';
import coreChecksWindowsEn from '../../messages/en/checks-windows.json';
import coreChecksSpaceEn from '../../messages/en/checks-space.json';
import coreChecksFaceEn from '../../messages/en/checks-face.json';
import coreSetupEn from '../../messages/en/setup.json';
import coreReportEn from '../../messages/en/report.json';
import coreCliEn from '../../messages/en/cli.json';

const englishCore = coreCatalogOf([
  coreErrorsAuthEn,
  coreErrorsFaceEn,
  coreErrorsNetEn,
  coreErrorsSpaceEn,
  coreErrorsWindowsEn,
  coreErrorsCoreEn,
  coreInputEn,
  coreChecksCommonEn,
  coreChecksWindowsEn,
  coreChecksSpaceEn,
  coreChecksFaceEn,
  coreSetupEn,
  coreReportEn,
  coreCliEn,
]);

// `setup`: the wizard's and Troubleshoot's strings, used as useTranslation('setup'); `core`: what the core says
// (check results, errors), rendered from its keys and parameters by useSay().
export const resources = { en: { translation: en, setup: setupEn, core: englishCore } };

type Json = { default: Record<string, unknown> };
const pageFiles = import.meta.glob<Json>(['./*.json', '!./en.json', '!./setup.en.json']);
const coreFiles = import.meta.glob<Json>(['../../messages/*/*.json', '!../../messages/en/*.json']);

/** Loads a language's three namespaces once (English is always there). */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'core')) return;
  const load = async (path: string): Promise<Record<string, unknown>> => (await pageFiles[path]!()).default;
  const [translation, setup, ...areas] = await Promise.all([
    load(`./${language}.json`),
    load(`./setup.${language}.json`),
    ...AREAS.map(async (a) => (await coreFiles[`../../messages/${language}/${a}.json`]!()).default),
  ]);
  i18n.addResourceBundle(language, 'translation', translation);
  i18n.addResourceBundle(language, 'setup', setup);
  i18n.addResourceBundle(language, 'core', coreCatalogOf(areas));
}

/** Sets the page's language and direction attributes, so screen readers and CSS logical properties follow. */
function applyDocumentLanguage(language: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

/** Loads the language if needed, then switches the page to it (the only way the page changes language). */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

export async function initI18n(language: Language = 'en'): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      partialBundledLanguages: true,
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
    });
    // Whoever changes the language, the page's lang and dir follow.
    i18n.on('languageChanged', (lng) => {
      if (isLanguage(lng)) applyDocumentLanguage(lng);
    });
  }
  await switchLanguage(language);
  applyDocumentLanguage(language);
  return i18n;
}

export { i18n };
