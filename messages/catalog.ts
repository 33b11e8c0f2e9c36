// One language's catalog: its area files merged into one object (keys are unique across areas; a test checks it).
import type { Language } from '../contract/languages';
import { AREAS, CATALOG_FILES } from './catalog-files';

type Catalog = Record<string, unknown>;

function mergeInto(target: Catalog, source: Catalog): void {
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k];
    if (typeof v === 'object' && v !== null && typeof existing === 'object' && existing !== null)
      mergeInto(existing as Catalog, v as Catalog);
    else target[k] = typeof v === 'object' && v !== null ? structuredClone(v) : v;
  }
}

export function coreCatalog(language: Language): Catalog {
  const out: Catalog = {};
  for (const area of AREAS) mergeInto(out, CATALOG_FILES[language][area]);
  return out;
}
