// The languages the app speaks (the XS4 Face Console's six) and which of them are written right to left.
export const LANGUAGES = ['en', 'fr', 'de', 'nl', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language menus (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  nl: 'Nederlands',
  es: 'Español',
  ar: 'العربية',
};

export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
