// One rule for the XS4 Face server address (contract/rules/face-url.ts): the page refuses an address before sending it
// in the very words the core would use (same catalog rule, same values), and accepts only what the core tries.
import { describe, expect, it } from 'vitest';
import { faceUrlProblem } from '../../../contract/rules/face-url';
import type { Text } from '../../../contract/text';
import { validateFaceUrl } from '../../../renderer/store/validation';
import { faceApiEndpoint } from '../../../main/core/face/face-client';
import { isAppError } from '../../../main/core/errors';
import { en } from '../../../messages/render';

/** The rule the core names for an address (its INVALID_INPUT's rule Text), or null when it takes it. */
function coreRule(url: string): Text | null {
  try {
    faceApiEndpoint(url);
    return null;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'INVALID_INPUT') throw e;
    return (e.params as { rule: Text }).rule;
  }
}

const REFUSED: Array<[string, string]> = [
  ['http://127.0.0.1:8443/', 'must start with https://: XS4 Face accepts only encrypted (HTTPS) connections'],
  ['HTTP://xs4face.local', 'must start with https://: XS4 Face accepts only encrypted (HTTPS) connections'],
  ['https://127.0.0.1:99999/', 'has the port 99999, but a port must be a whole number from 1 to 65535'],
  ['https://xs4face.local:0/', 'has the port 0, but a port must be a whole number from 1 to 65535'],
  [
    'https://xs4face.local:8443/console/sites',
    'must be the server address alone: remove “/console/sites” and keep https://xs4face.local:8443/',
  ],
  [
    'https://xs4face.local/?site=main',
    'must be the server address alone: remove “/?site=main” and keep https://xs4face.local/',
  ],
  [
    'https://xs4face.local/#/integrations',
    'must be the server address alone: remove “/#/integrations” and keep https://xs4face.local/',
  ],
  ['https://admin:pw@xs4face.local/', 'must not contain a user name or password'],
  ['ftp://xs4face.local/', 'scheme must be https, not ftp'],
  ['xs4face sin esquema', 'must be a URL such as https://xs4face.example.local/'],
];

describe('the XS4 Face address rule, page and core', () => {
  it.each(REFUSED)('%s: the page says what the core says', (url, words) => {
    const core = coreRule(url);
    expect(core).not.toBeNull();
    expect(en(core!)).toBe(words);
    expect(faceUrlProblem(url)).toEqual(core);
    expect(validateFaceUrl('url', url)).toEqual({ field: 'url', rule: 'core', ruleText: core });
  });

  it('accepts the addresses the core takes, and the page asks for an empty one in its own words', () => {
    for (const ok of ['https://127.0.0.1:8443/', 'https://xs4face.local', ' https://[::1]:8443 ']) {
      expect(validateFaceUrl('url', ok), ok).toBeNull();
      expect(coreRule(ok), ok).toBeNull();
    }
    expect(validateFaceUrl('url', '  ')).toEqual({ field: 'url', rule: 'required' });
  });
});
