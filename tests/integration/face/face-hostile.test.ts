// Hostile servers: any body (random JSON, bytes, HTML, deep nesting) gives a FACE_* error or a clean value — never a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startFaceSimulator } from '../../../scripts/sim/face-server';
import { createFaceClient } from '../../../main/core/face/face-client';
import { staticTokenProvider } from '../../../main/core/face/token-provider';
import { AppError } from '../../../main/core/errors';

let served: { type: string; body: Buffer; status?: number } = {
  type: 'application/json',
  body: Buffer.from('{}'),
};
let server: https.Server;
let port: number;
let fp: string;

beforeAll(async () => {
  const pem = makeCert();
  server = https.createServer({ cert: pem.cert, key: pem.key }, (_req, res) => {
    res.writeHead(served.status ?? 200, { 'Content-Type': served.type }).end(served.body);
  });
  port = await new Promise<number>((r) =>
    server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
  );
  fp = new (await import('node:crypto')).X509Certificate(pem.cert).fingerprint256;
});
afterAll(() => server.close());

const client = () =>
  createFaceClient({
    baseUrl: `https://127.0.0.1:${port}/`,
    tokenProvider: staticTokenProvider('t'),
    pinnedFingerprint256: fp,
    timeoutMs: 3000,
    retries: 0,
  });

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe('hostile answers', () => {
  it('random JSON values never crash the client', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
        served = { type: 'application/json', body: Buffer.from(JSON.stringify(v)) };
        const code = await outcome(client().listSites());
        expect(['OK', 'FACE_BAD_RESPONSE']).toContain(code);
      }),
      { numRuns: 60 },
    );
  });

  it('random bytes under any content type give FACE_BAD_RESPONSE', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('application/json', 'text/html', 'text/plain', ''),
        async (bytes, type) => {
          served = { type: type || 'application/octet-stream', body: Buffer.from(bytes) };
          expect(await outcome(client().whoAmI())).toMatch(/^(OK|FACE_BAD_RESPONSE)$/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('JSON is decoded by its declared charset (UTF-16, ISO-8859-1); undeclared non-UTF-8 bytes are reported, not replaced', async () => {
    const who = JSON.stringify({ apiVersion: '1', user: 'técnico@hotel.es' });
    served = {
      type: 'application/json; charset=utf-16',
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(who, 'utf16le')]),
    };
    expect((await client().whoAmI()).user).toBe('técnico@hotel.es');
    served = { type: 'application/json; charset=ISO-8859-1', body: Buffer.from(who, 'latin1') };
    expect((await client().whoAmI()).user).toBe('técnico@hotel.es');
    served = { type: 'application/json', body: Buffer.from(who, 'latin1') };
    const e = await client()
      .whoAmI()
      .then(
        () => null,
        (x: unknown) => x as AppError,
      );
    expect(e?.code).toBe('FACE_BAD_RESPONSE');
    expect(e?.message).toMatch(/not valid UTF-8 and declares no charset/);
  });

  it('deeply nested JSON and huge numbers are refused cleanly', async () => {
    served = { type: 'application/json', body: Buffer.from('['.repeat(5000) + ']'.repeat(5000)) };
    expect(await outcome(client().whoAmI())).toBe('FACE_BAD_RESPONSE');
    served = {
      type: 'application/json',
      body: Buffer.from('{"apiVersion":"1","user":' + '9'.repeat(400) + '}'),
    };
    expect(await outcome(client().whoAmI())).toBe('FACE_BAD_RESPONSE');
  });
});

describe('install script integrity', () => {
  it('bytes that do not match the announced SHA-256 → FACE_SCRIPT_HASH_MISMATCH', async () => {
    const body = {
      fileName: 'Install.ps1',
      sha256: 'a'.repeat(64),
      contentBase64: Buffer.from('Write-Output 1').toString('base64'),
    };
    served = { type: 'application/json', body: Buffer.from(JSON.stringify(body)) };
    const e = (await client()
      .downloadInstallScript({ siteId: 's', serverId: 'v' })
      .catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('FACE_SCRIPT_HASH_MISMATCH');
    served = {
      type: 'application/json',
      body: Buffer.from(JSON.stringify({ ...body, fileName: '../evil.ps1' })),
    };
    expect(await outcome(client().downloadInstallScript({ siteId: 's', serverId: 'v' }))).toBe(
      'FACE_BAD_RESPONSE',
    );
  });
});

describe('echoed secrets', () => {
  it('a server that echoes the token back in an error or a value does not get it into the app', async () => {
    const token = 'CANARY-token-echo-31c7';
    const c = createFaceClient({
      baseUrl: `https://127.0.0.1:${port}/`,
      tokenProvider: staticTokenProvider(token),
      pinnedFingerprint256: fp,
      timeoutMs: 3000,
      retries: 0,
    });
    served = {
      status: 400,
      type: 'application/json',
      body: Buffer.from(JSON.stringify({ error: { code: 'bad', message: `token ${token} is odd` } })),
    };
    const e = (await c.whoAmI().catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('FACE_REJECTED');
    expect(e.message).toContain('[redacted]');
    expect(JSON.stringify([e.message, e.remedy, e.detail])).not.toContain(token);
    served = {
      type: 'application/json',
      body: Buffer.from(JSON.stringify({ apiVersion: '1', user: `you are ${token}` })),
    };
    expect((await c.whoAmI()).user).toBe('you are [redacted]');
  });
});

describe('system trust still checks the host name', () => {
  it('a CA-issued certificate passes for its name and is refused for another', async () => {
    const ca = makeCa('Internal CA');
    const sim = await startFaceSimulator({
      certificate: makeCert({ issuer: ca, altNames: ['localhost'] }),
      token: 't',
    });
    try {
      const ok = createFaceClient({
        baseUrl: `https://localhost:${sim.port}/`,
        tokenProvider: staticTokenProvider('t'),
        extraCa: [ca.cert],
        timeoutMs: 3000,
      });
      expect((await ok.whoAmI()).apiVersion).toBe('1');
      const wrongName = createFaceClient({
        baseUrl: `https://127.0.0.1:${sim.port}/`,
        tokenProvider: staticTokenProvider('t'),
        extraCa: [ca.cert],
        timeoutMs: 3000,
      });
      const e = await wrongName.whoAmI().catch((x: AppError) => x);
      expect((e as AppError).code).toBe('FACE_TLS_UNTRUSTED');
      expect((e as AppError).detail?.netCode).toBe('TLS_NAME_MISMATCH');
    } finally {
      await sim.close();
    }
  });
});
