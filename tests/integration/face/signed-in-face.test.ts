// The XS4 Face client on a Microsoft sign-in (the token provider seam), against the XS4 Face simulator verifying the
// local OpenID provider's tokens; the site → server choice with the Console's facts; writes that stay pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startFaceSimulator, twoSitesState, type FaceSimulator } from '../../../scripts/sim/face-server';
import {
  OTHER_API_AUDIENCE,
  OTHER_API_SCOPE,
  SIM_TENANT,
  startOidcSimulator,
  type OidcSimulator,
} from '../../../scripts/sim/oidc/oidc-server';
import { createMicrosoftSignIn, type MicrosoftSignIn } from '../../../main/core/auth/microsoft-sign-in';
import { secretSignInCache, type SignInSecretName } from '../../../main/core/auth/sign-in-cache';
import { signedInTokenProvider } from '../../../main/core/auth/signed-in-token-provider';
import type { AuthRegion } from '../../../main/core/auth/regions';
import { createMemorySecretStore } from '../../../main/core/secrets/memory-secret-store';
import { createFaceClient, type PendingProgress } from '../../../main/core/face/face-client';
import { listServerChoices } from '../../../main/core/face/server-choices';
import { staticTokenProvider } from '../../../main/core/face/token-provider';
import { chooseFaceServer, describeChoice } from '../../../main/core/setup/face-choice';
import { SetupStateFile } from '../../../main/core/setup/setup-state';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';

let ca: ReturnType<typeof makeCa>;
let idp: OidcSimulator;
let face: FaceSimulator;
let browser: SystemBrowser;

beforeAll(async () => {
  ca = makeCa('Face sign-in CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  face = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    initialState: twoSitesState(),
    oidc: { issuer: idp.issuer, audience: idp.audience, ca: [ca.cert], clockToleranceS: 0 },
  });
  browser = await launchSystemBrowser();
});
afterAll(async () => {
  await browser?.close();
  await face?.close();
  await idp?.close();
});

async function signedIn(
  over: Partial<AuthRegion> = {},
  email = 'technician@contoso.example',
): Promise<MicrosoftSignIn> {
  const auth = createMicrosoftSignIn({
    region: {
      id: 'local',
      name: 'Local',
      protocol: 'oidc',
      authority: idp.issuer,
      clientId: idp.clientId,
      scopes: [idp.scope],
      audience: idp.audience,
      tenantId: SIM_TENANT,
      apiBase: face.url,
      ...over,
    },
    cache: secretSignInCache(createMemorySecretStore<SignInSecretName>(), 'app'),
    openBrowser: (u) => browser.open(u),
    extraCa: [ca.cert],
    surface: 'app',
  });
  browser.next({ kind: 'sign-in', email });
  await auth.signInInteractive({ faceUrl: face.url });
  return auth;
}

const client = (auth: MicrosoftSignIn, extra: Partial<Parameters<typeof createFaceClient>[0]> = {}) =>
  createFaceClient({
    baseUrl: face.url,
    tokenProvider: signedInTokenProvider(auth, face.url),
    extraCa: [ca.cert],
    ...extra,
  });

describe('XS4 Face on a Microsoft sign-in', () => {
  it('the client works unchanged with the signed-in provider; the simulator knows who signed in', async () => {
    const auth = await signedIn();
    expect(await client(auth).whoAmI()).toEqual({ apiVersion: '1', user: 'technician@contoso.example' });
    // The simulator's static token mode still works beside it.
    const c = createFaceClient({
      baseUrl: face.url,
      tokenProvider: staticTokenProvider(face.token),
      extraCa: [ca.cert],
    });
    expect((await c.whoAmI()).user).toBe('technician@example.com');
  });

  it('the simulator refuses a token for another audience, an expired one and one of another issuer', async () => {
    // The client-side audience check is told the other API is expected, so the token reaches the server.
    const other = await signedIn({ scopes: [OTHER_API_SCOPE], audience: OTHER_API_AUDIENCE });
    await expect(client(other).whoAmI()).rejects.toThrow(/"aud" claim is not accepted/);

    idp.setAccessTokenTtl(1);
    try {
      const short = await signedIn();
      const token = await short.accessToken({ origin: new URL(face.url).origin });
      await new Promise((r) => setTimeout(r, 2100));
      const c = createFaceClient({
        baseUrl: face.url,
        tokenProvider: staticTokenProvider(token),
        extraCa: [ca.cert],
      });
      await expect(c.whoAmI()).rejects.toMatchObject({
        code: 'FACE_UNAUTHORIZED',
        message: expect.stringContaining('expired'),
      });
    } finally {
      idp.setAccessTokenTtl(3600);
    }

    const stranger = await startOidcSimulator({
      certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    });
    try {
      const auth = createMicrosoftSignIn({
        region: {
          id: 'x',
          name: 'X',
          protocol: 'oidc',
          authority: stranger.issuer,
          clientId: stranger.clientId,
          scopes: [stranger.scope],
          audience: stranger.audience,
          tenantId: null,
          apiBase: face.url,
        },
        cache: secretSignInCache(createMemorySecretStore<SignInSecretName>(), 'app'),
        openBrowser: (u) => browser.open(u),
        extraCa: [ca.cert],
        surface: 'app',
      });
      browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
      await auth.signInInteractive({ faceUrl: face.url });
      await expect(client(auth).whoAmI()).rejects.toMatchObject({ code: 'FACE_UNAUTHORIZED' });
    } finally {
      await stranger.close();
    }
    // Three sign-ins in Chromium and a token left to expire.
  }, 120_000);

  it('a sign-in for one server never sends its token to another', async () => {
    const auth = await signedIn();
    const other = createFaceClient({
      baseUrl: 'https://127.0.0.1:9/',
      tokenProvider: signedInTokenProvider(auth, 'https://127.0.0.1:9/'),
      extraCa: [ca.cert],
    });
    await expect(other.whoAmI()).rejects.toMatchObject({ code: 'AUTH_WRONG_ORIGIN' });
  });
});

