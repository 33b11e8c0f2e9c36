// The packaged app against both simulators (Windows workflow): the real Electron main, IPC, DPAPI secrets and the
// real setup flow, driven through window.xs4 from the page, from nothing to XS4 Face reporting Connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectronApplication, Page } from 'playwright-core';
import { startFaceSimulator, type FaceSimulator } from '../../scripts/sim/face-server';
import { startSpaceSimulator, type SpaceSimulator } from '../../scripts/sim/space-simulator';
import { launchPackagedApp } from './packaged-app';

type Call = (channel: string, input?: unknown) => Promise<unknown>;

describe('packaged app sets up the integration against the simulators', () => {
  let app: ElectronApplication;
  let page: Page;
  let face: FaceSimulator;
  let space: SpaceSimulator;

  // Calls one contract channel ("setup.connectFace" → window.xs4.setup.connectFace) in the page.
  const call: Call = (channel, input) =>
    page
      .evaluate(
        async ([ch, inp]) => {
          const [group, name] = (ch as string).split('.') as [string, string];
          const api = (
            globalThis as unknown as {
              xs4: Record<string, Record<string, (i?: unknown) => Promise<unknown>>>;
            }
          ).xs4;
          try {
            return { ok: true, value: await api[group]![name]!(inp) };
          } catch (e) {
            return { ok: false, error: e };
          }
        },
        [channel, input] as const,
      )
      .then((r) => {
        const res = r as { ok: boolean; value?: unknown; error?: { code?: string; message?: string } };
        if (!res.ok) throw new Error(`${channel}: ${res.error?.code ?? ''} ${res.error?.message ?? ''}`);
        return res.value;
      });

  beforeAll(async () => {
    space = await startSpaceSimulator({ state: { certificate: 'valid' } });
    face = await startFaceSimulator({ spaceTrust: { ca: [space.caCert] }, shipTimeoutMs: 3000 });
    app = await launchPackagedApp();
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
    await face?.close();
    await space?.close();
  });

  it('connects (trusting the certificate), writes Space details and a generated SHIP key, and ends Connected', async () => {
    await call('setup.resetProgress');
    const first = (await call('setup.connectFace', { url: face.url, token: face.token })) as {
      state: string;
      certificate?: { fingerprint256: string };
    };
    expect(first.state).toBe('needs-trust');
    expect(first.certificate?.fingerprint256).toBe(face.fingerprint256);
    const trusted = (await call('setup.trustFaceCertificate', {
      url: face.url,
      fingerprint256: face.fingerprint256,
    })) as { state: string };
    expect(trusted.state).toBe('connected');
    await call('setup.addIntegrations', { kinds: ['salto-space'] });
    await call('setup.saveSpaceDetails', { host: '127.0.0.1', port: space.port, https: true });
    const masked = (await call('setup.setShipKey', { generate: true })) as {
      set: boolean;
      fingerprint: string;
    };
    expect(masked.set).toBe(true);
    const key = (await call('setup.revealShipKey', { userAction: true })) as string;
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    space.setState({ key }); // the technician types it into Space's SHIP tab
    const verdict = (await call('setup.verify', {
      operationId: 'packaged-verify-1',
      deadlineMs: 60_000,
    })) as { connected: boolean; status: string };
    expect(verdict).toMatchObject({ connected: true, status: 'connected' });
    // The checks run in the packaged app on Windows: PowerShell scripts found beside the asar, nothing "could not read".
    const checks = (await call('setup.runChecks', { operationId: 'packaged-checks-1', ids: null })) as Array<{
      id: string;
      status: string;
      code?: string;
    }>;
    expect(checks.find((c) => c.id === 'space.ship')?.status).toBe('pass');
    expect(checks.filter((c) => c.code === 'PS_SCRIPTS_MISSING')).toEqual([]);
  });
});
