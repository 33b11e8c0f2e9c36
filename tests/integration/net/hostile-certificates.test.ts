// Certificates a broken or hostile server presents: a malformed validity date must give a clear TLS failure naming the
// field, within the deadline, with nothing sent; never an exception thrown inside the TLS handler (a crash, or a call
// that never settles).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { httpRequest } from '../../../main/core/net/https-client';
import { probeTls, tlsFindings } from '../../../main/core/net/tls-probe';
import { probeShip } from '../../../main/core/space/ship-client';
import { inspectFaceCertificate } from '../../../main/core/face/face-trust';
import { AppError } from '../../../main/core/errors';
import { malformedDateCert } from '../../../scripts/sim/certs';

interface Hostile {
  port: number;
  /** Bytes the server received after the handshake (a request must never be written). */
  received: () => number;
  close(): void;
}

async function serve(field: 'notBefore' | 'notAfter'): Promise<Hostile> {
  const pem = malformedDateCert(field);
  let received = 0;
  const server = tls.createServer({ cert: pem.cert, key: pem.key }, (s) => {
    s.on('data', (d: Buffer) => (received += d.length));
    s.on('error', () => {});
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: () => server.close(),
  };
}

let before: Hostile;
let after: Hostile;
beforeAll(async () => {
  before = await serve('notBefore');
  after = await serve('notAfter');
});
afterAll(() => {
  before.close();
  after.close();
});

async function timed<T>(p: Promise<T>): Promise<{ value: T | undefined; error: unknown; ms: number }> {
  const t0 = Date.now();
  try {
    return { value: await p, error: undefined, ms: Date.now() - t0 };
  } catch (error) {
    return { value: undefined, error, ms: Date.now() - t0 };
  }
}

describe('a certificate with a malformed date', () => {
  it('httpRequest fails with TLS_CERT_MALFORMED naming the field, well within its deadline, and writes nothing', async () => {
    for (const [server, field] of [
      [before, 'valid_from'],
      [after, 'valid_to'],
    ] as const) {
      const r = await timed(
        httpRequest({
          url: `https://127.0.0.1:${server.port}/`,
          method: 'POST',
          headers: { 'Salto-SHIP-Key': 'never-sent-key' },
          body: '<x/>',
          timeoutMs: 3000,
        }),
      );
      expect(r.error).toBeInstanceOf(AppError);
      const e = r.error as AppError;
      expect(e.code).toBe('TLS_CERT_MALFORMED');
      expect(e.message).toContain(field);
      expect(e.message).toContain('Bad time value');
      expect(e.remedy).not.toBe('');
      expect(r.ms).toBeLessThan(2500);
    }
    expect(before.received()).toBe(0);
    expect(after.received()).toBe(0);
  });

  it('is refused even when its fingerprint was accepted (the pin proves identity, not that the certificate is sane)', async () => {
    const seen = await probeTls({ host: '127.0.0.1', port: before.port, timeoutMs: 3000 });
    const fp = seen.certificate!.fingerprint256;
    const r = await timed(
      httpRequest({
        url: `https://127.0.0.1:${before.port}/`,
        timeoutMs: 3000,
        trust: { pinnedFingerprint256: fp },
      }),
    );
    expect((r.error as AppError).code).toBe('TLS_CERT_MALFORMED');
    expect(before.received()).toBe(0);
  });

  it('probeTls reports the handshake with the problem named, and tlsFindings flags it', async () => {
    const r = await probeTls({ host: '127.0.0.1', port: after.port, timeoutMs: 3000 });
    expect(r.code).toBe('TLS_PROBE_OK');
    expect(r.certificate?.problems).toEqual(['valid_to: "Bad time value" is not a date']);
    expect(tlsFindings(r, new Date())).toContain('TLS_CERT_MALFORMED');
  });

  it('the SHIP probe says so without sending the key', async () => {
    const r = await probeShip({
      url: `https://127.0.0.1:${before.port}/`,
      key: 'never-sent-key',
      timeoutMs: 3000,
    });
    expect(r.code).toBe('SHIP_TLS_MALFORMED_CERTIFICATE');
    expect(r.keySent).toBe(false);
    expect(JSON.stringify(r.message)).toContain('valid_from');
    expect(before.received()).toBe(0);
  });

  it('the XS4 Face certificate check settles with a FACE code naming the field', async () => {
    const r = await timed(inspectFaceCertificate(`https://127.0.0.1:${after.port}/`, { timeoutMs: 3000 }));
    expect((r.error as AppError).code).toBe('FACE_TLS_MALFORMED_CERTIFICATE');
    expect((r.error as AppError).message).toContain('valid_to');
  });
});
