// Argument parsing, terminal cleaning and the data folder: the rules named in one-line errors.
import { describe, expect, it } from 'vitest';
import { msFlag, parseFlags } from '../../../main/cli/args';
import { clean } from '../../../main/cli/terminal';
import { dataDir } from '../../../main/core/paths';

const spec = { out: 'string', json: 'boolean', 'timeout-ms': 'string' } as const;
const msg = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('parseFlags', () => {
  it('parses both value forms and booleans', () => {
    expect(parseFlags(['--out', 'a', '--json', '--timeout-ms=300'], spec, 'x')).toEqual({
      out: 'a',
      json: true,
      'timeout-ms': '300',
    });
  });
  it('names the flag and the rule', () => {
    expect(msg(() => parseFlags(['--nope'], spec, 'doctor'))).toBe('doctor: unknown flag --nope');
    expect(msg(() => parseFlags(['--out'], spec, 'x'))).toBe('--out: needs a value');
    expect(msg(() => parseFlags(['--out', '--json'], spec, 'x'))).toBe('--out: needs a value');
    expect(msg(() => parseFlags(['--json=yes'], spec, 'x'))).toBe('--json: takes no value');
    expect(msg(() => parseFlags(['--out', 'a', '--out', 'b'], spec, 'x'))).toBe(
      '--out: given more than once',
    );
    expect(msg(() => parseFlags(['secret'], spec, 'x'))).toBe(
      'x: unexpected argument at position 1 (only --flags follow the command)',
    );
    expect(msg(() => parseFlags(['--ship-key=abc'], spec, 'x'))).toMatch(
      /^--ship-key: secrets are never taken on the command line/,
    );
    expect(msg(() => msFlag({ 'timeout-ms': '99' }, 'timeout-ms', 100, 1000, 5))).toBe(
      '--timeout-ms: must be a whole number of milliseconds from 100 to 1000',
    );
  });
});

describe('clean', () => {
  it('strips control characters, escape sequences and bidi overrides; newlines become spaces', () => {
    expect(clean('a\u001b[2Jb\r\nc\u202ed\u0007')).toBe('a[2Jb cd');
  });
});

describe('dataDir', () => {
  it('prefers XS4_DATA_DIR, else matches Electron userData per platform', () => {
    expect(dataDir({ XS4_DATA_DIR: '/data/x' }, 'linux', '/home/u')).toBe('/data/x');
    expect(dataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\XS4 Face Space Assistant',
    );
    expect(dataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/XS4 Face Space Assistant');
    expect(dataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/XS4 Face Space Assistant');
  });
});
