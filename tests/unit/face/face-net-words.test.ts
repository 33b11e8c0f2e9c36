// Walks every sentence the network layer, the XS4 Face client's error mapping, the XS4 Face checks, the runner and the
// check registry can produce, and fails when a language cannot say one of them with the values it is given.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CertificateInfo } from '../../../contract/certificate';
import { text } from '../../../contract/text';
import { AppError, isAppError } from '../../../main/core/errors';
import {
  cancelled,
  classifySocketError,
  deadlineError,
  malformedCertificate,
  noCertificate,
  notHttp,
  pinMismatch,
  tlsTrustError,
  tooLarge,
} from '../../../main/core/net/net-errors';
import { decodeBody } from '../../../main/core/net/charset';
import type { Endpoint } from '../../../main/core/net/endpoint';
import { parseServiceUrl, validateHost, validatePort } from '../../../main/core/net/endpoint';
import {
  badResponse,
  fromHttpStatus,
  fromNetError,
  type FaceRoute,
} from '../../../main/core/face/face-errors';
import { selectServer, faceApiEndpoint } from '../../../main/core/face/face-client';
import { checkFaceId } from '../../../main/core/face/face-transport';
import { staticTokenProvider } from '../../../main/core/face/token-provider';
import { consoleStatusText } from '../../../main/core/face/status-names';
import { faceClientFor, requireFaceUrl } from '../../../main/core/checks/face/face-check-context';
import { faceChecks } from '../../../main/core/checks/face/index';
import {
  evaluateFaceReachable,
  type FaceReachableEvidence,
} from '../../../main/core/checks/face/face-reachable';
import {
  evaluateFaceSignedIn,
  type FaceSignedInEvidence,
} from '../../../main/core/checks/face/face-signed-in';
import {
  evaluateFaceSpaceIntegration,
  type FaceSpaceIntegrationEvidence,
} from '../../../main/core/checks/face/face-space-integration';
import { evaluateCompanyName } from '../../../main/core/checks/face/enrollment-company-name';
import {
  evaluatePrivacyPolicy,
  type PrivacyPolicyEvidence,
} from '../../../main/core/checks/face/enrollment-privacy-policy';
import { evaluateEvidence, runChecks } from '../../../main/core/checks/runner';
import { buildRegistry } from '../../../main/core/checks/registry';
import type { Check, CheckContext, CheckResult } from '../../../main/core/checks/types';
import { recordsInOrder } from '../../../main/core/checks/run-result';
import { parse } from '../../../main/core/parse';
import { expectSaidEverywhere, resultTexts } from '../../helpers/catalog-words';

