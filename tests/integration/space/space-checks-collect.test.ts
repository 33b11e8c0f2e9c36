// The space.https and space.ship checks collect from the simulator; the Face card status the XS4 Face simulator computes against it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spaceHttpsCheck } from '../../../main/core/checks/space/space-https';
import { spaceShipCheck } from '../../../main/core/checks/space/space-ship';
import type { CheckContext, CheckInputs } from '../../../main/core/checks/types';
import { probeSpace } from '../../../scripts/sim/face/ship-probe';
import {
  DEFAULT_SPACE_SIM_STATE,
  startSpaceSimulator,
  type SpaceSimulator,
} from '../../../scripts/sim/space-simulator';
import { en } from '../../../messages/render';

const KEY = 'face-ship-key-abcdef';
let sim: SpaceSimulator;

beforeAll(async () => {
  sim = await startSpaceSimulator({ state: { key: KEY } });
});
afterAll(() => sim.close());
beforeEach(() => sim.setState({ ...DEFAULT_SPACE_SIM_STATE, key: KEY }));

const ctx = (inputs: CheckInputs): CheckContext => ({
  inputs,
  signal: new AbortController().signal,
  timeoutMs: 4000,
  platform: 'linux',
  now: () => new Date(),
  dependencies: {},
});

describe('space.https collect → evaluate', () => {
  it('self-signed and accepted → warn SPACE_HTTPS_PINNED; evidence round-trips through its schema', async () => {
    const ev = await spaceHttpsCheck.collect(
      ctx({ spaceUrl: sim.url, spacePinnedFingerprint256: sim.fingerprint256 }),
    );
    expect(spaceHttpsCheck.evidenceSchema.parse(JSON.parse(JSON.stringify(ev)))).toEqual(ev);
    expect(spaceHttpsCheck.evaluate(ev).code).toBe('SPACE_HTTPS_PINNED');
  });
  it('CA-issued and trusted via extra CA → pass', async () => {
    sim.setState({ certificate: 'valid' });
    const ev = await spaceHttpsCheck.collect(
      ctx({ spaceUrl: `https://localhost:${sim.port}/`, extraCa: [sim.caCert] }),
    );
    expect(spaceHttpsCheck.evaluate(ev)).toMatchObject({ status: 'pass', code: 'SPACE_HTTPS_OK' });
  });
  it('expired → fail; HTTPS off → fail; no URL → skip', async () => {
    sim.setState({ certificate: 'expired' });
    expect(
      spaceHttpsCheck.evaluate(
        await spaceHttpsCheck.collect(
          ctx({ spaceUrl: `https://localhost:${sim.port}/`, extraCa: [sim.caCert] }),
        ),
      ).code,
    ).toBe('SPACE_HTTPS_CERT_EXPIRED');
    sim.setState({ https: false });
    expect(
      spaceHttpsCheck.evaluate(
        await spaceHttpsCheck.collect(ctx({ spaceUrl: `https://127.0.0.1:${sim.port}/` })),
      ).code,
    ).toBe('SPACE_HTTPS_PLAIN_HTTP');
    expect(spaceHttpsCheck.evaluate(await spaceHttpsCheck.collect(ctx({}))).status).toBe('skip');
  });
});

