// Every language says everything: the core's catalogs (messages/) and the page's (renderer/i18n/) have, in each of the
// six languages, exactly the English keys (plural forms as the language needs them) with the same placeholders; and
// every sentence the source can produce — each literal text('…') key, each AppError code — has its English entry.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../contract/languages';
import { AREAS, CATALOG_FILES } from '../../../messages/catalog-files';
import { coreCatalog } from '../../../messages/catalog';

const ROOT = join(__dirname, '../../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = Record<string, unknown>;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix === '' ? k : `${prefix}.${k}`;
    if (typeof v === 'string') out.set(path, v);
    else if (typeof v === 'object' && v !== null) for (const [p, s] of leaves(v as Tree, path)) out.set(p, s);
    else out.set(path, `<${typeof v}>`);
  }
  return out;
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

/** The keys a language must have for one English key: a plural key needs the language's own plural categories. */
function expectedKeys(englishKeys: Iterable<string>, language: Language): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const out = new Set<string>();
  for (const k of englishKeys) {
    if (PLURAL.test(k)) for (const c of categories) out.add(k.replace(PLURAL, `_${c}`));
    else out.add(k);
  }
  return out;
}

/** Differences of one language's leaves against English: missing, extra, placeholder mismatches, empty texts. */
function compare(english: Map<string, string>, other: Map<string, string>, language: Language): string[] {
  const problems: string[] = [];
  const want = expectedKeys(english.keys(), language);
  for (const k of want) if (!other.has(k)) problems.push(`${language}: missing ${k}`);
  for (const k of other.keys()) if (!want.has(k)) problems.push(`${language}: extra ${k}`);
  for (const [k, v] of other) {
    if (v.trim() === '') problems.push(`${language}: empty ${k}`);
    const base = english.get(k) ?? english.get(k.replace(PLURAL, '_other'));
    if (base === undefined) continue;
    const a = placeholders(base).filter((p) => p !== 'count');
    const b = placeholders(v).filter((p) => p !== 'count');
    if (JSON.stringify([...new Set(a)]) !== JSON.stringify([...new Set(b)]))
      problems.push(`${language}: ${k} has placeholders {${b.join(',')}}, English {${a.join(',')}}`);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const SOURCES = ['main', 'messages', 'renderer', 'contract'].flatMap((d) => sourceFiles(join(ROOT, d)));

describe('the core catalogs (messages/)', () => {
  it('have no key in two area files of one language', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const seen = new Map<string, string>();
      for (const area of AREAS)
        for (const k of leaves(CATALOG_FILES[language][area]).keys()) {
          const before = seen.get(k);
          if (before !== undefined) problems.push(`${language}: ${k} in ${before} and ${area}`);
          seen.set(k, area);
        }
    }
    expect(problems).toEqual([]);
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en'))
    it(`say in ${language} everything English says, with the same placeholders`, () => {
      expect(compare(leaves(coreCatalog('en')), leaves(coreCatalog(language)), language)).toEqual([]);
    });

  it('say each input rule once: no two rules.* keys with the same English words (a copy drifts from its original)', () => {
    const seen = new Map<string, string>();
    const copies: string[] = [];
    for (const [key, words] of leaves(coreCatalog('en'))) {
      if (!key.startsWith('rules.')) continue;
      const first = seen.get(words);
      if (first === undefined) seen.set(words, key);
      else copies.push(`${key} repeats ${first}: "${words}"`);
    }
    expect(copies).toEqual([]);
  });

  it('have an English entry for every literal text key in the source', () => {
    const english = leaves(coreCatalog('en'));
    // The page also keeps sentences of its own catalog as Texts ("setup:…", e.g. a step's summary said again later).
    const page = leaves(JSON.parse(readFileSync(join(ROOT, 'renderer/i18n/setup.en.json'), 'utf8')) as Tree);
    const missing: string[] = [];
    for (const file of SOURCES) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\btext\(\s*'([^'$]+)'/g)) {
        const [known, key] = m[1]!.startsWith('setup:')
          ? [page, m[1]!.slice('setup:'.length)]
          : [english, m[1]!];
        if (!known.has(key) && !known.has(`${key}_other`)) missing.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('have the message and the remedy of every AppError the source can raise', () => {
    const english = leaves(coreCatalog('en'));
    const missing: string[] = [];
    for (const file of SOURCES) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(
        /new AppError\(\s*([A-Za-z0-9_.']+)\s*(?:,\s*\{([^}]*(?:\{[^}]*\}[^}]*)*)\})?\s*[,)]/g,
      )) {
        // A code that is not a literal is checked through its explicit key (or by the code's own module).
        if (!m[1]!.startsWith("'") && !/key:\s*'/.test(m[2] ?? '')) continue;
        const variant = /variant:\s*'([\w-]+)'/.exec(m[2] ?? '')?.[1];
        const code = m[1]!.replace(/'/g, '');
        const key =
          /key:\s*'([\w.-]+)'/.exec(m[2] ?? '')?.[1] ?? `errors.${code}${variant ? `.${variant}` : ''}`;
        for (const part of ['message', 'remedy'])
          if (!english.has(`${key}.${part}`)) missing.push(`${relative(ROOT, file)}: ${key}.${part}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leave no sentence in English words in the source (every AppError speaks through the catalogs)', () => {
    const legacy: string[] = [];
    for (const file of SOURCES) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/new AppError\(\s*[^,()]+,\s*[`'"]/g)) {
        const line = src.slice(0, m.index).split('\n').length;
        legacy.push(`${relative(ROOT, file)}:${line}`);
      }
    }
    expect(legacy).toEqual([]);
  });

  it('leave no check result, rule or step outcome in English words in the core', () => {
    const legacy: string[] = [];
    const words = /\b(?:summary|detail|remedy|title|message|reason):\s*[`'"][^`'"]*[A-Za-z]{3}/g;
    const rule = /invalidInput\([^,()]+,\s*[`'"]/g;
    for (const file of SOURCES.filter((f) => relative(ROOT, f).startsWith('main/core/'))) {
      const src = readFileSync(file, 'utf8');
      const lines = src.split('\n');
      for (const m of [...src.matchAll(words), ...src.matchAll(rule)]) {
        const line = src.slice(0, m.index).split('\n').length;
        // A wire value or a log line nobody reads as a sentence says so where it is written.
        if (lines[line - 1]!.includes('// not for people')) continue;
        legacy.push(`${relative(ROOT, file)}:${line}: ${m[0]}`);
      }
    }
    expect(legacy).toEqual([]);
  });
});

describe("the page's catalogs (renderer/i18n/)", () => {
  const read = (name: string): Tree =>
    JSON.parse(readFileSync(join(ROOT, 'renderer/i18n', name), 'utf8')) as Tree;
  for (const base of ['', 'setup.'])
    for (const language of LANGUAGES.filter((l) => l !== 'en'))
      it(`${base}${language}.json says everything ${base}en.json says, with the same placeholders`, () => {
        expect(
          compare(leaves(read(`${base}en.json`)), leaves(read(`${base}${language}.json`)), language),
        ).toEqual([]);
      });
});
