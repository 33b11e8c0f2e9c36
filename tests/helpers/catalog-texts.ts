// Checks that every sentence in a value (check results, fix outcomes, errors' Texts) is said in all six languages:
// its key has an entry in each catalog (the plural form the count needs), and the code gives every placeholder it uses.
import { LANGUAGES } from '../../contract/languages';
import { isText, type Text } from '../../contract/text';
import { coreCatalog } from '../../messages/catalog';
import { renderText } from '../../messages/render';

function lookup(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every Text in a value, nested parameters included. */
export function textsIn(value: unknown, out: Text[] = []): Text[] {
  if (isText(value)) {
    out.push(value);
    for (const p of Object.values(value.params ?? {})) textsIn(p, out);
  } else if (Array.isArray(value)) for (const v of value) textsIn(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) textsIn(v, out);
  return out;
}

const catalogs = new Map(LANGUAGES.map((l) => [l, coreCatalog(l)]));

/** What is missing for `value` to be said in every language (empty when nothing is). */
export function unsaid(value: unknown): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of textsIn(value)) {
    // The same sentence with the same parameters says the same thing: checked once.
    const id = JSON.stringify(t);
    if (seen.has(id)) continue;
    seen.add(id);
    for (const language of LANGUAGES) {
      const catalog = catalogs.get(language);
      const count = t.params?.count;
      const plural =
        typeof count === 'number'
          ? lookup(catalog, `${t.key}_${new Intl.PluralRules(language).select(count)}`)
          : undefined;
      const entry = plural ?? lookup(catalog, t.key);
      if (typeof entry !== 'string') {
        problems.push(`${language}: no entry for ${t.key}`);
        continue;
      }
      for (const m of entry.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g))
        if (!(m[1]! in (t.params ?? {}))) problems.push(`${language}: ${t.key} needs {{${m[1]}}}`);
      const said = renderText(t, language);
      if (said.includes('{{') || said.trim() === '')
        problems.push(`${language}: ${t.key} renders as "${said}"`);
    }
  }
  return problems;
}
