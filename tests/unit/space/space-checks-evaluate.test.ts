// Pure evaluation of the space.https and space.ship evidence: every outcome maps to a status, a code and a remedy.
import { describe, expect, it } from 'vitest';
import { evaluateSpaceHttps } from '../../../main/core/checks/space/space-https';
import { evaluateSpaceShip } from '../../../main/core/checks/space/space-ship';
import {
  SpaceHttpsEvidenceSchema,
  SpaceShipEvidenceSchema,
  type SpaceHttpsEvidence,
  type SpaceShipEvidence,
} from '../../../main/core/checks/space';
import { ShipCodes } from '../../../main/core/space/ship-outcomes';
import { describeOutcome } from '../../../main/core/space/ship-outcomes';
import { en } from '../../../messages/render';

const NOW = '2026-06-01T12:00:00.000Z';
const inDays = (n: number): string => new Date(Date.parse(NOW) + n * 86_400_000 + 3600_000).toISOString();

function cert(
  over: Partial<NonNullable<SpaceHttpsEvidence['probe']>['certificate']> = {},
): NonNullable<NonNullable<SpaceHttpsEvidence['probe']>['certificate']> {
  return {
    subject: 'CN=space.local',
    issuer: 'CN=Corp CA',
    subjectAltNames: ['DNS:space.local'],
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: inDays(200),
    fingerprint256: 'AB:'.repeat(31) + 'AB',
    selfSigned: false,
    serialNumber: '01',
    ...over,
  };
}

function https(probe: Partial<NonNullable<SpaceHttpsEvidence['probe']>> = {}): SpaceHttpsEvidence {
  return {
    collectedAt: NOW,
    notProbed: null,
    probe: {
      host: 'space.local',
      port: 8100,
      expectedName: 'space.local',
      code: 'TLS_PROBE_OK',
      message: 'ok',
      tcpConnected: true,
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      certificate: cert(),
      chainSubjects: ['CN=space.local'],
      chainTrusted: true,
      chainError: null,
      nameMatches: true,
      pinMatches: null,
      elapsedMs: 5,
      ...probe,
    },
  };
}

describe('evaluateSpaceHttps', () => {
  it('passes a trusted, current, matching certificate', () => {
    const r = evaluateSpaceHttps(https());
    expect(r.status).toBe('pass');
    expect(r.code).toBe('SPACE_HTTPS_OK');
    expect(en(r.summary)).toContain('200');
  });
  it.each([
    [{ code: 'NET_PLAIN_HTTP_ON_TLS_PORT', certificate: null }, 'fail', 'SPACE_HTTPS_PLAIN_HTTP'],
    [
      { code: 'NET_REFUSED', certificate: null, tcpConnected: false },
      'fail',
      'SPACE_HTTPS_NOTHING_LISTENING',
    ],
    [{ code: 'TLS_PROBE_NO_ANSWER', certificate: null }, 'fail', 'SPACE_HTTPS_NO_ANSWER'],
    [{ code: 'NET_DNS', certificate: null }, 'fail', 'SPACE_HTTPS_NET_DNS'],
    [{ certificate: cert({ validTo: inDays(-3) }) }, 'fail', 'SPACE_HTTPS_CERT_EXPIRED'],
    [{ certificate: cert({ validFrom: inDays(2) }) }, 'fail', 'SPACE_HTTPS_CERT_NOT_YET_VALID'],
    [{ pinMatches: false }, 'fail', 'SPACE_HTTPS_PIN_MISMATCH'],
    [{ certificate: cert({ validTo: inDays(10) }) }, 'warn', 'SPACE_HTTPS_CERT_EXPIRES_SOON'],
    [
      {
        certificate: cert({ selfSigned: true, issuer: 'CN=space.local' }),
        chainTrusted: false,
        chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      },
      'warn',
      'SPACE_HTTPS_SELF_SIGNED',
    ],
    [
      {
        certificate: cert({ selfSigned: true, issuer: 'CN=space.local' }),
        chainTrusted: false,
        pinMatches: true,
      },
      'warn',
      'SPACE_HTTPS_PINNED',
    ],
    [
      { chainTrusted: false, chainError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },
      'warn',
      'SPACE_HTTPS_UNTRUSTED',
    ],
    [{ nameMatches: false }, 'warn', 'SPACE_HTTPS_NAME_MISMATCH'],
    [{ protocol: 'TLSv1' }, 'warn', 'SPACE_HTTPS_OLD_TLS'],
  ] as const)('%j → %s %s', (probe, status, code) => {
    const r = evaluateSpaceHttps(https(probe));
    expect(r.status).toBe(status);
    expect(r.code).toBe(code);
    expect(en(r.remedy ?? '')).toBeTruthy();
  });
  it('warns with 29 days left and passes with 31', () => {
    expect(evaluateSpaceHttps(https({ certificate: cert({ validTo: inDays(29) }) })).status).toBe('warn');
    expect(evaluateSpaceHttps(https({ certificate: cert({ validTo: inDays(31) }) })).status).toBe('pass');
  });
  it('skips, never passes, when nothing was probed', () => {
    expect(
      evaluateSpaceHttps({ collectedAt: NOW, notProbed: 'No Space server URL was given.', probe: null })
        .status,
    ).toBe('skip');
  });
  it('evidence schema refuses a tampered bundle', () => {
    expect(SpaceHttpsEvidenceSchema.safeParse(https()).success).toBe(true);
    expect(SpaceHttpsEvidenceSchema.safeParse({ ...https(), probe: { port: 'x' } }).success).toBe(false);
  });
});

