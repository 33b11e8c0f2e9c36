// The XS4 Face client against the simulator over real HTTPS: every error code caused by the real condition, writes read back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startFaceSimulator, type FaceSimulator } from '../../../scripts/sim/face-server';
import {
  createFaceClient,
  selectServer,
  type FaceClient,
  type FaceClientOptions,
} from '../../../main/core/face/face-client';
import { inspectFaceCertificate } from '../../../main/core/face/face-trust';
import { staticTokenProvider } from '../../../main/core/face/token-provider';
import { faceKeyFingerprint } from '../../../main/core/secrets/fingerprint';
import { AppError } from '../../../main/core/errors';
import { renderText } from '../../../messages/render';
import { startShipEndpoint, type ShipEndpoint } from '../../helpers/ship-endpoint';

const CANARY = 'CANARY-ship-key-7f3a91';
let sim: FaceSimulator;
let ship: ShipEndpoint;
const extra: net.Server[] = [];

function client(o: Partial<FaceClientOptions> = {}): FaceClient {
  return createFaceClient({
    baseUrl: sim.url,
    tokenProvider: staticTokenProvider(sim.token),
    pinnedFingerprint256: sim.fingerprint256,
    timeoutMs: 3000,
    retries: 0,
    pollIntervalMs: 50,
    ...o,
  });
}

const target = (): { siteId: string; serverId: string } => ({ siteId: sim.siteId, serverId: sim.serverId });

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a failure');
}

function leaks(e: AppError, secret: string): boolean {
  return `${e.message} ${e.remedy} ${JSON.stringify(e.detail ?? {})}`.includes(secret);
}

beforeAll(async () => {
  sim = await startFaceSimulator({ shipTimeoutMs: 1500 });
  ship = await startShipEndpoint(CANARY);
  sim.setSpaceTrust({ fingerprint256: ship.fingerprint256 });
});

afterEach(() => sim.clearFaults());

afterAll(async () => {
  for (const s of extra) s.close();
  await ship.close();
  await sim.close();
});

describe('first contact and trust', () => {
  it('reports the certificate before anything is sent, then works once it is pinned', async () => {
    const report = await inspectFaceCertificate(sim.url, { timeoutMs: 3000 });
    expect(report.trustedBySystem).toBe(false);
    expect(report.problem).toBe('TLS_UNTRUSTED');
    expect(report.certificate.fingerprint256).toBe(sim.fingerprint256);
    expect(report.certificate.subject).toContain('xs4face.local');
    expect(report.certificate.validTo).toMatch(/^\d{4}-/);
    expect(sim.hits('whoami')).toBe(0);
    const me = await client({ pinnedFingerprint256: report.certificate.fingerprint256 }).whoAmI();
    expect(me).toEqual({ apiVersion: '1', user: 'technician@example.com' });
  });

  it('without a pin: FACE_TLS_UNTRUSTED with the certificate in detail', async () => {
    const e = await failure(client({ pinnedFingerprint256: undefined }).whoAmI());
    expect(e.code).toBe('FACE_TLS_UNTRUSTED');
    expect((e.detail?.certificate as { fingerprint256: string }).fingerprint256).toBe(sim.fingerprint256);
    expect(e.detail?.netCode).toBe('TLS_UNTRUSTED');
  });

  it("a pinned certificate that is not the server's: FACE_TLS_PIN_MISMATCH", async () => {
    const e = await failure(client({ pinnedFingerprint256: 'AB'.repeat(32) }).whoAmI());
    expect(e.code).toBe('FACE_TLS_PIN_MISMATCH');
    expect(e.detail?.expected).toBe(Array(32).fill('AB').join(':'));
    expect(e.detail?.actual).toBe(sim.fingerprint256);
  });

  it('a replaced certificate is refused with both fingerprints, and the token is not sent', async () => {
    const old = sim.fingerprint256;
    const before = sim.hits('whoami');
    const fresh = sim.replaceCertificate();
    try {
      const e = await failure(client({ pinnedFingerprint256: old }).whoAmI());
      expect(e.code).toBe('FACE_TLS_PIN_MISMATCH');
      expect(e.detail?.expected).toBe(old);
      expect(e.detail?.actual).toBe(fresh);
      expect(e.message).toContain(old);
      expect(e.message).toContain(fresh);
      expect(sim.hits('whoami')).toBe(before);
    } finally {
      sim.replaceCertificate();
    }
  });

  it('refuses http:// for the server address, naming the field', () => {
    expect(() =>
      createFaceClient({ baseUrl: 'http://127.0.0.1/', tokenProvider: staticTokenProvider('x') }),
    ).toThrow(/^XS4 Face server address: /);
  });
});

