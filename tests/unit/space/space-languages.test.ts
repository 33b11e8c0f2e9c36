// The Space side says everything in the six languages: every outcome of space.https and space.ship, every SHIP
// probe outcome (with and without the key, and what a key-less request found), and the errors of the SHIP XML layer.
import { describe, expect, it } from 'vitest';
import { evaluateSpaceHttps } from '../../../main/core/checks/space/space-https';
import { evaluateSpaceShip, spaceShipCheck } from '../../../main/core/checks/space/space-ship';
import { spaceHttpsCheck } from '../../../main/core/checks/space/space-https';
import type { SpaceHttpsEvidence, SpaceShipEvidence } from '../../../main/core/checks/space';
import type { CheckResult } from '../../../main/core/checks/types';
import { describeProbe } from '../../../main/core/space/ship-client';
import { ShipCodes, type ShipCode } from '../../../main/core/space/ship-outcomes';
import { buildRequestCall, parseShipResponse, readGetInfo } from '../../../main/core/space/ship-xml';
import type { AppError } from '../../../main/core/errors';
import { renderText } from '../../../messages/render';
import { unsaid } from '../../helpers/catalog-texts';

const NOW = '2026-06-01T12:00:00.000Z';
const inDays = (n: number): string => new Date(Date.parse(NOW) + n * 86_400_000 + 3600_000).toISOString();

