// The Space simulator itself: Space-like page, admin endpoint (validated, never echoing the key), CLI flag errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../../main/core/net/https-client';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { KEY_ENV, parseSimArgs } from '../../../scripts/sim/space-server';
import { probeShip } from '../../../main/core/space/ship-client';
import { faceKeyFingerprint } from '../../../main/core/secrets/fingerprint';
import { AppError } from '../../../main/core/errors';

let sim: SpaceSimulator;
beforeAll(async () => {
  sim = await startSpaceSimulator({ state: { key: 'initial-key-123' } });
});
afterAll(() => sim.close());

const trust = (): { pinnedFingerprint256: string } => ({ pinnedFingerprint256: sim.fingerprint256 });

describe('Space simulator', () => {
  it('serves a Space-like HTML page on /', async () => {
    const res = await httpRequest({ url: sim.url, timeoutMs: 3000, trust: trust() });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    expect(res.body.toString()).toContain('ProAccess SPACE');
  });

  it('admin endpoint changes state, reports only the key fingerprint, refuses bad patches naming the field', async () => {
    const post = (body: string) =>
      httpRequest({
        url: sim.url,
        path: '__sim/state',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        timeoutMs: 3000,
        trust: trust(),
      });
    const ok = await post(
      JSON.stringify({ key: 'admin-set-key-9', faceRecognition: { 'Server address': '10.0.0.5' } }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).not.toContain('admin-set-key-9');
    expect(JSON.parse(ok.body.toString()).state.keyFingerprint).toBe(faceKeyFingerprint('admin-set-key-9'));
    expect(sim.state().faceRecognition).toEqual({ 'Server address': '10.0.0.5' });
    const probe = await probeShip({ url: sim.url, key: 'admin-set-key-9', trust: trust(), timeoutMs: 3000 });
    expect(probe.code).toBe('SHIP_OK');
    const bad = await post(JSON.stringify({ transport: 'carrier-pigeon' }));
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toContain('transport');
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ colour: 'blue' }))).status).toBe(400);
  });

  it('changing the certificate changes the fingerprint on the same port', async () => {
    const before = sim.fingerprint256;
    sim.setState({ certificate: 'valid' });
    expect(sim.fingerprint256).not.toBe(before);
    const res = await httpRequest({
      url: `https://localhost:${sim.port}/`,
      timeoutMs: 3000,
      trust: { extraCa: [sim.caCert] },
    });
    expect(res.tls?.certificate.fingerprint256).toBe(sim.fingerprint256);
    sim.setState({ certificate: 'self-signed' });
  });

  it('refuses an invalid state passed to setState', () => {
    expect(() => sim.setState({ protocolVersion: '' })).toThrow();
  });
});

describe('space-server CLI flags', () => {
  const err = (argv: string[], env: Record<string, string> = {}): AppError => {
    try {
      parseSimArgs(argv, env);
    } catch (e) {
      return e as AppError;
    }
    throw new Error('expected an error');
  };
  it('parses a full set', () => {
    const r = parseSimArgs(
      [
        '--port',
        '8100',
        '--https',
        'off',
        '--cert',
        'expired',
        '--ship',
        'on',
        '--licence',
        'missing',
        '--transport',
        'stp-only',
        '--auth',
        'custom',
        '--protocol-version',
        '1.0',
        '--space-version',
        '6.4.4.0',
        '--clock-offset',
        '-30',
        '--face-field',
        'Server=10.0.0.5',
        '--face-field',
        'Port=443',
        '--charset',
        'iso-8859-1',
        '--language',
        'spa',
        '--limit-to',
        '10.0.0.7',
      ],
      { [KEY_ENV]: 'k-from-env' },
    );
    expect(r.port).toBe(8100);
    expect(r.state).toMatchObject({
      https: false,
      certificate: 'expired',
      shipEnabled: true,
      licence: 'missing',
      transport: 'stp-only',
      auth: 'custom',
      key: 'k-from-env',
      clockOffsetSeconds: -30,
      faceRecognition: { Server: '10.0.0.5', Port: '443' },
      charset: 'iso-8859-1',
      defaultLanguage: 'spa',
      limitTo: '10.0.0.7',
    });
    expect(parseSimArgs(['--auth', 'basic'], { [KEY_ENV]: 'k' }).state.auth).toBe('basic');
  });
  it.each([
    [['--port', '0'], '--port'],
    [['--port', '65536'], '--port'],
    [['--https', 'maybe'], '--https'],
    [['--cert', 'stolen'], '--cert'],
    [['--transport'], '--transport'],
    [['--key', 'secret'], '--key'],
    [['--auth', 'custom'], '--auth'],
    [['--face-field', 'novalue'], '--face-field'],
    [['--clock-offset', 'soon'], '--clock-offset'],
    [['--frobnicate', '1'], '--frobnicate'],
    [['--charset', 'ebcdic'], '--charset'],
    [['--language', 'klingon'], '--language'],
    [['--auth', 'kerberos'], '--auth'],
    [['--auth', 'basic'], '--auth'],
    [['--limit-to', 'space.local'], '--limit-to'],
    [['stray'], 'stray'],
  ])('%j → names %s', (argv, field) => {
    const e = err(argv);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.detail?.field).toBe(field);
  });
  it('never echoes a key given on argv', () => {
    expect(err(['--key', 'hunter2-secret']).message).not.toContain('hunter2-secret');
  });
});
