// Each step module of the setup flow on its own (main/core/setup/steps/), built from the shared context alone and
// run against both simulators: a module needs nothing from the others but the context.
import { en } from '../../../messages/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startSetupEnv, type SetupEnv } from '../../helpers/setup-env';
import { allChecks } from '../../../main/core/checks/all';
import { createWindowsRun } from '../../../main/core/checks/windows/index';
import { createSetupContext, type SetupContext } from '../../../main/core/setup/context';
import { progressSteps } from '../../../main/core/setup/steps/progress';
import { connectSteps } from '../../../main/core/setup/steps/connect';
import { integrationSteps } from '../../../main/core/setup/steps/integrations';
import { spaceDetailsSteps } from '../../../main/core/setup/steps/space-details';
import { shipKeySteps } from '../../../main/core/setup/steps/ship-key';
import { installScriptSteps } from '../../../main/core/setup/steps/install-script';
import { checkSteps } from '../../../main/core/setup/steps/checks';
import { generalOptionSteps } from '../../../main/core/setup/steps/general-options';
import { enrollmentSteps } from '../../../main/core/setup/steps/enrollment';
import { bundleProfileSteps } from '../../../main/core/setup/steps/bundle-profile';
import { verifyStep } from '../../../main/core/setup/steps/verify';

let env: SetupEnv;
let ctx: SetupContext;
const windows = createWindowsRun({});
/** The site's policy page (/privacy) on 127.0.0.1; any other path answers 404. */
let policy: { server: Server; url: string; ca: string };

async function startPolicyServer(): Promise<typeof policy> {
  const ca = makeCa('Setup steps policy CA');
  const leaf = makeCert({ issuer: ca, altNames: ['127.0.0.1'] });
  const server = createHttpsServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    const found = req.url === '/privacy';
    res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(found ? '<p>We process biometric data (a facial template) only to open doors.</p>' : 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, ca: ca.cert };
}

beforeAll(async () => {
  env = await startSetupEnv();
  policy = await startPolicyServer();
  ctx = createSetupContext({
    dataDir: env.dataDir,
    settings: env.settings,
    secrets: env.secrets,
    history: env.history,
    checks: (w) => allChecks(w),
    windows: windows.deps,
    platform: 'linux',
    now: () => new Date(),
    extraCa: [env.space.caCert, policy.ca],
    timeouts: { requestMs: 5000, checkMs: 5000, pollMs: 200 },
  });
});
afterAll(async () => {
  await windows.dispose();
  await env.close();
  await new Promise((r) => policy.server.close(r));
});

