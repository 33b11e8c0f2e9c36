// What was changed, in words: every target the core records in the history has a name in the catalogs, so the
// Summary and `xs4-setup history` never show an internal id such as "face:integration.space.shipApiKey".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../contract/languages';
import { renderText } from '../../../messages/render';
import { targetName } from '../../../main/core/history/target-names';

/** Every `target: '…'` literal in the core's source: the ids a history entry can carry. */
function recordedTargets(dir = 'main/core'): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const m of source.matchAll(/\btarget: '([^']+)'/g)) found.add(m[1]!);
    // A target built from a prefix and a value (`trust:${at}`): the prefix with an example value.
    for (const m of source.matchAll(/\btarget: `([^`$]+)\$\{/g)) found.add(`${m[1]!}server.example:443`);
  }
  return [...found].sort();
}

describe('history target names', () => {
  it('finds the targets the core records (the scan itself works)', () => {
    expect(recordedTargets()).toEqual(
      expect.arrayContaining([
        'face:integration.space.shipApiKey',
        'power.sleep',
        'space.install-script',
        'trust:server.example:443',
      ]),
    );
  });

  it.each(recordedTargets())('names %s in words in every language', (target) => {
    const name = targetName(target);
    expect(name.key).not.toBe('history.target.other');
    for (const lang of LANGUAGES) {
      const words = renderText(name, lang);
      expect(words).not.toContain(target);
      if (target.startsWith('trust:')) expect(words).toContain('server.example:443');
      expect(words).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('says an unknown target (an entry of a later version) as it was recorded', () => {
    expect(renderText(targetName('face:something.new'), 'en')).toBe('face:something.new');
  });
});
