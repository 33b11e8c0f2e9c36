// The words that show a privacy policy talks about biometric data, in each Console language (en, fr, de, nl, es, ar).
// Data, not logic.
//
// Matched as substrings of the page text after lower-casing and removing combining marks, so "biometric" also finds
// "biometrics", "biométrique" is written here without its accent, and the Arabic words are written without vowel
// signs or hamza above/below alef ("البيانات البيومترية" matches however it is vowelled). A test checks that every
// word here is already in that form.
export const BIOMETRIC_WORDS: Readonly<Record<'en' | 'fr' | 'de' | 'nl' | 'es' | 'ar', readonly string[]>> = {
  en: [
    'biometric',
    'facial recognition',
    'face recognition',
    'facial template',
    'face template',
    'facial image',
  ],
  fr: ['biometrique', 'reconnaissance faciale', 'gabarit facial', 'donnees faciales'],
  de: ['biometrisch', 'biometrie', 'gesichtserkennung', 'gesichtsbild'],
  nl: ['biometrisch', 'biometrie', 'gezichtsherkenning', 'gezichtsafbeelding'],
  es: ['biometrico', 'biometrica', 'reconocimiento facial', 'plantilla facial'],
  // biometric (two spellings), biometrics ("biological measurements"), face recognition, faceprint, facial
  // features, facial image.
  ar: [
    'بيومتري',
    'بايومتري',
    'القياسات الحيوية',
    'التعرف على الوجه',
    'بصمة الوجه',
    'ملامح الوجه',
    'صورة الوجه',
  ],
};

/** The languages the words are listed for, as the check's detail names them. */
export const BIOMETRIC_LANGUAGES: readonly string[] = Object.keys(BIOMETRIC_WORDS);

/** Company names that are clearly left-over placeholders, compared after trimming and lower-casing. */
export const PLACEHOLDER_COMPANY_NAMES: readonly string[] = [
  'company',
  'my company',
  'test',
  'demo',
  'example',
  'changeme',
  'change me',
  'tbd',
  'n/a',
  'na',
  'none',
  'xxx',
  '-',
];

export function normaliseForMatch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Which listed words occur in the text, by language. Pure. */
export function findBiometricWords(text: string): Array<{ lang: string; word: string }> {
  const t = normaliseForMatch(text);
  const hits: Array<{ lang: string; word: string }> = [];
  for (const [lang, words] of Object.entries(BIOMETRIC_WORDS))
    for (const word of words) if (t.includes(word)) hits.push({ lang, word });
  return hits;
}