describe('space.ship collect → evaluate', () => {
  it('right key over the accepted certificate → pass; the evidence never holds the key', async () => {
    const ev = await spaceShipCheck.collect(
      ctx({ spaceUrl: sim.url, spacePinnedFingerprint256: sim.fingerprint256, shipKey: KEY }),
    );
    expect(JSON.stringify(ev)).not.toContain(KEY);
    expect(spaceShipCheck.evidenceSchema.parse(JSON.parse(JSON.stringify(ev)))).toEqual(ev);
    expect(spaceShipCheck.evaluate(ev)).toMatchObject({ status: 'pass', code: 'SHIP_OK' });
  });
  it('wrong key → fail SHIP_UNAUTHORIZED; STP only → SHIP_HTTP_TRANSPORT_DISABLED', async () => {
    const wrong = await spaceShipCheck.collect(
      ctx({ spaceUrl: sim.url, spacePinnedFingerprint256: sim.fingerprint256, shipKey: 'nope-nope' }),
    );
    expect(spaceShipCheck.evaluate(wrong)).toMatchObject({ status: 'fail', code: 'SHIP_UNAUTHORIZED' });
    sim.setState({ transport: 'stp-only' });
    const stp = await spaceShipCheck.collect(
      ctx({ spaceUrl: sim.url, spacePinnedFingerprint256: sim.fingerprint256, shipKey: KEY }),
    );
    expect(spaceShipCheck.evaluate(stp).code).toBe('SHIP_HTTP_TRANSPORT_DISABLED');
  });
  it('SHIP without authentication fails (even with the key); basic authentication fails; 403 names the one-server limit', async () => {
    const collect = () =>
      spaceShipCheck.collect(
        ctx({ spaceUrl: sim.url, spacePinnedFingerprint256: sim.fingerprint256, shipKey: KEY }),
      );
    sim.setState({ auth: 'none' });
    const none = spaceShipCheck.evaluate(await collect());
    expect(none).toMatchObject({ status: 'fail', code: 'SHIP_NO_AUTHENTICATION' });
    expect(en(none.remedy ?? '')).toContain('custom authentication');
    sim.setState({ auth: 'basic' });
    expect(spaceShipCheck.evaluate(await collect())).toMatchObject({
      status: 'fail',
      code: 'SHIP_BASIC_AUTH',
    });
    sim.setState({ auth: 'custom', limitTo: '192.0.2.10' });
    const limited = spaceShipCheck.evaluate(await collect());
    expect(limited).toMatchObject({ status: 'warn', code: 'SHIP_FORBIDDEN' });
    expect(en(limited.remedy ?? '')).toContain('Limit communications to one server');
  });
  it('Space clock 10 minutes behind → warn SHIP_CLOCK_SKEW', async () => {
    sim.setState({ clockOffsetSeconds: -600 });
    const ev = await spaceShipCheck.collect(
      ctx({ spaceUrl: sim.url, spacePinnedFingerprint256: sim.fingerprint256, shipKey: KEY }),
    );
    expect(spaceShipCheck.evaluate(ev)).toMatchObject({ status: 'warn', code: 'SHIP_CLOCK_SKEW' });
  });
});

describe('XS4 Face card status computed against the Space simulator', () => {
  // As the XS4 Face simulator computes it (scripts/sim/face/ship-probe.ts), in the Console's words.
  const CARD = {
    connected: 'Connected',
    unauthorized: 'Unauthorized',
    disconnected: 'Disconnected',
    unconfigured: 'No status',
  };
  const probe = async (key: string | null): Promise<string> =>
    CARD[
      (
        await probeSpace(
          { host: '127.0.0.1', port: sim.port, https: true, shipApiKey: key },
          { fingerprint256: sim.fingerprint256 },
          4000,
        )
      ).status
    ];
  const status = (key: string): Promise<string> => probe(key);
  it('Connected / Unauthorized / Disconnected / No status', async () => {
    expect(await status(KEY)).toBe('Connected');
    expect(await status('other-key')).toBe('Unauthorized');
    sim.setState({ licence: 'missing' });
    expect(await status(KEY)).toBe('Disconnected');
    sim.setState({ licence: 'present', https: false });
    expect(await status(KEY)).toBe('Disconnected');
    expect(await probe(null)).toBe('No status');
  });
  const detail = (key: string) =>
    probeSpace(
      { host: '127.0.0.1', port: sim.port, https: true, shipApiKey: key },
      { fingerprint256: sim.fingerprint256 },
      4000,
    );
  it('follows the same SHIP rules: no authentication still connects (XS4 Face cannot tell), basic is Unauthorized', async () => {
    sim.setState({ auth: 'none' });
    expect(await status('any-key-at-all')).toBe('Connected');
    sim.setState({ auth: 'basic' });
    const basic = await detail(KEY);
    expect(basic.status).toBe('unauthorized');
    expect(basic.lastError).toContain('basic authentication');
  });
  it('"Limit communications to one server" naming another address: Disconnected, and the setting is named', async () => {
    sim.setState({ limitTo: '192.0.2.10' });
    const r = await detail(KEY);
    expect(r.status).toBe('disconnected');
    expect(r.lastError).toContain('Limit communications to one server');
  });
  it.each(['utf-16le', 'utf-16be', 'windows-1252'] as const)(
    'reads answers in %s (Connected, licence exception Disconnected)',
    async (charset) => {
      sim.setState({ charset });
      expect(await status(KEY)).toBe('Connected');
      sim.setState({ licence: 'missing', defaultLanguage: 'spa' });
      const r = await detail(KEY);
      expect(r.status).toBe('disconnected');
      expect(r.lastError).toContain('Licencia no válida para esta opción');
    },
  );
});
