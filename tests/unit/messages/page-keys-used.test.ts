// Every key of the page's catalogs is said somewhere: a key no source names (a literal 'area.key', or under a
// `area.${…}` prefix) is a sentence no technician can read, left behind by a change — and translated six times for
// nothing ("Connecting…" outlived the button that said it).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix === '' ? k : `${prefix}.${k}`));
}

/** The source that may name a page key: the page, and the core's Texts with the `setup:` prefix. */
function source(): string {
  return ['renderer', 'main', 'contract']
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
        .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')),
    )
    .join('\n');
}

function unused(catalog: string): string[] {
  const src = source();
  const literal = new Set([...src.matchAll(/['"`](?:setup:)?(\w+(?:\.\w+)+)['"`]/g)].map((m) => m[1]!));
  const prefixes = [...src.matchAll(/`(?:setup:)?([\w.]+\.)\$\{/g)].map((m) => m[1]!);
  const all = keys(JSON.parse(readFileSync(join(ROOT, 'renderer/i18n', catalog), 'utf8')));
  return all.filter((k) => {
    const base = k.replace(PLURAL, '');
    if (literal.has(base) || literal.has(k) || prefixes.some((p) => k.startsWith(p))) return false;
    // A parent said whole (an array or object of sentences read with returnObjects).
    const parts = k.split('.');
    return !parts.some((_, i) => i > 0 && literal.has(parts.slice(0, i).join('.')));
  });
}

describe("the page's catalogs hold only what the page says", () => {
  it.each(['en.json', 'setup.en.json'])('%s: every key is named by the source', (catalog) => {
    expect(unused(catalog)).toEqual([]);
  });
});