type Probe = NonNullable<SpaceHttpsEvidence['probe']>;
const PROBE_SENTENCE = 'space.local:8100 completed a TLS handshake (TLSv1.3).';
const cert = (over: Partial<NonNullable<Probe['certificate']>> = {}): NonNullable<Probe['certificate']> => ({
  subject: 'CN=space.local',
  issuer: 'CN=Corp CA',
  subjectAltNames: ['DNS:space.local', 'DNS:space'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: inDays(200),
  fingerprint256: 'AB:'.repeat(31) + 'AB',
  selfSigned: false,
  serialNumber: '01',
  ...over,
});
const https = (probe: Partial<Probe> | null, over: Partial<SpaceHttpsEvidence> = {}): SpaceHttpsEvidence => ({
  collectedAt: NOW,
  notProbed: null,
  probe:
    probe === null
      ? null
      : {
          host: 'space.local',
          port: 8100,
          expectedName: 'space.local',
          code: 'TLS_PROBE_OK',
          message: PROBE_SENTENCE,
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
  ...over,
});

type Result = NonNullable<SpaceShipEvidence['result']>;
const ship = (over: Partial<Result> = {}): Result => ({
  code: ShipCodes.OK,
  ok: true,
  message: 'recorded in English by an older version',
  remedy: '',
  url: 'https://space.local:8100/ship',
  keySent: true,
  keyFingerprint: '0123abcd',
  keylessReason: null,
  httpStatus: 200,
  contentType: 'application/vnd.saltosystems.ship.v1+xml',
  trustedBy: 'pin',
  certificate: cert({ problems: ['valid_from: missing'] }),
  getInfo: {
    protocolId: 'SHIP',
    protocolVersion: '1.0',
    dateTime: '2026-6-1T12:00:00',
    defaultLanguage: null,
  },
  protocolSupported: true,
  exception: null,
  clockSkewSeconds: 3,
  keylessProbe: null,
  withoutKey: { code: ShipCodes.KEY_REQUIRED, httpStatus: 401 },
  netCode: null,
  ...over,
});
const shipEvidence = (result: Result | null): SpaceShipEvidence => ({
  collectedAt: NOW,
  notProbed: result === null ? 'no-url' : null,
  pinnedFingerprintGiven: true,
  result,
});

function httpsOutcomes(): CheckResult[] {
  return [
    evaluateSpaceHttps(https(null, { notProbed: 'no-url' })),
    evaluateSpaceHttps(https(null)),
    evaluateSpaceHttps(https({ code: 'NET_PLAIN_HTTP_ON_TLS_PORT', certificate: null })),
    evaluateSpaceHttps(https({ code: 'NET_REFUSED', certificate: null })),
    evaluateSpaceHttps(https({ code: 'TLS_PROBE_NO_ANSWER', certificate: null })),
    evaluateSpaceHttps(https({ code: 'NET_DNS', certificate: null })),
    evaluateSpaceHttps(
      https({ certificate: cert({ problems: ['valid_from: missing', 'issuer: not a name'] }) }),
    ),
    evaluateSpaceHttps(https({ pinMatches: false }, { acceptedFingerprint256: 'CD:'.repeat(31) + 'CD' })),
    evaluateSpaceHttps(https({ pinMatches: false })),
    ...[-1, -3, -30].map((d) => evaluateSpaceHttps(https({ certificate: cert({ validTo: inDays(d) }) }))),
    evaluateSpaceHttps(https({ certificate: cert({ validFrom: inDays(2) }) })),
    ...[1, 2, 5, 11, 29].map((d) =>
      evaluateSpaceHttps(
        https({
          certificate: cert({ validTo: inDays(d), selfSigned: true, subjectAltNames: [] }),
          chainTrusted: false,
          chainError: null,
          nameMatches: false,
          protocol: 'TLSv1',
        }),
      ),
    ),
    evaluateSpaceHttps(https({ chainTrusted: false, chainError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' })),
    evaluateSpaceHttps(https({ chainTrusted: false, pinMatches: true, protocol: null })),
    evaluateSpaceHttps(https({})),
    evaluateSpaceHttps(https({ pinMatches: true })),
  ];
}

function shipOutcomes(): CheckResult[] {
  const failing = Object.values(ShipCodes).filter((c) => c !== ShipCodes.OK);
  return [
    evaluateSpaceShip(shipEvidence(null)),
    evaluateSpaceShip({ ...shipEvidence(null), notProbed: null }),
    ...failing.map((code) => evaluateSpaceShip(shipEvidence(ship({ code, ok: false, getInfo: null })))),
    evaluateSpaceShip(shipEvidence(ship({ withoutKey: null }))),
    evaluateSpaceShip(shipEvidence(ship({ withoutKey: { code: ShipCodes.NO_ANSWER, httpStatus: null } }))),
    evaluateSpaceShip(shipEvidence(ship({ withoutKey: { code: ShipCodes.NOT_SHIP, httpStatus: 404 } }))),
    evaluateSpaceShip(shipEvidence(ship({ protocolSupported: false }))),
    evaluateSpaceShip(shipEvidence(ship({ clockSkewSeconds: null }))),
    evaluateSpaceShip(shipEvidence(ship({ clockSkewSeconds: 600 }))),
    evaluateSpaceShip(shipEvidence(ship({ clockSkewSeconds: -600 }))),
    evaluateSpaceShip(
      shipEvidence(
        ship({ exception: { code: 4, message: 'General error' }, httpStatus: null, netCode: 'NET_DNS' }),
      ),
    ),
    evaluateSpaceShip(
      shipEvidence(ship({ keySent: false, keylessReason: 'no-key-given', keyFingerprint: null })),
    ),
    evaluateSpaceShip(shipEvidence(ship())),
  ];
}

describe('the Space side in every language', () => {
  it('every outcome of space.https and space.ship, and their titles', () => {
    const results = [...httpsOutcomes(), ...shipOutcomes()];
    // The only words not from our catalogs: the TLS probe's own sentence about the connection (the network layer's).
    const words = results
      .flatMap((r) => [r.summary, r.detail, r.remedy])
      .filter((s) => typeof s === 'string');
    expect(new Set(words)).toEqual(new Set([PROBE_SENTENCE]));
    expect(unsaid([results, spaceHttpsCheck.title, spaceShipCheck.title])).toEqual([]);
    expect(renderText(spaceShipCheck.title, 'de')).not.toBe(renderText(spaceShipCheck.title, 'en'));
  });

  it('every SHIP probe outcome, with and without the key, and what a key-less request found there', () => {
    const described = Object.values(ShipCodes).flatMap((code: ShipCode) =>
      [true, false].flatMap((keySent) =>
        [null, 'certificate-not-verified', 'plain-http'].flatMap((keylessReason) =>
          [null, true, false].map((shipPresent) =>
            describeProbe(
              ship({
                code,
                keySent,
                keylessReason: keylessReason as Result['keylessReason'],
                keylessProbe:
                  shipPresent === null ? null : { code: ShipCodes.OK, httpStatus: 200, shipPresent },
                exception: code === ShipCodes.EXCEPTION ? { code: 1, message: '' } : null,
                httpStatus: null,
                netCode: code === ShipCodes.CONNECTION_DROPPED ? 'NET_DROPPED' : null,
                charsetProblem: code === ShipCodes.UNDECODABLE ? 'declares no charset' : null,
              }),
            ),
          ),
        ),
      ),
    );
    expect(unsaid(described)).toEqual([]);
  });

  it('the errors of the SHIP XML layer', () => {
    const errors: AppError[] = [];
    for (const attempt of [
      () => parseShipResponse('<!DOCTYPE x><RequestResponse/>'),
      () => parseShipResponse('<RequestResponse><a></RequestResponse>'),
      () => parseShipResponse(`<RequestResponse>${'x'.repeat(300 * 1024)}</RequestResponse>`),
      () => parseShipResponse('<Other/>'),
      () =>
        readGetInfo(
          parseShipResponse('<RequestResponse><RequestName>GetInfo</RequestName></RequestResponse>'),
        ),
      () => buildRequestCall('Get Info'),
      () => buildRequestCall('GetInfo', { 'a>b': '1' }),
    ])
      try {
        attempt();
      } catch (e) {
        errors.push(e as AppError);
      }
    expect(errors.map((e) => e.code)).toEqual([
      'SHIP_XML_MALFORMED',
      'SHIP_XML_MALFORMED',
      'SHIP_XML_MALFORMED',
      'SHIP_XML_UNEXPECTED',
      'SHIP_XML_UNEXPECTED',
      'INVALID_INPUT',
      'INVALID_INPUT',
    ]);
    // INVALID_INPUT's own sentence is the core's ("{{field}}: {{rule}}."); the field's label and the rule are ours.
    expect(unsaid(errors.map((e) => (e.code === 'INVALID_INPUT' ? e.params : e.texts())))).toEqual([]);
  });
});
