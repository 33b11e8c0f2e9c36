// Merges a language's area files into one catalog (deep: several areas may add keys under `errors`, `rules` …).
type Catalog = Record<string, unknown>;

function mergeInto(target: Catalog, source: Catalog): void {
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k];
    if (typeof v === 'object' && v !== null && typeof existing === 'object' && existing !== null)
      mergeInto(existing as Catalog, v as Catalog);
    else target[k] = typeof v === 'object' && v !== null ? structuredClone(v) : v;
  }
}

export function coreCatalogOf(areas: readonly Catalog[]): Catalog {
  const out: Catalog = {};
  for (const area of areas) mergeInto(out, area);
  return out;
}