const ep: Endpoint = {
  protocol: 'https:',
  host: 'xs4face.local',
  port: 443,
  path: '/',
  url: 'https://xs4face.local:443/',
};
const cert: CertificateInfo = {
  subject: 'CN=xs4face.local',
  issuer: 'CN=Acme CA, O=Acme S.L.',
  subjectAltNames: ['DNS:xs4face.local'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: Array(32).fill('AB').join(':'),
  selfSigned: false,
  serialNumber: '01',
  problems: ['valid_to: Bad time value'],
};
const ROUTES: FaceRoute[] = [
  'sign-in check',
  'site list',
  'integration list',
  'add integrations',
  'Space integration',
  'Space server details',
  'Space General Options',
  'reset authentication key',
  'Enrollment Service settings',
  'change status',
  'change',
  'Space Install Script',
  'certificate check',
];

function thrown(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const sock = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

/** Every error the network layer makes. */
function netErrors(): AppError[] {
  const aborted = new AbortController();
  aborted.abort();
  return [
    ...[
      'ENOTFOUND',
      'ECONNREFUSED',
      'EHOSTUNREACH',
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'ERR_SSL_BAD',
      'ECONNRESET',
    ].flatMap((c) => [classifySocketError(sock(c), ep, false), classifySocketError(sock(c), ep, true)]),
    ...['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'SELF_SIGNED_CERT_IN_CHAIN'].map((r) =>
      tlsTrustError(r, cert, ep),
    ),
    deadlineError(aborted.signal, ep, true),
    deadlineError(aborted.signal, ep, false),
    cancelled(),
    noCertificate(ep),
    malformedCertificate(ep, cert),
    pinMismatch(ep, 'CD:CD', cert, false),
    pinMismatch(ep, 'CD:CD', cert, true),
    tooLarge(ep, { announced: 9_000_000 }, 1024),
    tooLarge(ep, { sent: true }, 1024),
    tooLarge(ep, { headers: true }),
    notHttp(ep, 'HPE_INVALID_CONSTANT'),
    thrown(() => decodeBody(Buffer.from('x'), 'text/plain; charset=x-klingon', 'text')),
    thrown(() => decodeBody(Buffer.from([0x61, 0xff, 0x62]), 'application/json', 'json')),
    thrown(() => decodeBody(Buffer.from([0xff, 0xfe, 0x00, 0xd8]), 'text/plain; charset=utf-16le', 'text')),
    thrown(() => decodeBody(Buffer.from([0x61, 0xc3]), 'text/plain; charset=utf-8', 'text')),
  ];
}

describe('every sentence of the network layer and the XS4 Face client', () => {
  it('network errors, and the same mapped to XS4 Face words for every request', () => {
    const net = netErrors();
    expectSaidEverywhere(...net);
    for (const route of ROUTES) {
      const mapped = net.map((e) => fromNetError(e, route));
      expectSaidEverywhere(...mapped);
    }
  });

  it('every HTTP answer, with and without the server saying why', () => {
    for (const route of ROUTES)
      for (const status of [400, 401, 403, 404, 409, 429, 500, 503])
        expectSaidEverywhere(
          fromHttpStatus(status, route, undefined),
          fromHttpStatus(status, route, 'The company name is refused.'),
        );
  });

  it('answers that cannot be read, the server choice, tokens, addresses and ids', () => {
    const reasons = [
      'face.badResponse.notJson',
      'face.badResponse.noContentType',
      'face.badResponse.notUtf8',
      'face.badResponse.unknownCharset',
      'face.badResponse.badCharset',
      'face.badResponse.invalidJson',
      'face.badResponse.shape',
      'face.badResponse.noAuthKey',
    ];
    for (const route of ROUTES)
      expectSaidEverywhere(...reasons.map((r) => badResponse(route, text(r, { contentType: 'text/html' }))));
    const site = { id: 's', name: 'Main', servers: [{ id: 'a', name: 'A', online: true }] };
    const two = { ...site, servers: [...site.servers, { id: 'b', name: 'B', online: false }] };
    expectSaidEverywhere(
      thrown(() => selectServer([two])),
      thrown(() => selectServer([])),
      thrown(() => selectServer([two], { siteId: 's', serverId: 'x' })),
      thrown(() => selectServer([], { siteId: 's', serverId: 'x' })),
      thrown(() => staticTokenProvider(' ')),
      thrown(() => staticTokenProvider('a\nb')),
      thrown(() => faceApiEndpoint('http://face.local/')),
      thrown(() => faceApiEndpoint('https://face.local/app/#/x')),
      thrown(() => faceApiEndpoint('https://face.local:99999/')),
      thrown(() => parseServiceUrl('ftp://face.local/', 'spaceUrl')),
      thrown(() => parseServiceUrl('https://face.local/?q', 'spaceUrl')),
      thrown(() => parseServiceUrl('https://u@face.local/', 'spaceUrl')),
      thrown(() => parseServiceUrl('::', 'spaceUrl')),
      thrown(() => validateHost('10.1.1', 'spaceHost')),
      thrown(() => validateHost('a'.repeat(300), 'spaceHost')),
      thrown(() => validatePort('0', 'spacePort')),
      thrown(() => checkFaceId('changeId', '../x')),
    );
    for (const s of ['connected', 'unauthorized', 'disconnected', 'unconfigured'] as const)
      expectSaidEverywhere(consoleStatusText(s));
  });

  it('zod issues of every kind', () => {
    const cases: Array<[z.ZodType, unknown]> = [
      [z.object({ companyName: z.string().min(1) }), { companyName: '' }],
      [z.object({ companyName: z.string().min(3) }), { companyName: 'a' }],
      [z.object({ companyName: z.string().max(3) }), { companyName: 'abcd' }],
      [z.object({ port: z.number().min(1) }), { port: 0 }],
      [z.object({ port: z.number().max(9) }), { port: 10 }],
      [z.object({ ids: z.array(z.string()).min(1) }), { ids: [] }],
      [z.object({ ids: z.array(z.string()).max(1) }), { ids: ['a', 'b'] }],
      [z.object({ token: z.string() }), {}],
      [z.object({ token: z.string() }), { token: 1 }],
      [z.object({ port: z.number() }), { port: 'x' }],
      [z.object({ https: z.boolean() }), { https: 'x' }],
      [z.object({ ids: z.array(z.string()) }), { ids: 'x' }],
      [z.object({ language: z.enum(['en', 'fr']) }), { language: 'x' }],
      [z.object({}).strict(), { extra: 1 }],
      [z.object({ faceUrl: z.url() }), { faceUrl: 'x' }],
      [z.object({ port: z.union([z.literal('a'), z.number()]) }), { port: true }],
    ];
    expectSaidEverywhere(...cases.map(([schema, value]) => thrown(() => parse(schema, value, 'profile'))));
  });
});

const reach = (o: Partial<FaceReachableEvidence>): FaceReachableEvidence => ({
  url: 'https://xs4face.local/',
  checkedAt: '2026-06-01T00:00:00.000Z',
  certificate: cert,
  trustedBySystem: false,
  systemProblem: 'TLS_UNTRUSTED',
  tlsProtocol: 'TLSv1.3',
  pinnedFingerprint256: null,
  error: null,
  ...o,
});
const keyed = { code: 'FACE_TIMEOUT', message: 'm', remedy: 'r', key: 'errors.FACE_TIMEOUT.connect' };

describe('every verdict of the XS4 Face checks', () => {
  it('titles', () => {
    for (const c of faceChecks) expectSaidEverywhere(c.title);
  });

  it('face.reachable, face.signed-in, face.space-integration, enrollment.*', () => {
    const results: CheckResult[] = [
      evaluateFaceReachable(reach({})),
      evaluateFaceReachable(reach({ systemProblem: null })),
      evaluateFaceReachable(reach({ trustedBySystem: true })),
      evaluateFaceReachable(reach({ pinnedFingerprint256: cert.fingerprint256 })),
      evaluateFaceReachable(reach({ pinnedFingerprint256: 'CD'.repeat(32) })),
      evaluateFaceReachable(reach({ checkedAt: '2028-01-01T00:00:00.000Z' })),
      evaluateFaceReachable(reach({ certificate: null })),
      evaluateFaceReachable(reach({ certificate: null, error: keyed })),
    ];
    const signedIn: FaceSignedInEvidence = {
      user: 'tech@example.com',
      apiVersion: '1',
      servers: [{ siteId: 's', siteName: 'Site', serverId: 'v', serverName: 'VM', online: true }],
      selected: { siteId: 's', serverId: 'v' },
      selectionError: null,
      error: null,
    };
    const server = signedIn.servers[0]!;
    for (const e of [
      signedIn,
      { ...signedIn, servers: [{ ...server, pendingMessages: 1 }] },
      { ...signedIn, servers: [{ ...server, pendingMessages: 3 }] },
      { ...signedIn, servers: [{ ...server, online: false }] },
      { ...signedIn, apiVersion: '2' },
      { ...signedIn, apiVersion: null },
      { ...signedIn, selected: null },
      { ...signedIn, selectionError: keyed },
      { ...signedIn, error: { ...keyed, code: 'FACE_UNAUTHORIZED' } },
      { ...signedIn, error: keyed },
    ])
      results.push(evaluateFaceSignedIn(e));
    const space: FaceSpaceIntegrationEvidence = {
      added: true,
      status: 'connected',
      lastError: 'Nothing accepts connections on space.local:8100.',
      lastCheckedAt: '2026-06-01T00:00:00.000Z',
      host: 'space.local',
      port: 8100,
      https: true,
      shipApiKeySet: true,
      shipApiKeyFingerprint: 'aaaaaaaa',
      expectedShipApiKeyFingerprint: 'bbbbbbbb',
      error: null,
    };
    for (const e of [
      space,
      { ...space, lastCheckedAt: null, lastError: null, host: null },
      { ...space, status: 'unauthorized' as const },
      { ...space, status: 'unauthorized' as const, expectedShipApiKeyFingerprint: 'aaaaaaaa' },
      { ...space, status: 'unauthorized' as const, expectedShipApiKeyFingerprint: null },
      { ...space, status: 'disconnected' as const },
      { ...space, status: 'unconfigured' as const },
      { ...space, status: 'unconfigured' as const, shipApiKeySet: false },
      { ...space, status: null },
      { ...space, added: false },
      { ...space, error: keyed },
    ])
      results.push(evaluateFaceSpaceIntegration(e));
    for (const companyName of ['', 'test', 'Acme Doors S.L.'])
      results.push(evaluateCompanyName({ companyName, error: null }));
    results.push(evaluateCompanyName({ companyName: null, error: keyed }));
    const policy: PrivacyPolicyEvidence = {
      url: 'https://acme.example/privacy',
      fetched: [{ url: 'https://acme.example/privacy', httpStatus: 200 }],
      contentType: 'text/html',
      text: 'Usamos reconocimiento facial y datos biométricos; البيانات البيومترية.',
      error: null,
    };
    for (const e of [
      policy,
      { ...policy, text: 'cookies' },
      { ...policy, text: 'x' },
      { ...policy, contentType: 'application/pdf' },
      { ...policy, contentType: null },
      { ...policy, fetched: [{ url: policy.url!, httpStatus: 404 }] },
      { ...policy, fetched: [] },
      { ...policy, url: 'http://acme.example/p' },
      { ...policy, url: '' },
      { ...policy, error: keyed },
      { ...policy, url: null, error: keyed },
    ])
      results.push(evaluatePrivacyPolicy(e));
    for (const r of results) expectSaidEverywhere(...resultTexts(r));
  });

  it('the errors of their shared plumbing', () => {
    const ctx = (inputs: CheckContext['inputs']): CheckContext => ({
      inputs,
      signal: new AbortController().signal,
      timeoutMs: 1000,
      platform: 'linux',
      now: () => new Date(),
      dependencies: {},
    });
    expectSaidEverywhere(
      thrown(() => requireFaceUrl(ctx({}))),
      thrown(() => faceClientFor(ctx({ faceUrl: 'https://face.local/' }))),
    );
  });
});

describe("every finding of the runner and the registry's refusals", () => {
  const check = (id: string, o: Partial<Check<{ v: number }>> = {}): Check<{ v: number }> => ({
    id,
    title: text('checks.face.reachable.title'),
    evidenceSchema: z.object({ v: z.number() }),
    collect: () => Promise.resolve({ v: 1 }),
    evaluate: (e) => ({
      status: e.v > 0 ? 'pass' : 'fail',
      summary: text('joins.sentences', { first: 'a', rest: 'b' }),
    }),
    ...o,
  });

  it('skips, timeouts, deadlines, unreadable and invalid evidence', async () => {
    const stop = new AbortController();
    const live = await runChecks(
      [
        check('bad', { collect: () => Promise.resolve({ v: -1 }) }),
        check('after-bad', { dependsOn: ['bad'] }),
        check('broken', { collect: () => Promise.reject(new AppError('FACE_NOT_CONFIGURED')) }),
        check('after-broken', { dependsOn: ['broken'] }),
        check('win', { windowsOnly: true }),
        check('needs', { requires: ['faceUrl', 'faceToken', 'shipKey'] }),
        check('hangs', { collect: () => new Promise(() => {}) }),
        check('wrong', { collect: () => Promise.resolve({ v: 'x' } as never) }),
        check('throws', {
          evaluate: () => {
            throw new AppError('FACE_NO_TOKEN');
          },
        }),
      ],
      { platform: 'linux', timeoutMs: 100, signal: stop.signal },
    );
    const late = await runChecks(
      [check('slow', { collect: () => new Promise(() => {}) }), check('then', { dependsOn: ['slow'] })],
      {
        deadlineMs: 100,
        timeoutMs: 5000,
      },
    );
    setTimeout(() => stop.abort(), 50);
    const cancelled = await runChecks([check('c', { collect: () => new Promise(() => {}) })], {
      signal: stop.signal,
    });
    const offline = await evaluateEvidence(
      [check('gone'), check('missing-dep', { dependsOn: ['gone'] })],
      {},
    );
    for (const run of [live, late, cancelled, offline])
      for (const r of recordsInOrder(run)) expectSaidEverywhere(...resultTexts(r.result));
    expect(live.byId['hangs']?.result.code).toBe('CHECK_TIMEOUT');
    expect(late.byId['slow']?.result.code).toBe('RUN_DEADLINE');
  });

  it('a broken check list', () => {
    const c = (id: string, o: Partial<Check> = {}): Check =>
      check(id, o as Partial<Check<{ v: number }>>) as Check;
    const bundle = { textFile: 'x.txt', fromText: () => ({}), toText: () => '' };
    expectSaidEverywhere(
      thrown(() => buildRegistry([[c('Bad Id')]])),
      thrown(() => buildRegistry([[c('a'), c('a')]])),
      thrown(() => buildRegistry([[c('a', { bundle: { ...bundle, textFile: 'X.TXT' } })]])),
      thrown(() => buildRegistry([[c('a', { bundle }), c('b', { bundle })]])),
      thrown(() => buildRegistry([[c('a', { dependsOn: ['nope'] })]])),
      thrown(() => buildRegistry([[c('a', { dependsOn: ['b'] }), c('b', { dependsOn: ['a'] })]])),
    );
  });
});
