// Every key the wizard's code asks for exists (that every language has every key: tests/unit/messages/catalogs.test.ts).
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/setup.en.json';
import fr from '../../renderer/i18n/setup.fr.json';
import de from '../../renderer/i18n/setup.de.json';
import nl from '../../renderer/i18n/setup.nl.json';
import es from '../../renderer/i18n/setup.es.json';
import ar from '../../renderer/i18n/setup.ar.json';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix === '' ? k : `${prefix}.${k}`));
}

// The renderer's sources as text, read by the bundler (this project's tests run in the page's environment).
const sources = import.meta.glob<string>(
  ['../../renderer/steps/*.tsx', '../../renderer/components/*.tsx', '../../renderer/views/*.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

describe('setup strings', () => {
  it('names "Limit communications to one server" among the likely causes of Disconnected, in every language', () => {
    for (const catalog of [en, fr, de, nl, es, ar])
      expect(
        catalog.integrations.causes.disconnected.some((c) =>
          c.includes('Limit communications to one server'),
        ),
      ).toBe(true);
  });

  it('has every literal key the renderer asks for', () => {
    const known = new Set(keys(en).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    const used = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    // Only files that speak the `setup` namespace (the shell's own components use its default namespace).
    for (const text of Object.values(sources).filter((t) => t.includes("useTranslation('setup')"))) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !known.has(k) && ![...known].some((n) => n.startsWith(`${k}.`)))).toEqual(
      [],
    );
  });
});
