// The core's own renderer of Texts (CLI, HTML report, logs): one private i18next instance over every catalog.
import { createInstance, type i18n as I18n } from 'i18next';
import type { Language } from '../contract/languages';
import { LANGUAGES } from '../contract/languages';
import type { Sayable, Text } from '../contract/text';
import { coreCatalog } from './catalog';
import { formatText } from './format';

export const CORE_NS = 'core';

let instance: I18n | null = null;

function i18n(): I18n {
  if (instance !== null) return instance;
  const inst = createInstance();
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of LANGUAGES) resources[lang] = { [CORE_NS]: coreCatalog(lang) };
  // initAsync false: resources are in memory, so the instance is ready when init returns (no await in callers).
  void inst.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: [CORE_NS],
    defaultNS: CORE_NS,
    initAsync: false,
    interpolation: { escapeValue: false }, // CLI text is plain; the HTML report escapes what it prints.
    returnNull: false,
  });
  instance = inst;
  return inst;
}

/** The sentence in `language` (English where a translation is missing, which the completeness test forbids). */
export function renderText(value: Sayable, language: Language = 'en'): string {
  const inst = i18n();
  return formatText(value, (key, params) => inst.t(key, { ...params, lng: language, ns: CORE_NS }));
}

/** The English sentence: logs, errors' `message`, and the CLI without --lang. */
export function en(value: Sayable): string {
  return renderText(value, 'en');
}

/** True when the English catalog has the key (tests and the page's fallback for foreign codes). */
export function hasText(value: Text): boolean {
  return i18n().exists(value.key, { lng: 'en', ns: CORE_NS });
}
