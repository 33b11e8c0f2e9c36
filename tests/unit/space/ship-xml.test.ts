// SHIP XML: the real-format fixtures parse (values trimmed), and hostile or foreign XML is refused with a code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  buildRequestCall,
  parseShipDateTime,
  parseShipResponse,
  readGetInfo,
} from '../../../main/core/space/ship-xml';
import { classifyShipAnswer, clockSkewSeconds } from '../../../main/core/space/ship-client';
import { AppError } from '../../../main/core/errors';

const fixture = (n: string): Buffer => readFileSync(new URL(`../../fixtures/${n}`, import.meta.url));

function codeOf(f: () => unknown): string {
  try {
    f();
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe('SHIP fixtures', () => {
  it('parses the GetInfo response', () => {
    const r = parseShipResponse(fixture('ship-getinfo-response.xml'));
    expect(r.requestName).toBe('GetInfo');
    expect(r.exception).toBeNull();
    expect(readGetInfo(r)).toEqual({
      protocolId: 'SHIP',
      protocolVersion: '1.0',
      dateTime: '2004-9-2T12:30:20',
      defaultLanguage: 'eng',
    });
  });

  it('parses the error response with padded values trimmed', () => {
    const r = parseShipResponse(fixture('ship-error-response.xml'));
    expect(r.requestName).toBe('TransferMoney');
    expect(r.exception).toEqual({ code: 502, message: 'Unknown request' });
  });

  it('classifies both fixtures as a 200 answer', () => {
    const ok = classifyShipAnswer(
      200,
      'application/vnd.saltosystems.ship.v1+xml',
      fixture('ship-getinfo-response.xml'),
      true,
    );
    expect(ok.code).toBe('SHIP_OK');
    expect(ok.getInfo?.protocolVersion).toBe('1.0');
    expect(classifyShipAnswer(200, 'text/xml', fixture('ship-error-response.xml'), true).code).toBe(
      'SHIP_EXCEPTION',
    );
  });
});

describe('SHIP XML refusals', () => {
  it('refuses DOCTYPE and entities (no expansion)', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><RequestResponse><RequestName>&lol2;</RequestName></RequestResponse>';
    expect(codeOf(() => parseShipResponse(bomb))).toBe('SHIP_XML_MALFORMED');
  });

  it('refuses malformed XML with the line', () => {
    const err = (() => {
      try {
        parseShipResponse('<RequestResponse>\n<RequestName>GetInfo</Request>\n</RequestResponse>');
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(err?.code).toBe('SHIP_XML_MALFORMED');
    expect(err?.detail?.line).toBe(2);
  });

  it('tells XML that is not a SHIP response', () => {
    expect(
      codeOf(() => parseShipResponse('<soap:Envelope xmlns:soap="x"><soap:Body/></soap:Envelope>')),
    ).toBe('SHIP_XML_UNEXPECTED');
    expect(
      codeOf(() =>
        parseShipResponse('<RequestResponse><Exception><Code>abc</Code></Exception></RequestResponse>'),
      ),
    ).toBe('SHIP_XML_UNEXPECTED');
  });

  it('refuses oversized documents before parsing', () => {
    expect(
      codeOf(() => parseShipResponse(`<RequestResponse>${'x'.repeat(300 * 1024)}</RequestResponse>`)),
    ).toBe('SHIP_XML_MALFORMED');
  });

  it('GetInfo without its fields is unexpected', () => {
    const r = parseShipResponse(
      '<RequestResponse><RequestName>GetInfo</RequestName><Params><ProtocolID>SHIP</ProtocolID></Params></RequestResponse>',
    );
    expect(codeOf(() => readGetInfo(r))).toBe('SHIP_XML_UNEXPECTED');
  });
});

describe('RequestCall and DateTime', () => {
  it('builds GetInfo exactly as integrators send it, escaping values', () => {
    expect(buildRequestCall('GetInfo')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><RequestCall><RequestName>GetInfo</RequestName><Params/></RequestCall>',
    );
    expect(buildRequestCall('X', { A: '<&>' })).toContain('<Params><A>&lt;&amp;&gt;</A></Params>');
    expect(codeOf(() => buildRequestCall('Get Info'))).toBe('INVALID_INPUT');
    expect(codeOf(() => buildRequestCall('X', { 'a>b': '1' }))).toBe('INVALID_INPUT');
  });

  it('reads Space DateTime with unpadded fields and refuses nonsense', () => {
    expect(parseShipDateTime('2004-9-2T12:30:20')).toEqual({ y: 2004, mo: 9, d: 2, h: 12, mi: 30, se: 20 });
    expect(parseShipDateTime(' 2026-11-29T19:52:01 ')).not.toBeNull();
    expect(parseShipDateTime('2026-13-01T00:00:00')).toBeNull();
    expect(parseShipDateTime('yesterday')).toBeNull();
  });

  it('computes clock skew against our clock, or null', () => {
    const now = new Date(2026, 10, 29, 12, 0, 0);
    expect(clockSkewSeconds('2026-11-29T12:05:00', now)).toBe(300);
    expect(clockSkewSeconds('2026-11-29T11:59:30', now)).toBe(-30);
    expect(clockSkewSeconds('garbage', now)).toBeNull();
    expect(
      Object.is(clockSkewSeconds('2026-11-29T11:59:59', new Date(2026, 10, 29, 11, 59, 59, 400)), 0),
    ).toBe(true);
  });
});

describe('classifyShipAnswer statuses', () => {
  const empty = Buffer.alloc(0);
  it('maps the statuses integrators see', () => {
    expect(classifyShipAnswer(401, '', empty, true).code).toBe('SHIP_UNAUTHORIZED');
    expect(classifyShipAnswer(401, '', empty, false).code).toBe('SHIP_KEY_REQUIRED');
    expect(classifyShipAnswer(501, '', empty, true).code).toBe('SHIP_HTTP_TRANSPORT_DISABLED');
    expect(classifyShipAnswer(415, '', empty, true).code).toBe('SHIP_VERSION_UNSUPPORTED');
    expect(classifyShipAnswer(200, 'text/html', Buffer.from('<html></html>'), true).code).toBe(
      'SHIP_NOT_SHIP',
    );
    expect(classifyShipAnswer(200, 'application/json', Buffer.from('{}'), true).code).toBe('SHIP_NOT_SHIP');
    expect(classifyShipAnswer(500, 'application/xml', Buffer.from('<x/>'), true).code).toBe(
      'SHIP_UNEXPECTED_STATUS',
    );
    expect(
      classifyShipAnswer(
        200,
        'application/xml',
        Buffer.from('<RequestResponse><oops></RequestResponse>'),
        true,
      ).code,
    ).toBe('SHIP_MALFORMED_RESPONSE');
  });
  it('maps exception codes 13 and 14 to licence outcomes', () => {
    const ex = (n: number): Buffer =>
      Buffer.from(
        `<RequestResponse><RequestName>GetInfo</RequestName><Exception><Code> ${n} </Code><Message> m </Message></Exception></RequestResponse>`,
      );
    expect(classifyShipAnswer(200, 'application/xml', ex(13), true).code).toBe('SHIP_LICENCE_MISSING');
    expect(classifyShipAnswer(200, 'application/xml', ex(14), true).code).toBe('SHIP_LICENCE_CONSTRAINT');
    expect(classifyShipAnswer(200, 'application/xml', ex(1), true).code).toBe('SHIP_EXCEPTION');
  });
});