describe('server addresses and answers in words a technician can act on (issue 16)', () => {
  /** The error creating a client for this address throws, before anything is sent. */
  function refused(baseUrl: string): AppError {
    try {
      createFaceClient({ baseUrl, tokenProvider: staticTokenProvider('x') });
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    }
    throw new Error(`expected ${baseUrl} to be refused`);
  }

  it('an http:// address is refused saying XS4 Face needs https, naming the field by its label', () => {
    const e = refused('http://xs4face.example.local/');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.detail).toEqual({ field: 'faceUrl', rule: 'rules.url.faceHttps' });
    expect(e.message).toBe(
      'XS4 Face server address: must start with https://: XS4 Face accepts only encrypted (HTTPS) connections.',
    );
  });

  it('port 99999 is named as a bad port, not as a malformed URL', () => {
    const e = refused('https://xs4face.example.local:99999/');
    expect(e.detail).toEqual({ field: 'faceUrl', rule: 'rules.url.port' });
    expect(e.message).toBe(
      'XS4 Face server address: has the port 99999, but a port must be a whole number from 1 to 65535.',
    );
  });

  it('an address copied from the browser, with a path, is refused before any request: remove what follows the address', () => {
    const before = sim.hits('whoami');
    const e = refused(`${sim.url}app/sites/main/dashboard`);
    expect(e.detail).toEqual({ field: 'faceUrl', rule: 'rules.url.noPath' });
    expect(e.message).toBe(
      `XS4 Face server address: must be the server address alone: remove “/app/sites/main/dashboard” and keep ${new URL(sim.url).origin}/.`,
    );
    expect(refused(`${sim.url}#/integrations`).message).toContain('remove “/#/integrations”');
    expect(sim.hits('whoami')).toBe(before);
  });

  it('HTTP 429 says the server is busy and to wait, not to check the values entered', async () => {
    sim.setFaults({ status: { sites: 429 } });
    const e = await failure(client().listSites());
    expect(e.code).toBe('FACE_BUSY');
    // The server's own words follow ours, closed by one period however they end.
    expect(e.message).toBe(
      'The XS4 Face server is busy (HTTP 429) and did not handle the request about the sites and servers. The server said: “Injected HTTP 429”.',
    );
    expect(e.remedy).toBe('Wait a minute, then try again.');
  });

  it('HTTP 404 speaks of what was asked, without "sign-in check" or "contract version"', async () => {
    sim.setFaults({ status: { whoami: 404 } });
    const e = await failure(client().whoAmI());
    expect(e.code).toBe('FACE_NOT_FOUND');
    expect(e.message).toMatch(
      /^The XS4 Face server found nothing for the request about your account \(HTTP 404\)\./,
    );
    expect(`${e.message} ${e.remedy}`).not.toMatch(/sign-in check|contract version/);
  });

  it('an answer of the wrong shape is said in plain words; the paths stay in detail for support', async () => {
    sim.setFaults({ garbage: { 'enrollment.put': 'wrong-types' } });
    const e = await failure(
      client().updateEnrollment(target(), {
        companyName: 'Acme',
        privacyPolicyUrl: 'https://acme.example/p',
      }),
    );
    expect(e.code).toBe('FACE_BAD_RESPONSE');
    expect(e.message).toBe(
      "The XS4 Face server's answer about the Enrollment Service settings could not be read: some of its values are missing or not of the expected kind.",
    );
    expect(e.message).not.toMatch(/change\.changeId|unexpected shape/);
    expect(JSON.stringify(e.detail)).toContain('change.changeId');
    // And in the other languages, with the same facts.
    expect(renderText(e.texts().message, 'es')).toContain('servicio de registro');
    expect(renderText(e.texts().message, 'es')).not.toContain('could not be read');
  });
});

