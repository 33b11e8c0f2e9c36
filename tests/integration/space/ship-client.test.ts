// SHIP probe against the Space simulator (and raw socket servers for hostile answers): every outcome caused for real.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { probeShip, shipPost, type ShipProbeResult } from '../../../main/core/space/ship-client';
import { faceKeyFingerprint } from '../../../main/core/secrets/fingerprint';
import { parseServiceUrl } from '../../../main/core/net/endpoint';
import { parseShipResponse } from '../../../main/core/space/ship-xml';
import {
  DEFAULT_SPACE_SIM_STATE,
  startSpaceSimulator,
  type SpaceSimulator,
} from '../../../scripts/sim/space-simulator';
import { makeCert, type Pem } from '../../../scripts/sim/certs';
import { AppError } from '../../../main/core/errors';
import { en } from '../../../messages/render';

const KEY = 'k3y-For-Tests_0123456789';
let sim: SpaceSimulator;
const servers: net.Server[] = [];
let rawPem: Pem;
let rawFp: string;

beforeAll(async () => {
  sim = await startSpaceSimulator({ state: { key: KEY } });
  rawPem = makeCert();
  rawFp = new X509Certificate(rawPem.cert).fingerprint256;
});

afterAll(async () => {
  await sim.close();
  for (const s of servers) s.close();
});

beforeEach(() => sim.setState({ ...DEFAULT_SPACE_SIM_STATE, key: KEY }));

const pinned = (extra: Partial<Parameters<typeof probeShip>[0]> = {}): Promise<ShipProbeResult> =>
  probeShip({
    url: sim.url,
    key: KEY,
    trust: { pinnedFingerprint256: sim.fingerprint256 },
    timeoutMs: 5000,
    ...extra,
  });

