// Proves a sentence the core produced can be said in every language: its key (and the plural form its count needs)
// exists in each catalog, every placeholder of each language's wording gets a value, and nested sentences too.
import { expect } from 'vitest';
import { LANGUAGES, type Language } from '../../contract/languages';
import { isText, type Sayable, type Text } from '../../contract/text';
import { coreCatalog } from '../../messages/catalog';
import { AppError } from '../../main/core/errors';

const catalogs = new Map<Language, Record<string, unknown>>();

function entry(language: Language, key: string): unknown {
  let catalog = catalogs.get(language);
  if (catalog === undefined) {
    catalog = coreCatalog(language);
    catalogs.set(language, catalog);
  }
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** What keeps `value` from being said in `language` (empty when nothing does). */
function problemsIn(value: Text, language: Language): string[] {
  const params = value.params ?? {};
  let wording = entry(language, value.key);
  if (wording === undefined && typeof params.count === 'number')
    wording = entry(language, `${value.key}_${new Intl.PluralRules(language).select(params.count)}`);
  if (typeof wording !== 'string') return [`${language}: no sentence ${value.key}`];
  const problems: string[] = [];
  for (const m of wording.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g))
    if (!(m[1]! in params)) problems.push(`${language}: ${value.key} has no value for {{${m[1]}}}`);
  for (const p of Object.values(params)) if (isText(p)) problems.push(...problemsIn(p, language));
  return problems;
}

/** The sentences of anything the core says: a Text, an AppError (message and remedy), or a check result's fields. */
function textsOf(value: unknown): Text[] {
  // INVALID_INPUT's own sentence ("{{field}}: {{rule}}.") is the core's; what a caller adds is the label and the rule.
  if (value instanceof AppError && value.code === 'INVALID_INPUT')
    return [value.params?.field, value.params?.rule].filter(isText);
  if (value instanceof AppError) {
    const t = value.texts();
    return [t.message, t.remedy].filter(isText);
  }
  if (isText(value)) return [value];
  return [];
}

/** Every problem of every value in every language. */
export function unsaid(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const v of values)
    for (const t of textsOf(v)) for (const language of LANGUAGES) out.push(...problemsIn(t, language));
  return out;
}

/** Fails naming each sentence that some language cannot say with the values given. */
export function expectSaidEverywhere(...values: unknown[]): void {
  for (const v of values)
    if (v instanceof AppError) expect(v.key, `${v.code} speaks through the catalogs`).toBeDefined();
  expect(unsaid(values)).toEqual([]);
}

/** A check result's words: summary and remedy must be catalog sentences; detail may be a plain fact (a URL). */
export function resultTexts(r: { summary: Sayable; detail?: Sayable; remedy?: Sayable }): unknown[] {
  expect(isText(r.summary), `summary ${JSON.stringify(r.summary)} is a catalog sentence`).toBe(true);
  if (r.remedy !== undefined) expect(isText(r.remedy), `remedy ${JSON.stringify(r.remedy)}`).toBe(true);
  return [r.summary, r.detail, r.remedy];
}
