// TLS probe against the Space simulator and raw servers: every finding produced by a real handshake (or its absence).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { daysLeft, probeTls, tlsFindings } from '../../../main/core/net/tls-probe';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { AppError } from '../../../main/core/errors';
import { expectSaidEverywhere } from '../../helpers/catalog-words';

let sim: SpaceSimulator;
const servers: net.Server[] = [];
const day = 86_400_000;

function listen(server: net.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  sim = await startSpaceSimulator({ state: { key: 'k' } });
});

afterAll(async () => {
  await sim.close();
  for (const s of servers) s.close();
});

describe('probeTls findings from the simulator', () => {
  it('valid CA-issued certificate, trusted via extra CA, name matches', async () => {
    sim.setState({ https: true, certificate: 'valid' });
    const r = await probeTls({
      host: '127.0.0.1',
      port: sim.port,
      expectedName: 'localhost',
      extraCa: [sim.caCert],
      timeoutMs: 3000,
    });
    expect(r.code).toBe('TLS_PROBE_OK');
    expect(r.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(r.message).toBe(`127.0.0.1:${sim.port} completed a TLS handshake (${r.protocol}).`);
    expectSaidEverywhere(r.says);
    expect(r.chainTrusted).toBe(true);
    expect(r.nameMatches).toBe(true);
    expect(r.certificate?.subjectAltNames).toContain('DNS:localhost');
    expect(r.certificate?.issuer).toContain('Space Sim Test CA');
    expect(r.certificate?.fingerprint256).toBe(sim.fingerprint256);
    expect(r.chainSubjects.length).toBeGreaterThanOrEqual(1);
    expect(tlsFindings(r, new Date())).toEqual([]);
    expect(daysLeft(r.certificate!, new Date())).toBeGreaterThan(300);
  });

  it('the same certificate without the CA: chain untrusted', async () => {
    const r = await probeTls({ host: 'localhost', port: sim.port, timeoutMs: 3000 });
    expect(r.chainTrusted).toBe(false);
    expect(r.chainError).toBeTruthy();
    expect(tlsFindings(r, new Date())).toEqual(['TLS_CHAIN_UNTRUSTED']);
  });

  it('self-signed: self-signed and untrusted, pin reported', async () => {
    sim.setState({ certificate: 'self-signed' });
    const r = await probeTls({
      host: '127.0.0.1',
      port: sim.port,
      timeoutMs: 3000,
      pinnedFingerprint256: sim.fingerprint256.replace(/:/g, '').toLowerCase(),
    });
    expect(r.certificate?.selfSigned).toBe(true);
    expect(r.pinMatches).toBe(true);
    expect(tlsFindings(r, new Date())).toEqual(['TLS_CERT_SELF_SIGNED', 'TLS_CHAIN_UNTRUSTED']);
    const other = await probeTls({
      host: '127.0.0.1',
      port: sim.port,
      timeoutMs: 3000,
      pinnedFingerprint256: '00'.repeat(32),
    });
    expect(tlsFindings(other, new Date())).toContain('TLS_PIN_MISMATCH');
  });

  it('expired: negative days left', async () => {
    sim.setState({ certificate: 'expired' });
    const r = await probeTls({
      host: '127.0.0.1',
      port: sim.port,
      expectedName: 'localhost',
      extraCa: [sim.caCert],
      timeoutMs: 3000,
    });
    expect(r.code).toBe('TLS_PROBE_OK');
    expect(tlsFindings(r, new Date())).toContain('TLS_CERT_EXPIRED');
    expect(daysLeft(r.certificate!, new Date())).toBeLessThan(0);
  });

  it('wrong name: the name XS4 Face uses does not match', async () => {
    sim.setState({ certificate: 'wrong-name' });
    const r = await probeTls({
      host: '127.0.0.1',
      port: sim.port,
      expectedName: 'localhost',
      extraCa: [sim.caCert],
      timeoutMs: 3000,
    });
    expect(r.nameMatches).toBe(false);
    expect(r.chainTrusted).toBe(true);
    expect(tlsFindings(r, new Date())).toEqual(['TLS_NAME_MISMATCH']);
  });

  it('HTTPS off: plain HTTP on this port', async () => {
    sim.setState({ https: false });
    const r = await probeTls({ host: '127.0.0.1', port: sim.port, timeoutMs: 3000 });
    expect(r.code).toBe('NET_PLAIN_HTTP_ON_TLS_PORT');
    expect(r.tcpConnected).toBe(true);
    expect(r.certificate).toBeNull();
    sim.setState({ https: true });
  });
});

describe('probeTls on raw servers', () => {
  it('expires in 10 days: warns under 30', async () => {
    const ca = makeCa();
    const pem = makeCert({
      issuer: ca,
      altNames: ['localhost'],
      notAfter: new Date(Date.now() + 10 * day + 3600_000),
    });
    const port = await listen(https.createServer({ cert: pem.cert, key: pem.key }, (_q, r) => r.end()));
    const r = await probeTls({ host: 'localhost', port, extraCa: [ca.cert], timeoutMs: 3000 });
    expect(daysLeft(r.certificate!, new Date())).toBe(10);
    expect(tlsFindings(r, new Date())).toEqual(['TLS_CERT_EXPIRES_SOON']);
  });

  it('another plain HTTP server', async () => {
    const port = await listen(http.createServer((_q, r) => r.end('hi')));
    expect((await probeTls({ host: '127.0.0.1', port, timeoutMs: 3000 })).code).toBe(
      'NET_PLAIN_HTTP_ON_TLS_PORT',
    );
  });

  it('nothing listening', async () => {
    const s = net.createServer();
    const port = await listen(s);
    await new Promise((r) => s.close(r));
    const r = await probeTls({ host: '127.0.0.1', port, timeoutMs: 3000 });
    expect(r.code).toBe('NET_REFUSED');
    expect(r.tcpConnected).toBe(false);
    // What happened, as a catalog sentence every language can say, and the same in English for logs.
    expect(r.says.key).toBe('errors.NET_REFUSED.message');
    expect(r.message).toBe(`Nothing accepts connections on 127.0.0.1:${port}.`);
    expectSaidEverywhere(r.says);
  });

  it('accepts but never answers: bounded, told apart from a connect timeout', async () => {
    const port = await listen(net.createServer(() => {}));
    const t0 = Date.now();
    const r = await probeTls({ host: '127.0.0.1', port, timeoutMs: 400 });
    expect(r.code).toBe('TLS_PROBE_NO_ANSWER');
    expect(r.tcpConnected).toBe(true);
    expect(r.message).toBe(
      `127.0.0.1:${port} accepts connections but did not answer the TLS handshake within 400 ms.`,
    );
    expectSaidEverywhere(r.says);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('closes right after accepting: dropped, not OK', async () => {
    const port = await listen(net.createServer((s) => s.destroy()));
    const r = await probeTls({ host: '127.0.0.1', port, timeoutMs: 3000 });
    expect(r.code).not.toBe('TLS_PROBE_OK');
    expect(['NET_CONNECTION_DROPPED', 'TLS_HANDSHAKE_FAILED']).toContain(r.code);
  });

  it('unknown name → NET_DNS', async () => {
    expect((await probeTls({ host: 'no-such-space.invalid', port: 8100, timeoutMs: 5000 })).code).toBe(
      'NET_DNS',
    );
  });

  it('cancels on the caller signal', async () => {
    const port = await listen(net.createServer(() => {}));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await expect(
      probeTls({ host: '127.0.0.1', port, timeoutMs: 5000, signal: ac.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('probeTls bad input', () => {
  it.each([
    [{ host: 'bad_host', port: 443 }, 'host'],
    [{ host: '', port: 443 }, 'host'],
    [{ host: 'space.example', port: 0 }, 'port'],
    [{ host: 'space.example', port: 65536 }, 'port'],
    [{ host: 'space.example', port: '84a' }, 'port'],
    [{ host: 'space.example', port: 443, expectedName: 'a..b' }, 'expectedName'],
    [{ host: 'space.example', port: 443, pinnedFingerprint256: 'abc' }, 'pinnedFingerprint256'],
  ])('%j → %s', async (o, field) => {
    const err = await probeTls({ timeoutMs: 1000, ...o }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_INPUT');
    expect((err as AppError).detail?.field).toBe(field);
  });
});