// In the wizard's order: each test leaves the servers as the next step expects them.
describe('setup step modules, each alone', () => {
  it('progress: marks a step, moves on, and forgets on reset', async () => {
    const p = progressSteps(ctx);
    const marked = await p.markStep('welcome', 'started', 'connect');
    expect(marked).toMatchObject({ current: 'connect', done: { welcome: { summary: 'started' } } });
    expect(await p.progress()).toEqual(marked);
    expect(await p.resetProgress()).toEqual({ current: 'welcome', done: {} });
  });

  it('connect: asks to trust an unknown certificate, then connects with the accepted pin', async () => {
    const c = connectSteps(ctx);
    const first = await c.connectFace(env.face.url, env.face.token);
    expect(first.state).toBe('needs-trust');
    if (first.state !== 'needs-trust') return;
    const second = await c.trustFaceCertificate(first.url, first.certificate.fingerprint256);
    expect(second).toMatchObject({ state: 'connected', trustedBy: 'pin' });
  });

  it('integrations: offers Salto Space, then adds it (read back)', async () => {
    const i = integrationSteps(ctx);
    expect((await i.listIntegrations()).find((c) => c.kind === 'salto-space')?.added).toBe(false);
    expect((await i.addIntegrations(['salto-space'])).find((c) => c.kind === 'salto-space')?.added).toBe(
      true,
    );
  });

  it('space details: writes host, port and HTTPS to XS4 Face and reads them back', async () => {
    const d = spaceDetailsSteps(ctx);
    const details = { host: '127.0.0.1', port: env.space.port, https: true };
    expect(await d.saveSpaceDetails(details)).toEqual(details);
    expect(await d.getSpaceDetails()).toEqual(details);
    expect((await d.detectSpace()).available).toBe(false);
  });

  it('SHIP key: generates one, XS4 Face keeps it by fingerprint, and it is revealed only on request', async () => {
    const k = shipKeySteps(ctx);
    const masked = await k.setShipKey({ generate: true });
    expect(masked).toEqual({ set: true, fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(await k.shipKey()).toEqual(masked);
    env.space.setState({ key: await k.revealShipKey() });
  });

  it('SHIP key: a different key replaces the one XS4 Face holds only when confirmed; the same key needs nothing', async () => {
    const k = shipKeySteps(ctx);
    const held = await k.revealShipKey();
    const before = await k.shipKey();
    const refused = await k.setShipKey({ generate: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'SHIP_KEY_REPLACE_UNCONFIRMED',
      detail: { fingerprint: before.fingerprint },
    });
    await expect(k.setShipKey({ value: 'AnotherKeyTypedByHand0123' })).rejects.toMatchObject({
      code: 'SHIP_KEY_REPLACE_UNCONFIRMED',
    });
    expect(env.face.serverState().space.shipApiKey).toBe(held);
    expect(await k.shipKey()).toEqual(before);
    // The same key again changes nothing Space has: no confirmation.
    expect(await k.setShipKey({ value: held })).toEqual(before);
    // Confirmed: replaced, verified by fingerprint, recorded with both fingerprints; then put back for the next steps.
    const replaced = await k.setShipKey({ value: 'AnotherKeyTypedByHand0123', replace: true });
    expect(replaced.fingerprint).not.toBe(before.fingerprint);
    expect(env.face.serverState().space.shipApiKey).toBe('AnotherKeyTypedByHand0123');
    const last = (await env.history.read()).entries.at(-1);
    expect(en(last?.result.summary ?? '')).toContain(`${before.fingerprint} → ${replaced.fingerprint}`);
    expect(await k.setShipKey({ value: held, replace: true })).toEqual(before);
  });

  it('general options: the secret row comes without its value', async () => {
    const options = await generalOptionSteps(ctx).generalOptions();
    expect(options.find((o) => o.secret)).toMatchObject({ value: null });
  });

  it('install script: loads a file with its SHA-256; off Windows the run says it is unavailable', async () => {
    const s = installScriptSteps(ctx);
    const path = join(env.dataDir, 'SpaceInstall.ps1');
    await writeFile(path, 'Write-Output "installing"\n');
    const info = await s.loadInstallScript({ kind: 'file', path });
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await s.runInstallScript(info.sha256, {})).outcome).toBe('unavailable');
  });

  it('checks: runs the chosen check with what it depends on', async () => {
    const views = await checkSteps(ctx).runChecks(['space.ship'], {});
    expect(views.map((v) => v.id)).toContain('space.ship');
    expect(views.find((v) => v.id === 'space.ship')?.status).toBe('pass');
  });

  it('enrollment: checks the policy before writing; a 404 is not saved unless accepted, a passing one is written and read back', async () => {
    const e = enrollmentSteps(ctx);
    const missing = { companyName: 'Hotel Test', privacyPolicyUrl: `${policy.url}/gone` };
    const refused = await e.saveEnrollment(missing);
    expect(refused.saved).toBe(false);
    expect(refused.checks.find((c) => c.id === 'enrollment.privacy-policy')).toMatchObject({
      status: 'fail',
      code: 'ENROLLMENT_POLICY_HTTP',
    });
    expect(env.face.serverState().enrollment).toEqual({ companyName: '', privacyPolicyUrl: '' });
    expect((await env.history.read()).entries.map((h) => h.target)).not.toContain('face:enrollment');

    const accepted = await e.saveEnrollment({ ...missing, acceptFailingPolicy: true });
    expect(accepted).toMatchObject({ saved: true, enrollment: missing });
    expect(en((await env.history.read()).entries.at(-1)?.result.summary ?? '')).toContain(
      'although its check failed',
    );

    const wanted = { companyName: 'Hotel Test', privacyPolicyUrl: `${policy.url}/privacy` };
    const saved = await e.saveEnrollment(wanted);
    expect(saved).toMatchObject({ saved: true, enrollment: wanted });
    expect(saved.checks.map((c) => [c.id, c.status])).toEqual([
      ['enrollment.company-name', 'pass'],
      ['enrollment.privacy-policy', 'pass'],
    ]);
    expect(await e.getEnrollment()).toEqual(wanted);
  });

  it('verify: a cancel that lands while a status read is in flight stops the wait (CANCELLED)', async () => {
    const key = await shipKeySteps(ctx).revealShipKey();
    env.space.setState({ key: 'another-key-than-xs4-face-has' });
    const cancelled = new AbortController();
    cancelled.abort();
    const started = Date.now();
    await expect(verifyStep(ctx).verify(8_000, { signal: cancelled.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    // It stopped at the first wait, not at the deadline.
    expect(Date.now() - started).toBeLessThan(8_000);
    env.space.setState({ key });
  });

  it('verify: follows the Space card until XS4 Face reports it Connected', async () => {
    expect(await verifyStep(ctx).verify(10_000, {})).toMatchObject({ connected: true, status: 'connected' });
  });

  it('bundle and profile: the site profile holds what XS4 Face has, no secret', async () => {
    const { profile, leftOut } = await bundleProfileSteps(ctx).siteProfile();
    expect(profile).toMatchObject({
      faceUrl: expect.any(String),
      spaceUrl: `https://127.0.0.1:${env.space.port}/`,
    });
    expect(leftOut).toEqual([]);
    expect(JSON.stringify(profile)).not.toContain(await shipKeySteps(ctx).revealShipKey());
  });
});