type Result = NonNullable<SpaceShipEvidence['result']>;
function ship(over: Partial<Result> = {}): SpaceShipEvidence {
  const base: Result = {
    code: ShipCodes.OK,
    ok: true,
    message: 'm',
    remedy: '',
    url: 'https://space.local:8100/',
    keySent: true,
    keyFingerprint: '0123abcd',
    keylessReason: null,
    httpStatus: 200,
    contentType: 'application/vnd.saltosystems.ship.v1+xml',
    trustedBy: 'pin',
    certificate: cert(),
    getInfo: {
      protocolId: 'SHIP',
      protocolVersion: '1.0',
      dateTime: '2026-6-1T12:00:00',
      defaultLanguage: 'eng',
    },
    protocolSupported: true,
    exception: null,
    clockSkewSeconds: 3,
    keylessProbe: null,
    withoutKey: { code: ShipCodes.KEY_REQUIRED, httpStatus: 401 },
    netCode: null,
  };
  const r = { ...base, ...over };
  if (over.code !== undefined && over.remedy === undefined)
    r.remedy = describeOutcome(over.code as never, { where: 'space.local:8100', keySent: r.keySent }).remedy;
  return { collectedAt: NOW, notProbed: null, pinnedFingerprintGiven: true, result: r };
}

describe('evaluateSpaceShip', () => {
  it('passes when the key was accepted and clocks agree', () => {
    const r = evaluateSpaceShip(ship());
    expect(r.status).toBe('pass');
    expect(r.code).toBe('SHIP_OK');
    expect(en(r.detail ?? '')).toContain('0123abcd');
  });
  it('401 → fail with the remedy naming both places of the key', () => {
    const r = evaluateSpaceShip(
      ship({
        code: ShipCodes.UNAUTHORIZED,
        ok: false,
        httpStatus: 401,
        getInfo: null,
        clockSkewSeconds: null,
      }),
    );
    expect(r.status).toBe('fail');
    expect(r.code).toBe('SHIP_UNAUTHORIZED');
    expect(en(r.remedy ?? '')).toContain(
      "Space's SHIP tab (System › General options › SHIP, custom authentication) must equal the SHIP API Key",
    );
  });
  it.each([
    ShipCodes.HTTP_TRANSPORT_DISABLED,
    ShipCodes.VERSION_UNSUPPORTED,
    ShipCodes.LICENCE_MISSING,
    ShipCodes.LICENCE_CONSTRAINT,
    ShipCodes.EXCEPTION,
    ShipCodes.NOT_SHIP,
    ShipCodes.MALFORMED_RESPONSE,
    ShipCodes.PLAIN_HTTP,
    ShipCodes.TLS_UNTRUSTED,
    ShipCodes.TLS_EXPIRED,
    ShipCodes.TLS_NAME_MISMATCH,
    ShipCodes.TLS_PIN_MISMATCH,
    ShipCodes.TLS_HANDSHAKE,
    ShipCodes.UNREACHABLE_DNS,
    ShipCodes.UNREACHABLE_REFUSED,
    ShipCodes.UNREACHABLE_NO_ROUTE,
    ShipCodes.UNREACHABLE_TIMEOUT,
    ShipCodes.NO_ANSWER,
    ShipCodes.CONNECTION_DROPPED,
    ShipCodes.RESPONSE_TOO_LARGE,
    ShipCodes.UNEXPECTED_STATUS,
    ShipCodes.NO_AUTHENTICATION,
    ShipCodes.BASIC_AUTH,
    ShipCodes.UNDECODABLE,
    ShipCodes.TLS_MALFORMED_CERTIFICATE,
  ])('%s → fail with a remedy', (code) => {
    const r = evaluateSpaceShip(ship({ code, ok: false, getInfo: null }));
    expect(r.status).toBe('fail');
    expect(r.code).toBe(code);
    expect(en(r.remedy ?? '')).toBeTruthy();
    expect(en(r.summary)).not.toBe(code);
  });
  it('no key given but SHIP wants one → warn, never pass', () => {
    const r = evaluateSpaceShip(
      ship({
        code: ShipCodes.KEY_REQUIRED,
        ok: false,
        keySent: false,
        keylessReason: 'no-key-given',
        httpStatus: 401,
        getInfo: null,
      }),
    );
    expect(r.status).toBe('warn');
    expect(en(r.detail ?? '')).toContain('key not sent');
  });
  it('a 403 from this server → warn naming "Limit communications to one server"', () => {
    const r = evaluateSpaceShip(
      ship({ code: ShipCodes.FORBIDDEN, ok: false, httpStatus: 403, getInfo: null }),
    );
    expect(r).toMatchObject({ status: 'warn', code: 'SHIP_FORBIDDEN' });
    expect(en(r.remedy ?? '')).toContain('Limit communications to one server');
  });
  it('the key accepted but the request without it not refused (or not made) → warn, never pass', () => {
    expect(evaluateSpaceShip(ship({ withoutKey: null })).code).toBe('SHIP_AUTH_UNVERIFIED');
    expect(evaluateSpaceShip(ship({ withoutKey: undefined })).status).toBe('warn');
    expect(
      evaluateSpaceShip(ship({ withoutKey: { code: ShipCodes.NO_ANSWER, httpStatus: null } })).status,
    ).toBe('warn');
  });
  it('clock skew, unknown time, unknown protocol → warn', () => {
    expect(evaluateSpaceShip(ship({ clockSkewSeconds: -600 })).code).toBe('SHIP_CLOCK_SKEW');
    expect(en(evaluateSpaceShip(ship({ clockSkewSeconds: -600 })).summary)).toContain('behind');
    expect(evaluateSpaceShip(ship({ clockSkewSeconds: 120 })).status).toBe('pass');
    expect(evaluateSpaceShip(ship({ clockSkewSeconds: null })).code).toBe('SHIP_CLOCK_UNKNOWN');
    expect(evaluateSpaceShip(ship({ protocolSupported: false })).code).toBe('SHIP_PROTOCOL_UNKNOWN');
  });
  it('skips when nothing was probed; the schema refuses an unknown code', () => {
    expect(
      evaluateSpaceShip({ collectedAt: NOW, notProbed: 'x', pinnedFingerprintGiven: false, result: null })
        .status,
    ).toBe('skip');
    expect(SpaceShipEvidenceSchema.safeParse(ship()).success).toBe(true);
    expect(SpaceShipEvidenceSchema.safeParse(ship({ code: 'SHIP_FINE' as never, remedy: 'x' })).success).toBe(
      false,
    );
    expect(SpaceShipEvidenceSchema.safeParse(ship({ keyFingerprint: 'the-real-key' })).success).toBe(false);
  });
});