describe('site and server choice, pending writes', () => {
  it('lists two sites and three servers with online state and pending messages; nothing preselected', async () => {
    const c = createFaceClient({
      baseUrl: face.url,
      tokenProvider: staticTokenProvider(face.token),
      extraCa: [ca.cert],
    });
    const choices = await listServerChoices(c);
    expect(choices.preselected).toBeNull();
    expect(choices.reason).toBe('several-servers');
    expect(choices.sites.map((s) => [s.name, s.servers.map(describeChoice)])).toEqual([
      [
        'Main building',
        [
          'Main building › Reception server (online, 0 pending messages)',
          'Main building › Warehouse server (offline, 0 pending messages)',
        ],
      ],
      ['Car park', ['Car park › Gate server (online, 0 pending messages)']],
    ]);
    const state = new SetupStateFile(await mkdtemp(join(tmpdir(), 'xs4-choice-')));
    await expect(chooseFaceServer(state, choices)).rejects.toMatchObject({
      code: 'FACE_SERVER_NOT_SELECTED',
    });
    const chosen = await chooseFaceServer(state, choices, { site: 'main building', server: 'face-2' });
    expect(chosen).toMatchObject({ siteId: 'site-1', serverId: 'face-2', online: false });
    expect((await state.read()).face).toEqual({
      siteId: 'site-1',
      serverId: 'face-2',
      siteName: 'Main building',
      serverName: 'Warehouse server',
    });
    // Remembered: preselected next time.
    expect((await listServerChoices(c, (await state.read()).face)).reason).toBe('remembered');
  });

  it('a write to an offline server is reported pending with elapsed time, counted by the Console, then waited for again', async () => {
    const c = createFaceClient({
      baseUrl: face.url,
      tokenProvider: staticTokenProvider(face.token),
      extraCa: [ca.cert],
    });
    const seen: PendingProgress[] = [];
    const pendingClient = createFaceClient({
      baseUrl: face.url,
      tokenProvider: staticTokenProvider(face.token),
      extraCa: [ca.cert],
      pendingDeadlineMs: 1500,
      pollIntervalMs: 200,
      onPending: (p) => seen.push(p),
    });
    const t = { siteId: 'site-1', serverId: 'face-2' };
    const e = await pendingClient.addIntegrations(t, ['salto-space']).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'FACE_WRITE_PENDING' });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]).toMatchObject({ route: 'add integrations', elapsedMs: 0, deadlineMs: 1500 });
    expect(seen.at(-1)!.elapsedMs).toBeGreaterThan(seen[0]!.elapsedMs);
    const warehouse = (await c.listSites()).flatMap((s) => s.servers).find((v) => v.id === 'face-2');
    expect(warehouse?.pendingMessages).toBe(1);

    // Keep waiting: the server comes back on line and receives it.
    const changeId = String((e as { detail: { changeId: string } }).detail.changeId);
    setTimeout(() => face.setServerOnline('site-1', 'face-2', true), 600);
    const waited = await createFaceClient({
      baseUrl: face.url,
      tokenProvider: staticTokenProvider(face.token),
      extraCa: [ca.cert],
      pollIntervalMs: 200,
    }).waitForChange(t, changeId);
    expect(waited).toBeGreaterThan(0);
    expect((await c.listIntegrations(t)).integrations.map((i) => i.type)).toContain('salto-space');
  });

  it('stopping a pending wait (AbortSignal) ends it at once with CANCELLED', async () => {
    face.setServerOnline('site-1', 'face-2', false);
    const ac = new AbortController();
    const c = createFaceClient({
      baseUrl: face.url,
      tokenProvider: staticTokenProvider(face.token),
      extraCa: [ca.cert],
      signal: ac.signal,
      pollIntervalMs: 200,
      onPending: (p) => p.elapsedMs > 300 && ac.abort(),
    });
    await expect(
      c.updateEnrollment(
        { siteId: 'site-1', serverId: 'face-2' },
        { companyName: 'Acme', privacyPolicyUrl: 'https://acme.example/privacy' },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
