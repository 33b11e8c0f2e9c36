// Where values read left to right may wrap: never inside "host:port" (with its scheme), after separators elsewhere;
// and which stretches of a sentence are such values.
import { describe, expect, it } from 'vitest';
import { sentenceParts, valueParts } from '../../renderer/components/ltr-parts';

const kept = (v: string): string[] =>
  valueParts(v)
    .filter((p) => p.keep)
    .map((p) => p.text);
const pieces = (v: string): string[] => valueParts(v).map((p) => p.text);

describe('valueParts', () => {
  it('keeps an address with its port (and scheme) in one piece', () => {
    expect(kept('https://127.0.0.1:45589/privacy')).toEqual(['https://127.0.0.1:45589']);
    expect(kept('trust:127.0.0.1:45589')).toEqual(['127.0.0.1:45589']);
    expect(kept('space01.site.local:8100')).toEqual(['space01.site.local:8100']);
    expect(kept('https://[fe80::1]:8100/')).toEqual(['https://[fe80::1]:8100']);
  });

  it('lets other values wrap after a separator, keeping every character', () => {
    expect(pieces('face:integration.space.shipApiKey')).toEqual([
      'face:',
      'integration.',
      'space.',
      'shipApiKey',
    ]);
    expect(pieces('C:\\Users\\Public\\xs4-evidence')).toEqual([
      'C:\\',
      'Users\\',
      'Public\\',
      'xs4-evidence',
    ]);
    expect(pieces('AB:CD:EF')).toEqual(['AB:', 'CD:', 'EF']);
    for (const v of ['https://127.0.0.1:45589/a?b=c&d', 'trust:10.0.0.5:443', '\\\\srv\\share\\x'])
      expect(pieces(v).join('')).toBe(v);
  });
});

describe('sentenceParts', () => {
  it('finds URLs, addresses and Windows paths, leaving the sentence punctuation out', () => {
    expect(sentenceParts('Connected to https://127.0.0.1:43081/.')).toEqual([
      { text: 'Connected to ', value: false },
      { text: 'https://127.0.0.1:43081/', value: true },
      { text: '.', value: false },
    ]);
    expect(sentenceParts('Space Server Details: 127.0.0.1:44651 (HTTPS).').filter((p) => p.value)).toEqual([
      { text: '127.0.0.1:44651', value: true },
    ]);
    expect(sentenceParts('Written to C:\\Users\\Public\\r.html.').filter((p) => p.value)).toEqual([
      { text: 'C:\\Users\\Public\\r.html', value: true },
    ]);
  });

  it('leaves times, versions and plain words alone', () => {
    expect(sentenceParts('Done at 3:52:42 PM with version 1.2.3.')).toEqual([
      { text: 'Done at 3:52:42 PM with version 1.2.3.', value: false },
    ]);
  });
});