function listen(server: net.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A TLS server that writes whatever the test wants once it has read the request head. */
async function rawTls(onRequest: (s: tls.TLSSocket) => void): Promise<string> {
  const port = await listen(
    tls.createServer({ cert: rawPem.cert, key: rawPem.key }, (s) => {
      s.on('error', () => s.destroy());
      let seen = '';
      s.on('data', (c: Buffer) => {
        const before = seen.includes('\r\n\r\n');
        seen += c.toString('latin1');
        if (!before && seen.includes('\r\n\r\n')) onRequest(s);
      });
    }),
  );
  return `https://127.0.0.1:${port}/`;
}

describe('SHIP answers in the charset Space declares', () => {
  const ES = 'Licencia no válida para esta opción';
  it.each(['utf-8', 'utf-16le', 'utf-16be', 'iso-8859-1', 'windows-1252'] as const)(
    '%s: a Spanish licence exception reads correctly, and GetInfo parses',
    async (charset) => {
      sim.setState({ charset, defaultLanguage: 'spa', licence: 'missing' });
      const r = await pinned();
      expect(r.code).toBe('SHIP_LICENCE_MISSING');
      expect(r.exception).toEqual({ code: 13, message: ES });
      expect(en(r.message)).toContain(ES);
      sim.setState({ licence: 'present' });
      const ok = await pinned();
      expect(ok.code).toBe('SHIP_OK');
      expect(ok.getInfo?.defaultLanguage).toBe('spa');
    },
  );

  it('an answer that declares no charset and is not UTF-8 is reported, not decoded with replacement characters', async () => {
    const url = await rawTls((s) => {
      const body = Buffer.from(
        `<RequestResponse><RequestName>GetInfo</RequestName><Exception><Code>13</Code><Message>${ES}</Message></Exception></RequestResponse>`,
        'latin1',
      );
      s.end(
        Buffer.concat([
          Buffer.from(
            `HTTP/1.1 200 OK\r\nContent-Type: application/vnd.saltosystems.ship.v1+xml\r\nContent-Length: ${body.length}\r\n\r\n`,
          ),
          body,
        ]),
      );
    });
    const r = await probeShip({ url, key: KEY, trust: { pinnedFingerprint256: rawFp }, timeoutMs: 3000 });
    expect(r.code).toBe('SHIP_UNDECODABLE');
    expect(en(r.message)).toMatch(/declares no charset/);
    expect(en(r.message)).not.toContain('\ufffd');
  });
});

describe('SHIP outcomes from the simulator', () => {
  it('OK over a pinned self-signed certificate: version, Space time, skew; key seen only as a fingerprint', async () => {
    sim.setState({ clockOffsetSeconds: 300 });
    const r = await pinned();
    expect(r.code).toBe('SHIP_OK');
    expect(r.ok).toBe(true);
    expect(r.keySent).toBe(true);
    expect(r.trustedBy).toBe('pin');
    expect(r.getInfo?.protocolVersion).toBe('1.0');
    expect(r.getInfo?.protocolId).toBe('SHIP');
    expect(r.protocolSupported).toBe(true);
    expect(Math.abs((r.clockSkewSeconds ?? 0) - 300)).toBeLessThanOrEqual(2);
    expect(r.keyFingerprint).toBe(faceKeyFingerprint(KEY));
    expect(sim.lastKeyFingerprint).toBe(faceKeyFingerprint(KEY));
    expect(JSON.stringify(r)).not.toContain(KEY);
  });

  it('OK over a CA-issued certificate trusted through extraCa', async () => {
    sim.setState({ certificate: 'valid' });
    const r = await probeShip({
      url: `https://localhost:${sim.port}/`,
      key: KEY,
      trust: { extraCa: [sim.caCert] },
      timeoutMs: 5000,
    });
    expect(r.code).toBe('SHIP_OK');
    expect(r.trustedBy).toBe('system');
  });

  it('reports an unsupported protocol version', async () => {
    sim.setState({ protocolVersion: '2.0' });
    const r = await pinned();
    expect(r.code).toBe('SHIP_OK');
    expect(r.protocolSupported).toBe(false);
  });

  it('401 with a wrong key → SHIP_UNAUTHORIZED, naming both places of the key', async () => {
    const r = await pinned({ key: 'another-key' });
    expect(r.code).toBe('SHIP_UNAUTHORIZED');
    expect(r.httpStatus).toBe(401);
    expect(r.keySent).toBe(true);
    expect(en(r.remedy ?? '')).toContain('SHIP tab');
    expect(en(r.remedy ?? '')).toContain('SHIP API Key');
    expect(en(r.message) + en(r.remedy ?? '')).not.toContain('another-key');
  });

  it('401 with no key given → SHIP_KEY_REQUIRED, says the key was not sent', async () => {
    const r = await pinned({ key: undefined });
    expect(r.code).toBe('SHIP_KEY_REQUIRED');
    expect(r.keySent).toBe(false);
    expect(r.keylessReason).toBe('no-key-given');
  });

  it('auth none, no key given: SHIP answering without a key is its own failure, with the SHIP tab as the remedy', async () => {
    sim.setState({ auth: 'none' });
    const r = await pinned({ key: undefined });
    expect(r.code).toBe('SHIP_NO_AUTHENTICATION');
    expect(r.ok).toBe(false);
    expect(r.keySent).toBe(false);
    expect(en(r.remedy ?? '')).toContain('System › General options › SHIP');
    expect(en(r.remedy ?? '')).toContain('custom authentication');
  });

  it('auth none with the key: the keyed GetInfo succeeds, the key-less one too, so it is SHIP_NO_AUTHENTICATION, not OK', async () => {
    sim.setState({ auth: 'none' });
    const before = sim.keyedRequests;
    const r = await pinned();
    expect(r.code).toBe('SHIP_NO_AUTHENTICATION');
    expect(r.ok).toBe(false);
    expect(r.keySent).toBe(true);
    expect(r.withoutKey).toEqual({ code: 'SHIP_OK', httpStatus: 200 });
    expect(en(r.message)).toMatch(/also answers without the key/);
    // One keyed request, then one without: the key was not sent twice.
    expect(sim.keyedRequests - before).toBe(1);
  });

  it('custom authentication is verified: the key-less GetInfo is refused with 401', async () => {
    const r = await pinned();
    expect(r.code).toBe('SHIP_OK');
    expect(r.withoutKey).toEqual({ code: 'SHIP_KEY_REQUIRED', httpStatus: 401 });
  });

  it('basic authentication is told apart by its challenge (WWW-Authenticate: Basic), with or without a key', async () => {
    sim.setState({ auth: 'basic' });
    for (const key of [KEY, undefined]) {
      const r = await pinned({ key });
      expect(r.code).toBe('SHIP_BASIC_AUTH');
      expect(r.httpStatus).toBe(401);
      expect(en(r.message)).toContain('basic authentication');
      expect(en(r.remedy ?? '')).toContain('custom authentication');
    }
  });

  it('"Limit communications to one server" set to another address: 403, the setting named as the likely cause', async () => {
    sim.setState({ limitTo: '192.0.2.10' });
    const r = await pinned();
    expect(r.code).toBe('SHIP_FORBIDDEN');
    expect(r.httpStatus).toBe(403);
    expect(en(r.remedy ?? '')).toContain('Limit communications to one server');
    sim.setState({ limitTo: '127.0.0.1' });
    expect((await pinned()).code).toBe('SHIP_OK');
  });

  it('STP-only transport → 501 SHIP_HTTP_TRANSPORT_DISABLED', async () => {
    sim.setState({ transport: 'stp-only' });
    const r = await pinned();
    expect(r.code).toBe('SHIP_HTTP_TRANSPORT_DISABLED');
    expect(r.httpStatus).toBe(501);
    expect(en(r.remedy ?? '')).toContain('HTTP(S)');
  });

  it('old Space → 415 SHIP_VERSION_UNSUPPORTED', async () => {
    sim.setState({ spaceVersion: '6.4.3.0' });
    expect((await pinned()).code).toBe('SHIP_VERSION_UNSUPPORTED');
  });

  it('licence missing / constrained → Exception 13 / 14', async () => {
    sim.setState({ licence: 'missing' });
    const m = await pinned();
    expect(m.code).toBe('SHIP_LICENCE_MISSING');
    expect(m.exception?.code).toBe(13);
    sim.setState({ licence: 'constrained' });
    const c = await pinned();
    expect(c.code).toBe('SHIP_LICENCE_CONSTRAINT');
    expect(c.exception?.code).toBe(14);
  });

  it('shipPost refuses to put the key on plain HTTP, before any connection', async () => {
    await expect(
      shipPost(parseServiceUrl(`http://127.0.0.1:${sim.port}/`), 'GetInfo', { key: KEY, timeoutMs: 3000 }),
    ).rejects.toMatchObject({ code: 'SHIP_KEY_NEEDS_HTTPS' });
  });

  it('unknown request → Exception 502 from the simulator', async () => {
    const res = await shipPost(parseServiceUrl(sim.url), 'NoSuchRequest', {
      key: KEY,
      trust: { pinnedFingerprint256: sim.fingerprint256 },
      timeoutMs: 5000,
    });
    expect(parseShipResponse(res.body).exception).toEqual({ code: 502, message: 'Unknown request' });
  });

  it('SHIP add-on off → the web service answers HTML: SHIP_NOT_SHIP', async () => {
    sim.setState({ shipEnabled: false });
    const r = await pinned();
    expect(r.code).toBe('SHIP_NOT_SHIP');
    expect(r.httpStatus).toBe(404);
  });

  it('wrong path → SHIP_NOT_SHIP', async () => {
    const r = await probeShip({
      url: `${sim.url}ship/`,
      key: KEY,
      trust: { pinnedFingerprint256: sim.fingerprint256 },
      timeoutMs: 5000,
    });
    expect(r.code).toBe('SHIP_NOT_SHIP');
  });

  it('HTTPS off: https URL → SHIP_PLAIN_HTTP; http URL → SHIP_PLAIN_HTTP with a key-less probe; the key never sent', async () => {
    sim.setState({ https: false });
    const before = sim.keyedRequests;
    const a = await probeShip({ url: `https://127.0.0.1:${sim.port}/`, key: KEY, timeoutMs: 5000 });
    expect(a.code).toBe('SHIP_PLAIN_HTTP');
    expect(a.keySent).toBe(false);
    expect(a.keylessReason).toBe('plain-http');
    expect(a.keylessProbe).toEqual({ code: 'SHIP_KEY_REQUIRED', httpStatus: 401, shipPresent: true });
    expect(en(a.message)).toMatch(/without it, over/);
    const b = await probeShip({ url: `http://127.0.0.1:${sim.port}/`, key: KEY, timeoutMs: 5000 });
    expect(b.code).toBe('SHIP_PLAIN_HTTP');
    expect(b.keySent).toBe(false);
    expect(b.keylessReason).toBe('plain-http');
    expect(b.keylessProbe).toEqual({ code: 'SHIP_KEY_REQUIRED', httpStatus: 401, shipPresent: true });
    expect(sim.keyedRequests).toBe(before);
  });
});

describe('SHIP over unverified certificates: the key is never sent', () => {
  it('self-signed, not accepted → SHIP_TLS_UNTRUSTED and a key-less probe that finds SHIP', async () => {
    const before = sim.keyedRequests;
    const r = await probeShip({ url: sim.url, key: KEY, timeoutMs: 5000 });
    expect(r.code).toBe('SHIP_TLS_UNTRUSTED');
    expect(r.keySent).toBe(false);
    expect(r.keylessReason).toBe('certificate-not-verified');
    expect(r.keylessProbe).toEqual({ code: 'SHIP_KEY_REQUIRED', httpStatus: 401, shipPresent: true });
    expect(r.certificate?.fingerprint256).toBe(sim.fingerprint256);
    expect(en(r.message)).toMatch(/without it, over/);
    expect(sim.keyedRequests).toBe(before);
  });

  it('expired → SHIP_TLS_EXPIRED; wrong name → SHIP_TLS_NAME_MISMATCH', async () => {
    sim.setState({ certificate: 'expired' });
    expect(
      (
        await probeShip({
          url: `https://localhost:${sim.port}/`,
          key: KEY,
          trust: { extraCa: [sim.caCert] },
          timeoutMs: 5000,
        })
      ).code,
    ).toBe('SHIP_TLS_EXPIRED');
    sim.setState({ certificate: 'wrong-name', shipEnabled: false });
    const w = await probeShip({
      url: `https://localhost:${sim.port}/`,
      key: KEY,
      trust: { extraCa: [sim.caCert] },
      timeoutMs: 5000,
    });
    expect(w.code).toBe('SHIP_TLS_NAME_MISMATCH');
    expect(w.keylessProbe?.shipPresent).toBe(false);
    expect(w.keylessProbe?.code).toBe('SHIP_NOT_SHIP');
  });

  it('replaced certificate → SHIP_TLS_PIN_MISMATCH without any further request', async () => {
    const before = sim.keyedRequests;
    const r = await probeShip({
      url: sim.url,
      key: KEY,
      trust: { pinnedFingerprint256: 'ab'.repeat(32) },
      timeoutMs: 5000,
    });
    expect(r.code).toBe('SHIP_TLS_PIN_MISMATCH');
    expect(r.keylessReason).toBe('certificate-not-verified');
    expect(r.keylessProbe).toBeNull();
    expect(sim.keyedRequests).toBe(before);
  });
});

describe('SHIP unreachable, told apart', () => {
  it('refused, DNS, accepts-but-never-answers', async () => {
    const s = net.createServer();
    const port = await listen(s);
    await new Promise((r) => s.close(r));
    expect((await probeShip({ url: `https://127.0.0.1:${port}/`, key: KEY, timeoutMs: 3000 })).code).toBe(
      'SHIP_UNREACHABLE_REFUSED',
    );
    expect(
      (await probeShip({ url: 'https://no-such-space.invalid:8100/', key: KEY, timeoutMs: 5000 })).code,
    ).toBe('SHIP_UNREACHABLE_DNS');
    const silent = await listen(net.createServer(() => {}));
    const t0 = Date.now();
    expect((await probeShip({ url: `https://127.0.0.1:${silent}/`, key: KEY, timeoutMs: 400 })).code).toBe(
      'SHIP_UNREACHABLE_TIMEOUT',
    );
    expect((await probeShip({ url: `http://127.0.0.1:${silent}/`, key: KEY, timeoutMs: 400 })).code).toBe(
      'SHIP_NO_ANSWER',
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('hostile servers are bounded', () => {
  const probeRaw = (url: string, timeoutMs = 3000): Promise<ShipProbeResult> =>
    probeShip({ url, key: KEY, trust: { pinnedFingerprint256: rawFp }, timeoutMs });

  it('megabytes of body → SHIP_RESPONSE_TOO_LARGE', async () => {
    const url = await rawTls((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = (): void => {
        for (let i = 0; i < 8 && !s.destroyed; i++)
          s.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`);
        if (!s.destroyed) setImmediate(pump);
      };
      pump();
    });
    expect((await probeRaw(url)).code).toBe('SHIP_RESPONSE_TOO_LARGE');
  });

  it('never-ending headers → SHIP_RESPONSE_TOO_LARGE', async () => {
    const url = await rawTls((s) => {
      s.write('HTTP/1.1 200 OK\r\n');
      const pump = (): void => {
        if (s.destroyed) return;
        s.write(`X-Filler: ${'y'.repeat(1000)}\r\n`);
        setImmediate(pump);
      };
      pump();
    });
    expect((await probeRaw(url)).code).toBe('SHIP_RESPONSE_TOO_LARGE');
  });

  it('trickles bytes forever → SHIP_NO_ANSWER within the deadline', async () => {
    const url = await rawTls((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n');
      const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write('<')), 50);
    });
    const t0 = Date.now();
    const r = await probeRaw(url, 600);
    expect(r.code).toBe('SHIP_NO_ANSWER');
    // The request (with the key) was written to the verified server before it stalled: say so.
    expect(r.keySent).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('malformed XML and entity bombs → SHIP_MALFORMED_RESPONSE; HTML → SHIP_NOT_SHIP', async () => {
    const answer = (body: string, type: string) => (s: tls.TLSSocket) =>
      s.end(
        `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    expect(
      (
        await probeRaw(
          await rawTls(
            answer('<RequestResponse><Params></RequestResponse>', 'application/vnd.saltosystems.ship.v1+xml'),
          ),
        )
      ).code,
    ).toBe('SHIP_MALFORMED_RESPONSE');
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><RequestResponse><RequestName>&b;</RequestName></RequestResponse>';
    expect((await probeRaw(await rawTls(answer(bomb, 'application/xml')))).code).toBe(
      'SHIP_MALFORMED_RESPONSE',
    );
    expect(
      (await probeRaw(await rawTls(answer('<!DOCTYPE html><html><body>IIS</body></html>', 'text/html'))))
        .code,
    ).toBe('SHIP_NOT_SHIP');
    const fixtureLike =
      '<?xml version="1.0" encoding="UTF-8"?>\n<RequestResponse>\n   <RequestName> GetInfo </RequestName>\n   <Exception>\n       <Code> 4 </Code>\n       <Message> General error </Message>\n   </Exception>\n</RequestResponse>';
    const ex = await probeRaw(await rawTls(answer(fixtureLike, 'application/vnd.saltosystems.ship.v1+xml')));
    expect(ex.code).toBe('SHIP_EXCEPTION');
    expect(ex.exception).toEqual({ code: 4, message: 'General error' });
    expect(en(ex.message)).toContain('Exception 4: General error');
  });

  it('something that is not HTTP at all → not SHIP or dropped, never OK', async () => {
    const url = await rawTls((s) => s.end('SSH-2.0-OpenSSH_9.6\r\n'));
    expect(['SHIP_NOT_SHIP', 'SHIP_CONNECTION_DROPPED']).toContain((await probeRaw(url)).code);
  });
});

describe('bad input names the field and the rule', () => {
  const fieldOf = async (p: Promise<unknown>): Promise<unknown> => {
    try {
      await p;
      return 'no error';
    } catch (e) {
      expect((e as AppError).code).toBe('INVALID_INPUT');
      return (e as AppError).detail?.field;
    }
  };
  it.each([
    ['https://bad_host:8100/', 'spaceUrl'],
    ['https://space.example:0/', 'spaceUrl'],
    ['https://space.example:70000/', 'spaceUrl'],
    ['https://user:pw@space.example:8100/', 'spaceUrl'],
    ['ftp://space.example:8100/', 'spaceUrl'],
    ['javascript:alert(1)', 'spaceUrl'],
  ])('%s', async (url, field) => {
    expect(await fieldOf(probeShip({ url, key: KEY, timeoutMs: 1000 }))).toBe(field);
  });
  it('a key with a line break or a malformed pin', async () => {
    expect(await fieldOf(probeShip({ url: sim.url, key: 'a\r\nX-Evil: 1', timeoutMs: 1000 }))).toBe(
      'shipKey',
    );
    expect(
      await fieldOf(
        probeShip({ url: sim.url, key: KEY, trust: { pinnedFingerprint256: 'zz' }, timeoutMs: 1000 }),
      ),
    ).toBe('spacePinnedFingerprint256');
  });
});
