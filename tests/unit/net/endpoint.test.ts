// Service URLs, hosts and ports typed by technicians: each refusal names the field by its label and the rule that was
// broken (a bad port as a port, not as a malformed URL), in every language.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { parseServiceUrl, validateHost, validatePort } from '../../../main/core/net/endpoint';
import { renderText } from '../../../messages/render';

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('parseServiceUrl', () => {
  it('names a port above 65535 as a bad port (the URL parser refuses the whole URL)', () => {
    const e = refusal(() => parseServiceUrl('https://space.example.local:99999/', 'spaceUrl'));
    expect(e.detail).toEqual({ field: 'spaceUrl', rule: 'rules.url.port' });
    expect(e.message).toBe(
      'Space SHIP address: has the port 99999, but a port must be a whole number from 1 to 65535.',
    );
    expect(renderText(e.texts().message, 'nl')).toContain('99999');
    expect(refusal(() => parseServiceUrl('https://[::1]:70000/', 'spaceUrl')).detail?.rule).toBe(
      'rules.url.port',
    );
  });

  it('names port 0 and a port that is not a number as bad ports too', () => {
    expect(refusal(() => parseServiceUrl('https://space.local:0/', 'spaceUrl')).message).toBe(
      'Space SHIP address: has the port 0, but a port must be a whole number from 1 to 65535.',
    );
    expect(refusal(() => parseServiceUrl('https://space.local:81a/', 'spaceUrl')).detail?.rule).toBe(
      'rules.url.port',
    );
  });

  it('keeps the other rules, with the facts they need', () => {
    expect(refusal(() => parseServiceUrl('ftp://face.local/', '--face-url')).message).toBe(
      '--face-url: scheme must be https or http, not ftp.',
    );
    expect(refusal(() => parseServiceUrl('http://face.local/', 'faceUrl', ['https:'])).message).toBe(
      'XS4 Face server address: scheme must be https, not http.',
    );
    expect(refusal(() => parseServiceUrl('https://u:p@face.local/', 'faceUrl')).detail?.rule).toBe(
      'rules.url.noCredentials',
    );
    expect(refusal(() => parseServiceUrl('https://face.local/?a=1', 'faceUrl')).detail?.rule).toBe(
      'rules.url.noQuery',
    );
    expect(refusal(() => parseServiceUrl('not a url', 'spaceUrl')).message).toBe(
      'Space SHIP address: must be a URL such as https://host:8100/.',
    );
    expect(parseServiceUrl('https://Space.Local:8100/ship')).toMatchObject({
      host: 'space.local',
      port: 8100,
      path: '/ship/',
    });
  });
});

describe('validateHost and validatePort', () => {
  it('name the field by its label', () => {
    expect(refusal(() => validatePort(70000, 'spacePort')).message).toBe(
      'Port: must be a whole number from 1 to 65535.',
    );
    expect(refusal(() => validateHost('10.0.0', 'spaceHost')).message).toBe(
      'Space server name or IP address: looks like a malformed IPv4 address.',
    );
    expect(refusal(() => validateHost('bad host!', 'spaceHost')).detail).toEqual({
      field: 'spaceHost',
      rule: 'rules.host',
    });
    expect(refusal(() => validateHost('', 'spaceHost')).detail?.rule).toBe('rules.required');
  });
});
