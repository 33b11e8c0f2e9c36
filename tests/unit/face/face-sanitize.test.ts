// Control-character stripping, secret fingerprints and the static token provider.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeJson, stripControl } from '../../../main/core/face/sanitize';
import { faceKeyFingerprint } from '../../../main/core/secrets/fingerprint';
import { staticTokenProvider } from '../../../main/core/face/token-provider';
import { AppError } from '../../../main/core/errors';

describe('stripControl', () => {
  it('removes ESC sequences starters, C1, DEL and bidi overrides, keeps text, tabs and newlines', () => {
    expect(stripControl('\u001b[31mred\u001b[0m\u009b\u007f\u202eabc\u2066\tx\ny')).toBe(
      '[31mred[0mabc\tx\ny',
    );
    expect(stripControl('Straße Düsseldorf — ñ')).toBe('Straße Düsseldorf — ñ');
  });
  it('never leaves a control character, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(stripControl(s)).not.toMatch(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
        );
      }),
    );
  });
  it('sanitizes keys and values deeply, and bounds depth', () => {
    expect(sanitizeJson({ 'a\u001b': ['\u0007b', { c: '\u009bd' }], n: 1 })).toEqual({
      a: ['b', { c: 'd' }],
      n: 1,
    });
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(JSON.stringify(sanitizeJson(deep))).toContain('null');
  });
});

describe('secrets and tokens', () => {
  it('fingerprints are 8 hex and stable', () => {
    expect(faceKeyFingerprint('abc')).toBe('ba7816bf');
  });
  it('static token provider refuses empty and multi-line tokens', async () => {
    expect(() => staticTokenProvider('  ')).toThrow(AppError);
    expect(() => staticTokenProvider('a\nb')).toThrow(/token/);
    expect(await staticTokenProvider(' tok ').getToken()).toBe('tok');
  });
});
