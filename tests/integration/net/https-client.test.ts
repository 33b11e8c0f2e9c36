// The trust-aware HTTP(S) client against real servers on 127.0.0.1: every failure kind caused for real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as https from 'node:https';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { httpRequest } from '../../../main/core/net/https-client';
import { makeCa, makeCert, expiredCert, wrongNameCert, type Pem } from '../../../scripts/sim/certs';
import { AppError } from '../../../main/core/errors';

const servers: Array<net.Server> = [];
const received: string[] = [];

function listen(server: net.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function httpsServer(pem: Pem, handler?: http.RequestListener): Promise<number> {
  return listen(
    https.createServer(
      { cert: pem.cert, key: pem.key },
      handler ??
        ((req, res) => {
          received.push(String(req.headers['salto-ship-key'] ?? ''));
          res.end('hello');
        }),
    ),
  );
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

let selfSigned: Pem;
let selfSignedPort: number;

beforeAll(async () => {
  selfSigned = makeCert();
  selfSignedPort = await httpsServer(selfSigned);
});

afterAll(() => {
  for (const s of servers) s.close();
});

describe('httpRequest trust', () => {
  it('refuses a self-signed certificate and sends nothing, reporting the certificate', async () => {
    received.length = 0;
    const err = await httpRequest({
      url: `https://127.0.0.1:${selfSignedPort}/`,
      headers: { 'Salto-SHIP-Key': 'canary' },
      timeoutMs: 3000,
    }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('TLS_UNTRUSTED');
    const cert = (err as AppError).detail?.certificate as { fingerprint256: string; selfSigned: boolean };
    expect(cert.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.selfSigned).toBe(true);
    expect(received).toEqual([]);
  });

  it('accepts the same certificate once its fingerprint is pinned', async () => {
    const err = (await httpRequest({ url: `https://127.0.0.1:${selfSignedPort}/`, timeoutMs: 3000 }).catch(
      (e: AppError) => e,
    )) as AppError;
    const fp = (err.detail?.certificate as { fingerprint256: string }).fingerprint256;
    const res = await httpRequest({
      url: `https://127.0.0.1:${selfSignedPort}/`,
      timeoutMs: 3000,
      trust: { pinnedFingerprint256: fp.toLowerCase().replace(/:/g, '') },
    });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hello');
    expect(res.tls?.trustedBy).toBe('pin');
  });

  it('refuses a replaced certificate with both fingerprints', async () => {
    const err = (await httpRequest({
      url: `https://127.0.0.1:${selfSignedPort}/`,
      timeoutMs: 3000,
      trust: { pinnedFingerprint256: 'AA'.repeat(32) },
    }).catch((e: AppError) => e)) as AppError;
    expect(err.code).toBe('TLS_PIN_MISMATCH');
    expect(err.detail?.expected).toBe(Array(32).fill('AA').join(':'));
    expect(err.detail?.actual).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('a pin is exclusive: another certificate is refused even when this machine trusts it (TLS inspection, misissue)', async () => {
    const ca = makeCa();
    const port = await httpsServer(makeCert({ issuer: ca, altNames: ['localhost'] }));
    const before = received.length;
    const err = (await httpRequest({
      url: `https://localhost:${port}/`,
      headers: { 'Salto-SHIP-Key': 'never-sent' },
      timeoutMs: 3000,
      trust: { extraCa: [ca.cert], pinnedFingerprint256: 'AB'.repeat(32) },
    }).catch((e: AppError) => e)) as AppError;
    expect(err.code).toBe('TLS_PIN_MISMATCH');
    expect(err.detail?.expected).toBe(Array(32).fill('AB').join(':'));
    expect(err.message).toContain(err.detail?.actual as string);
    expect(err.message).toContain(err.detail?.expected as string);
    expect(received.length).toBe(before);
  });

  it('trusts a CA-issued certificate through the CA, and checks the name', async () => {
    const ca = makeCa();
    const port = await httpsServer(makeCert({ issuer: ca, altNames: ['localhost'] }));
    const ok = await httpRequest({
      url: `https://localhost:${port}/`,
      timeoutMs: 3000,
      trust: { extraCa: [ca.cert] },
    });
    expect(ok.tls?.trustedBy).toBe('system');
    expect(
      await codeOf(
        httpRequest({ url: `https://127.0.0.1:${port}/`, timeoutMs: 3000, trust: { extraCa: [ca.cert] } }),
      ),
    ).toBe('TLS_NAME_MISMATCH');
  });

  it('tells an expired and a wrong-name certificate apart', async () => {
    const ca = makeCa();
    const expired = makeCert({
      issuer: ca,
      notBefore: new Date(Date.now() - 9e9),
      notAfter: new Date(Date.now() - 1e8),
    });
    const p1 = await httpsServer(expired);
    expect(
      await codeOf(
        httpRequest({ url: `https://localhost:${p1}/`, timeoutMs: 3000, trust: { extraCa: [ca.cert] } }),
      ),
    ).toBe('TLS_EXPIRED');
    expect(expiredCert().cert).toContain('BEGIN CERTIFICATE');
    expect(wrongNameCert().cert).toContain('BEGIN CERTIFICATE');
  });
});

describe('httpRequest failures', () => {
  it('nothing listening → NET_REFUSED', async () => {
    const s = net.createServer();
    const port = await listen(s);
    await new Promise((r) => s.close(r));
    expect(await codeOf(httpRequest({ url: `https://127.0.0.1:${port}/`, timeoutMs: 3000 }))).toBe(
      'NET_REFUSED',
    );
  });

  it('unknown name → NET_DNS', async () => {
    expect(await codeOf(httpRequest({ url: 'https://no-such-host.invalid:8100/', timeoutMs: 5000 }))).toBe(
      'NET_DNS',
    );
  });

  it('accepts and never answers → timeout, bounded', async () => {
    const port = await listen(net.createServer(() => {}));
    const t0 = Date.now();
    const code = await codeOf(httpRequest({ url: `https://127.0.0.1:${port}/`, timeoutMs: 500 }));
    expect(code).toBe('NET_CONNECT_TIMEOUT'); // TCP connected, but the TLS handshake never completed
    expect(Date.now() - t0).toBeLessThan(5000);
    const plain = await codeOf(httpRequest({ url: `http://127.0.0.1:${port}/`, timeoutMs: 500 }));
    expect(plain).toBe('NET_RESPONSE_TIMEOUT');
  });

  it('plain HTTP on the port → NET_PLAIN_HTTP_ON_TLS_PORT', async () => {
    const port = await listen(http.createServer((_q, r) => r.end('plain')));
    expect(await codeOf(httpRequest({ url: `https://127.0.0.1:${port}/`, timeoutMs: 3000 }))).toBe(
      'NET_PLAIN_HTTP_ON_TLS_PORT',
    );
  });

  it('caps the body and reports a dropped connection', async () => {
    const port = await listen(
      http.createServer((req, res) => {
        if (req.url === '/big') {
          res.write(Buffer.alloc(64 * 1024, 120));
          res.end(Buffer.alloc(64 * 1024, 120));
        } else {
          res.writeHead(200, { 'Content-Length': '1000' });
          res.write('partial');
          setTimeout(() => res.socket?.destroy(), 20);
        }
      }),
    );
    expect(
      await codeOf(
        httpRequest({ url: `http://127.0.0.1:${port}/`, path: 'big', timeoutMs: 3000, maxBodyBytes: 1000 }),
      ),
    ).toBe('NET_BODY_TOO_LARGE');
    expect(
      await codeOf(httpRequest({ url: `http://127.0.0.1:${port}/`, path: 'drop', timeoutMs: 3000 })),
    ).toBe('NET_CONNECTION_DROPPED');
  });

  it('cancels on the caller signal', async () => {
    const port = await listen(net.createServer(() => {}));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    expect(
      await codeOf(httpRequest({ url: `http://127.0.0.1:${port}/`, timeoutMs: 5000, signal: ac.signal })),
    ).toBe('CANCELLED');
  });
});
