// One language's catalog: its area files merged into one object (keys are unique across areas; a test checks it).
import type { Language } from '../contract/languages';
import { AREAS, CATALOG_FILES } from './catalog-files';
import { coreCatalogOf } from './catalog-merge';

export function coreCatalog(language: Language): Record<string, unknown> {
  return coreCatalogOf(AREAS.map((area) => CATALOG_FILES[language][area]));
}