describe('unreachable and hung servers', () => {
  it('closed port → FACE_UNREACHABLE_REFUSED', async () => {
    const s = net.createServer();
    const port = await new Promise<number>((r) =>
      s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)),
    );
    await new Promise((r) => s.close(r));
    const e = await failure(client({ baseUrl: `https://127.0.0.1:${port}/` }).whoAmI());
    expect(e.code).toBe('FACE_UNREACHABLE_REFUSED');
    expect(e.detail?.netCode).toBe('NET_REFUSED');
  });

  it('unknown name → FACE_UNREACHABLE_DNS', async () => {
    const e = await failure(
      client({ baseUrl: 'https://no-such-xs4face.invalid/', timeoutMs: 8000 }).whoAmI(),
    );
    expect(e.code).toBe('FACE_UNREACHABLE_DNS');
  });

  it('a socket that accepts and never answers → FACE_TIMEOUT, bounded, retried for reads', async () => {
    let connections = 0;
    const s = net.createServer(() => connections++);
    extra.push(s);
    const port = await new Promise<number>((r) =>
      s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)),
    );
    const t0 = Date.now();
    const e = await failure(
      client({ baseUrl: `https://127.0.0.1:${port}/`, timeoutMs: 300, retries: 1, backoffMs: 10 }).whoAmI(),
    );
    expect(e.code).toBe('FACE_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(connections).toBe(2);
  });

  it('latency beyond the timeout → FACE_TIMEOUT in the response phase', async () => {
    sim.setFaults({ latencyMs: 1500 });
    const e = await failure(client({ timeoutMs: 400 }).whoAmI());
    expect(e.code).toBe('FACE_TIMEOUT');
    expect(e.detail?.phase).toBe('response');
  });
});

describe('HTTP and body failures', () => {
  it('wrong token → FACE_UNAUTHORIZED and the provider is told', async () => {
    let invalidated = 0;
    const e = await failure(
      client({
        tokenProvider: { getToken: () => Promise.resolve('wrong'), invalidate: () => invalidated++ },
      }).whoAmI(),
    );
    expect(e.code).toBe('FACE_UNAUTHORIZED');
    expect(e.detail?.status).toBe(401);
    expect(invalidated).toBe(1);
  });

  it('500 → FACE_SERVER_ERROR; 503 on a read is retried, on a write it is not', async () => {
    sim.setFaults({ status: { sites: 500 } });
    expect((await failure(client().listSites())).code).toBe('FACE_SERVER_ERROR');
    sim.setFaults({ status: { 'enrollment.get': 503, 'enrollment.put': 503 } });
    const g0 = sim.hits('enrollment.get');
    expect((await failure(client({ retries: 2, backoffMs: 10 }).getEnrollment(target()))).code).toBe(
      'FACE_SERVER_ERROR',
    );
    expect(sim.hits('enrollment.get') - g0).toBe(3);
    const p0 = sim.hits('enrollment.put');
    expect(
      (
        await failure(
          client({ retries: 2, backoffMs: 10 }).updateEnrollment(target(), {
            companyName: 'A',
            privacyPolicyUrl: 'https://example.com/p',
          }),
        )
      ).code,
    ).toBe('FACE_SERVER_ERROR');
    expect(sim.hits('enrollment.put') - p0).toBe(1);
    expect(sim.serverState().enrollment.companyName).not.toBe('A');
  });

  it('garbage JSON, HTML and wrong types → FACE_BAD_RESPONSE', async () => {
    sim.setFaults({ garbage: { whoami: 'invalid-json' } });
    expect((await failure(client().whoAmI())).code).toBe('FACE_BAD_RESPONSE');
    sim.setFaults({ garbage: { whoami: 'html' } });
    const html = await failure(client().whoAmI());
    expect(html.code).toBe('FACE_BAD_RESPONSE');
    expect(html.message).toContain('text/html');
    sim.setFaults({ garbage: { sites: 'wrong-types' } });
    const wt = await failure(client().listSites());
    expect(wt.code).toBe('FACE_BAD_RESPONSE');
    expect(JSON.stringify(wt.detail)).toContain('sites.0.id');
  });

  it('an oversized body is cut off → FACE_BAD_RESPONSE (too-large)', async () => {
    sim.setFaults({ garbage: { whoami: 'oversized' } });
    const e = await failure(client().whoAmI());
    expect(e.code).toBe('FACE_BAD_RESPONSE');
    expect(e.detail?.reason).toBe('too-large');
  });

  it('a truncated body (connection dropped mid-answer) → FACE_CONNECTION_DROPPED', async () => {
    sim.setFaults({ drop: ['whoami'] });
    const e = await failure(client().whoAmI());
    expect(e.code).toBe('FACE_CONNECTION_DROPPED');
  });

  it('terminal control characters are stripped from every string returned', async () => {
    sim.setFaults({ garbage: { whoami: 'control-chars' } });
    const me = await client().whoAmI();
    expect(me.user).toBe('[2J]0;ownedtechnician@example.com');
    // eslint-disable-next-line no-control-regex
    expect(me.user).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });
});

