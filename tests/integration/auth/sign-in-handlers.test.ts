// The sign-in screen's channels through the real dispatcher and core handlers, over the real sign-in service, the local
// OpenID provider and Chromium as the system browser: regions, the browser sign-in showing the page's own words (escaped),
// the device code delivered as an event to the page that asked, Stop through setup.cancel, sign-out.
import { localRegionsFile } from '../../../scripts/sim/oidc/local-region';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startOidcSimulator, type OidcSimulator } from '../../../scripts/sim/oidc/oidc-server';
import { createSignInService } from '../../../main/core/auth/sign-in-service';
import { createCoreHandlers } from '../../../main/core/api/handlers';
import { createDispatcher, type Dispatch } from '../../../main/core/api/dispatch';
import type { EventName, HandlerContext } from '../../../contract/ipc';
import type { Result } from '../../../contract/channel';
import { createTestDeps } from '../../helpers/core-deps';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { testCipher } from '../../helpers/test-cipher';

const FACE = 'https://127.0.0.1:9443/';
let idp: OidcSimulator;
let browser: SystemBrowser;
let dir: string;
let dispatch: Dispatch;

const WORDS = {
  language: 'es' as const,
  successTitle: 'Sesión iniciada <script>alert(1)</script>',
  successText: 'Puede cerrar esta ventana y volver al asistente.',
  errorTitle: 'Inicio de sesión no completado',
  errorText: 'Vuelva al asistente para ver por qué.',
};

beforeAll(async () => {
  const ca = makeCa('Sign-in handlers CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  browser = await launchSystemBrowser();
  dir = await mkdtemp(join(tmpdir(), 'xs4-signin-handlers-'));
  const regions = join(dir, 'regions.json');
  await writeFile(regions, localRegionsFile(idp, FACE));
  const deps = createTestDeps({
    signIn: createSignInService({
      dataDir: dir,
      file: 'sign-in.json',
      cipher: testCipher(randomBytes(32).toString('hex')),
      openBrowser: (u) => browser.open(u),
      env: { XS4_SIGNIN_REGIONS_FILE: regions },
      extraCa: [ca.cert],
    }),
  });
  dispatch = createDispatcher(createCoreHandlers(deps), deps.log);
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await rm(dir, { recursive: true, force: true });
});

function page(): { ctx: HandlerContext; events: Array<[EventName, unknown]> } {
  const events: Array<[EventName, unknown]> = [];
  return {
    events,
    ctx: { signal: new AbortController().signal, emit: (e, p) => void events.push([e, p]) },
  };
}

async function call(channel: string, input?: unknown, ctx = page().ctx): Promise<Result<unknown>> {
  return dispatch(channel, input, ctx);
}

describe('sign-in channels', () => {
  it('lists the regions, the unconfigured ones as not usable', async () => {
    expect(await call('signIn.regions')).toEqual({
      ok: true,
      value: [
        { id: 'eu', name: 'Europe', usable: false },
        { id: 'us', name: 'North America', usable: false },
        { id: 'apac', name: 'Asia Pacific', usable: false },
        { id: 'local', name: 'Local test region', usable: true },
      ],
    });
    expect(await call('signIn.current')).toEqual({ ok: true, value: null });
  });

  it('signs in through the system browser, which then shows the page in the words it was given, escaped', async () => {
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    const r = await call('signIn.interactive', {
      operationId: 'op-signin-0001',
      regionId: 'local',
      faceUrl: FACE,
      pages: WORDS,
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        regionId: 'local',
        regionName: 'Local test region',
        origin: 'https://127.0.0.1:9443',
        username: 'technician@contoso.example',
      },
    });
    await browser.settled();
    const shown = browser.lastPage()!;
    await shown.waitForSelector('h1');
    expect(await shown.textContent('h1')).toBe(WORDS.successTitle);
    expect(await shown.locator('script').count()).toBe(0);
    expect(await shown.getAttribute('html', 'lang')).toBe('es');
    expect(await call('signIn.current')).toMatchObject({
      ok: true,
      value: { username: 'technician@contoso.example', regionName: 'Local test region' },
    });
  });

  it('refuses page words that are not one line of text', async () => {
    const r = await call('signIn.interactive', {
      operationId: 'op-signin-0002',
      regionId: 'local',
      faceUrl: FACE,
      pages: { ...WORDS, successText: 'two\nlines' },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: 'pages.successText' } },
    });
  });

  it('stops a browser sign-in the technician abandons when the page asks (setup.cancel)', async () => {
    browser.next({ kind: 'walk-away' });
    const running = call('signIn.interactive', {
      operationId: 'op-signin-0003',
      regionId: 'local',
      faceUrl: FACE,
      pages: WORDS,
    });
    await expect.poll(() => browser.opened.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await call('setup.cancel', { operationId: 'op-signin-0003' })).toEqual({ ok: true, value: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'AUTH_CANCELLED' } });
  });

  it('sends the device code to the page that asked, and signs in once it is entered', async () => {
    const { ctx, events } = page();
    const running = call(
      'signIn.deviceCode',
      { operationId: 'op-device-0001', regionId: 'local', faceUrl: FACE },
      ctx,
    );
    await expect.poll(() => events.length, { timeout: 15_000 }).toBe(1);
    const [name, prompt] = events[0]! as [
      string,
      { operation: string; userCode: string; verificationUri: string; expiresAt: string },
    ];
    expect(name).toBe('deviceCode');
    expect(prompt.operation).toBe('op-device-0001');
    expect(Date.parse(prompt.expiresAt)).toBeGreaterThan(Date.now());
    await browser.approveDeviceCode(prompt.verificationUri, prompt.userCode, 'technician@contoso.example');
    expect(await running).toMatchObject({ ok: true, value: { username: 'technician@contoso.example' } });
  });

  it('signs out', async () => {
    expect(await call('signIn.signOut')).toEqual({ ok: true, value: true });
    expect(await call('signIn.current')).toEqual({ ok: true, value: null });
    expect(await call('signIn.signOut')).toEqual({ ok: true, value: false });
  });
});
