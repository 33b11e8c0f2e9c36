// The copy rules a hurried technician notices (issue 16 item 12): no doubled punctuation, no full stop after a
// value that brings its own ("S.L..", "…404.."), sentences that start with a capital, no jargon — checked over every
// value of the core's and the page's catalogs, so a new string cannot bring them back.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../contract/languages';

const ROOT = join(__dirname, '../../..');

/** Every string value of a catalog file, with its dotted key. */
function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix === '' ? k : `${prefix}.${k}`));
}

/** The values of one language: `<file> <key>` → value, over messages/<lang>/ and renderer/i18n/. */
function catalog(language: Language): Array<[string, string]> {
  const files = [
    ...readdirSync(join(ROOT, 'messages', language)).map((f) => join('messages', language, f)),
    join('renderer/i18n', `${language}.json`),
    join('renderer/i18n', `setup.${language}.json`),
  ];
  return files.flatMap((f) =>
    leaves(JSON.parse(readFileSync(join(ROOT, f), 'utf8'))).map(([k, v]): [string, string] => [
      `${f} ${k}`,
      v,
    ]),
  );
}

/**
 * A full stop after a value that brings its own: a whole sentence (even in quotes: `"Sign in required.".`), or a name
 * that may end in one ("Hotel Miramar S.L."; in quotes the full stop is the sentence's own, which is fine).
 */
const ENDS_ITS_OWN =
  /\{\{(summary|cause|message|sentence|facts|outcome)\}\}["”»’\u00a0 ]*\.|\{\{company\}\}\./;
/** "..", "?." , "!.", a full stop after a closing quote that follows one, ",,", ";;", "::" (an ellipsis is fine). */
const DOUBLED = /(?<![.])\.\.(?![.])|…\.|[?!]\.|[.!?]["”»’]\.|,,|;;|::/;

/** Words that are the app's insides, not the technician's (English and Spanish: the languages reviewed for copy). */
const JARGON: Partial<Record<Language, RegExp>> = {
  en: /contract version|sign-in check|unexpected shape|payload|endpoint|wire value/i,
  es: /versión del contrato|forma inesperada|comprobación de inicio de sesión|carga útil/i,
};

/** Lines of the CLI follow "xs4-setup: " and start in lower case on purpose. */
const LOWER_CASE_ALLOWED = /^messages\/\w+\/cli\.json cli\./;

describe('copy', () => {
  it.each(LANGUAGES)(
    '%s: no doubled punctuation, no full stop after a value that brings its own',
    (language) => {
      const bad = catalog(language).filter(([, v]) => DOUBLED.test(v) || ENDS_ITS_OWN.test(v));
      expect(bad).toEqual([]);
    },
  );

  it.each(['en', 'es'] as const)('%s: sentences start with a capital letter; no jargon', (language) => {
    const values = catalog(language);
    const lower = values.filter(
      ([k, v]) => !LOWER_CASE_ALLOWED.test(k) && /^\p{Ll}/u.test(v) && / /.test(v) && /[.!?]$/.test(v),
    );
    expect(lower).toEqual([]);
    expect(values.filter(([, v]) => JARGON[language]!.test(v))).toEqual([]);
  });

  it('the rules find what they are for', () => {
    expect(DOUBLED.test('Enrollment Service: Hotel Miramar S.L..')).toBe(true);
    expect(DOUBLED.test('"Sign in required.".')).toBe(true);
    expect(DOUBLED.test('Waiting…')).toBe(false);
    expect(ENDS_ITS_OWN.test('Its check failed: {{summary}}.')).toBe(true);
    expect(ENDS_ITS_OWN.test('Connected to {{url}}.')).toBe(false);
  });
});