describe('Space integration: writes read back, statuses computed from a real SHIP endpoint', () => {
  it('goes unconfigured → connected → unauthorized → disconnected', async () => {
    const c = client();
    const t = selectServer(await c.listSites());
    expect(t).toEqual(target());
    const before = await c.listIntegrations(t);
    expect(before.available).toContain('salto-space');
    const added = await c.addIntegrations(t, ['salto-space']);
    expect(added.value.integrations.map((i) => i.type)).toContain('salto-space');
    expect(added.value.integrations[0]?.status).toBe('unconfigured');

    const applied = await c.updateSpaceIntegration(t, {
      host: '127.0.0.1',
      port: ship.port,
      https: true,
      shipApiKey: CANARY,
    });
    expect(applied.value.status).toBe('connected');
    expect(applied.value.shipApiKey).toEqual({ set: true, fingerprint: faceKeyFingerprint(CANARY) });
    expect(ship.keysSeen.at(-1)).toBe(CANARY);
    expect(JSON.stringify(applied)).not.toContain(CANARY);
    const listed = await c.listIntegrations(t);
    expect(listed.integrations[0]).toMatchObject({
      type: 'salto-space',
      status: 'connected',
      lastError: null,
    });
    expect(Date.parse(listed.integrations[0]!.lastCheckedAt ?? '')).not.toBeNaN();

    ship.setKey('a-different-key');
    const unauth = await c.getSpaceIntegration(t);
    expect(unauth.status).toBe('unauthorized');
    expect(unauth.lastError).toMatch(/401/);
    ship.setKey(CANARY);

    const off = await c.updateSpaceIntegration(t, { host: '127.0.0.1', port: 1, https: true });
    expect(off.value.status).toBe('disconnected');
    expect(off.value.lastError).toBeTruthy();
    expect(off.value.shipApiKey.fingerprint).toBe(faceKeyFingerprint(CANARY));
    await c.updateSpaceIntegration(t, { host: '127.0.0.1', port: ship.port, https: true });
    expect((await c.getSpaceIntegration(t)).status).toBe('connected');
  });

  it('a Space server that accepts and never answers → disconnected, bounded by the SHIP timeout', async () => {
    const hung = net.createServer(() => {});
    extra.push(hung);
    const port = await new Promise<number>((r) =>
      hung.listen(0, '127.0.0.1', () => r((hung.address() as AddressInfo).port)),
    );
    const c = client({ timeoutMs: 8000 });
    const r = await c.updateSpaceIntegration(target(), { host: '127.0.0.1', port, https: true });
    expect(r.value.status).toBe('disconnected');
    await c.updateSpaceIntegration(target(), { host: '127.0.0.1', port: ship.port, https: true });
  });

  it('bad input is refused before sending, naming the field', async () => {
    const c = client();
    expect(
      (await failure(c.updateSpaceIntegration(target(), { host: 'bad host!', port: 8100, https: true })))
        .detail?.field,
    ).toBe('spaceHost');
    expect(
      (await failure(c.updateSpaceIntegration(target(), { host: 'space', port: 70000, https: true }))).detail
        ?.field,
    ).toBe('spacePort');
    const k = await failure(
      c.updateSpaceIntegration(target(), {
        host: 'space',
        port: 8100,
        https: true,
        shipApiKey: `${CANARY}\n` + '\u001b',
      }),
    );
    expect(k.detail?.field).toBe('shipApiKey');
    expect(leaks(k, CANARY)).toBe(false);
    expect(
      (
        await failure(
          c.updateEnrollment(target(), { companyName: 'Acme', privacyPolicyUrl: 'http://acme.example/p' }),
        )
      ).detail?.field,
    ).toBe('privacyPolicyUrl');
  });

  it('a write the server accepts but does not apply → FACE_WRITE_NOT_APPLIED, without the key', async () => {
    sim.setFaults({ ignoreWrites: true });
    const e = await failure(
      client().updateSpaceIntegration(target(), {
        host: '127.0.0.1',
        port: ship.port,
        https: true,
        shipApiKey: `${CANARY}-new`,
      }),
    );
    expect(e.code).toBe('FACE_WRITE_NOT_APPLIED');
    expect(e.detail?.field).toBe('shipApiKeyFingerprint');
    expect(leaks(e, CANARY)).toBe(false);
    const e2 = await failure(
      client().updateEnrollment(target(), {
        companyName: 'Never Applied Ltd',
        privacyPolicyUrl: 'https://example.com/p',
      }),
    );
    expect(e2.code).toBe('FACE_WRITE_NOT_APPLIED');
    expect(e2.detail?.field).toBe('companyName');
  });

  it('a change the server reports failed → FACE_WRITE_FAILED, also after a pending wait', async () => {
    sim.setFaults({ failWrites: true });
    const t = target();
    const e = await failure(
      client().updateEnrollment(t, { companyName: 'Refused SL', privacyPolicyUrl: 'https://r.example/p' }),
    );
    expect(e.code).toBe('FACE_WRITE_FAILED');
    expect(e.message).toContain('refused the configuration');
    sim.setFaults({ failWrites: true, pendingMs: 200 });
    expect(
      (
        await failure(
          client().updateEnrollment(t, {
            companyName: 'Refused SL',
            privacyPolicyUrl: 'https://r.example/p',
          }),
        )
      ).code,
    ).toBe('FACE_WRITE_FAILED');
    expect((await client().getEnrollment(t)).companyName).not.toBe('Refused SL');
  });

  it('pending writes are waited for; past the deadline they are FACE_WRITE_PENDING', async () => {
    sim.setFaults({ pendingMs: 400 });
    const ok = await client().updateEnrollment(target(), {
      companyName: 'Acme Doors SL',
      privacyPolicyUrl: 'https://acme.example/privacy',
    });
    expect(ok.value).toEqual({
      companyName: 'Acme Doors SL',
      privacyPolicyUrl: 'https://acme.example/privacy',
    });
    expect(ok.waitedMs).toBeGreaterThanOrEqual(300);
    sim.setFaults({ pendingMs: 60_000 });
    const e = await failure(
      client({ pendingDeadlineMs: 300 }).updateEnrollment(target(), {
        companyName: 'Later SL',
        privacyPolicyUrl: 'https://later.example/p',
      }),
    );
    expect(e.code).toBe('FACE_WRITE_PENDING');
    expect(e.detail?.changeId).toMatch(/^chg-/);
    expect(e.remedy).toMatch(/pending messages/);
    expect((await client().getEnrollment(target())).companyName).toBe('Acme Doors SL');
  });

  it('General Options list the authentication key as a secret; a reset changes it and is verified', async () => {
    const c = client();
    const opts = await c.getSpaceGeneralOptions(target());
    const key = opts.find((o) => o.id === 'authenticationApiKey');
    expect(key?.secret).toBe(true);
    expect(key?.value.length).toBeGreaterThan(10);
    const r = await c.resetAuthenticationKey(target());
    const after = r.value.find((o) => o.id === 'authenticationApiKey');
    expect(after?.value).not.toBe(key?.value);
    expect(r.keyFingerprint).toBe(faceKeyFingerprint(after!.value));
    sim.setFaults({ ignoreWrites: true });
    const e = await failure(c.resetAuthenticationKey(target()));
    expect(e.code).toBe('FACE_WRITE_NOT_APPLIED');
    expect(leaks(e, after!.value)).toBe(false);
  });

  it('downloads the install script and checks its SHA-256', async () => {
    const s = await client().downloadInstallScript(target());
    expect(s.fileName).toMatch(/\.ps1$/);
    expect(s.content.toString('utf8')).toContain('Space install script');
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('several servers and no choice → FACE_SERVER_NOT_SELECTED listing them', () => {
    const sites = [
      {
        id: 's1',
        name: 'A',
        servers: [
          { id: 'x', name: 'X', online: true },
          { id: 'y', name: 'Y', online: false },
        ],
      },
    ];
    let err: AppError | undefined;
    try {
      selectServer(sites);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('FACE_SERVER_NOT_SELECTED');
    expect(err?.remedy).toContain('A › Y');
    expect(selectServer(sites, { siteId: 's1', serverId: 'y' })).toEqual({ siteId: 's1', serverId: 'y' });
  });
});
