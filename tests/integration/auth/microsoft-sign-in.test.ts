// MSAL against a real OpenID provider (oidc-provider) on 127.0.0.1 over real TLS, Chromium playing the system browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createServer, type AddressInfo } from 'node:net';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import {
  OTHER_API_SCOPE,
  SIM_TENANT,
  startOidcSimulator,
  type OidcSimulator,
} from '../../../scripts/sim/oidc/oidc-server';
import {
  createMicrosoftSignIn,
  type MicrosoftSignInOptions,
} from '../../../main/core/auth/microsoft-sign-in';
import { secretSignInCache, type SignInSecretName } from '../../../main/core/auth/sign-in-cache';
import { readClaims } from '../../../main/core/auth/token-claims';
import type { AuthRegion } from '../../../main/core/auth/regions';
import { createMemorySecretStore } from '../../../main/core/secrets/memory-secret-store';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { testCipher } from '../../helpers/test-cipher';
import { createEncryptedFileSecretStore } from '../../../main/core/secrets/encrypted-file-secret-store';
import type { Cipher } from '../../../main/core/secrets/secret-store';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const FACE = 'https://127.0.0.1:9443';
let ca: ReturnType<typeof makeCa>;
let idp: OidcSimulator;
let browser: SystemBrowser;

beforeAll(async () => {
  ca = makeCa('Sign-in test CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  browser = await launchSystemBrowser();
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
});

function region(over: Partial<AuthRegion> = {}): AuthRegion {
  return {
    id: 'local',
    name: 'Local test region',
    protocol: 'oidc',
    authority: idp.issuer,
    clientId: idp.clientId,
    scopes: [idp.scope],
    audience: idp.audience,
    tenantId: SIM_TENANT,
    apiBase: `${FACE}/`,
    ...over,
  };
}

function signIn(over: Partial<MicrosoftSignInOptions> = {}) {
  const store = createMemorySecretStore<SignInSecretName>();
  return {
    store,
    auth: createMicrosoftSignIn({
      region: region(),
      cache: secretSignInCache(store, 'app'),
      openBrowser: (u) => browser.open(u),
      extraCa: [ca.cert],
      surface: 'app',
      ...over,
    }),
  };
}

describe('interactive sign-in (system browser, loopback redirect, PKCE)', () => {
  it('signs in, consents, and gets a token for the XS4 Face API bound to the server origin', async () => {
    const { auth } = signIn();
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    const who = await auth.signInInteractive({ faceUrl: `${FACE}/` });
    expect(who).toMatchObject({ regionId: 'local', origin: FACE, username: 'technician@contoso.example' });
    const opened = new URL(browser.opened.at(-1)!);
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    const token = await auth.accessToken({ origin: FACE });
    expect(readClaims(token)).toMatchObject({ aud: idp.audience, tid: SIM_TENANT });
    // From the cache: no new token until it nears expiry.
    const refreshes = idp.issued('refresh_token');
    expect(await auth.accessToken({ origin: FACE })).toBe(token);
    expect(idp.issued('refresh_token')).toBe(refreshes);

    // Refresh: a new access token from the refresh token, without the browser.
    const openedBefore = browser.opened.length;
    const fresh = await auth.accessToken({ origin: FACE, forceRefresh: true });
    expect(fresh).not.toBe(token);
    expect(idp.issued('refresh_token')).toBe(refreshes + 1);
    expect(browser.opened.length).toBe(openedBefore);

    // Bound to the origin it was issued for: never handed out for another server.
    await expect(auth.accessToken({ origin: 'https://127.0.0.1:9444' })).rejects.toMatchObject({
      code: 'AUTH_WRONG_ORIGIN',
    });

    // The provider revokes the session: the silent refresh fails with a remedy, not a stale token.
    await idp.revokeAll();
    await expect(auth.accessToken({ origin: FACE, forceRefresh: true })).rejects.toMatchObject({
      code: 'AUTH_SESSION_REVOKED',
    });

    expect(await auth.signOut()).toBe(true);
    expect(await auth.account()).toBeNull();
    await expect(auth.accessToken({ origin: FACE })).rejects.toMatchObject({ code: 'AUTH_NOT_SIGNED_IN' });
  });

  it('refreshes an expiring access token silently (short lifetime)', async () => {
    idp.setAccessTokenTtl(60);
    try {
      const { auth } = signIn();
      browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
      await auth.signInInteractive({});
      const before = idp.issued('refresh_token');
      // 60 s is inside MSAL's renewal window (5 min): each request gets a freshly refreshed token.
      const a = await auth.accessToken({ origin: FACE });
      const b = await auth.accessToken({ origin: FACE });
      expect(a).not.toBe(b);
      expect(idp.issued('refresh_token')).toBe(before + 2);
      const c = readClaims(b)!;
      expect(c.exp! - c.iat!).toBe(60);
    } finally {
      idp.setAccessTokenTtl(3600);
    }
  });

  it('keeps the saved sign-in across instances through the (encrypted) store, and nothing else of it', async () => {
    const { auth, store } = signIn();
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    await auth.signInInteractive({});
    const again = createMicrosoftSignIn({
      region: region(),
      cache: secretSignInCache(store, 'app'),
      openBrowser: () => Promise.reject(new Error('no browser expected')),
      extraCa: [ca.cert],
      surface: 'app',
    });
    expect((await again.account())?.username).toBe('technician@contoso.example');
    expect(readClaims(await again.accessToken({ origin: FACE }))?.aud).toBe(idp.audience);
  });

  it('a burst of requests reuses the token in memory instead of decrypting the cache for each', async () => {
    // The encrypted file of the programs, with a cipher that counts (DPAPI starts PowerShell for each decryption).
    const inner = testCipher(randomBytes(32).toString('hex'));
    let decrypts = 0;
    const counting: Cipher = { ...inner, decrypt: (b) => ((decrypts += 1), inner.decrypt(b)) };
    const store = createEncryptedFileSecretStore({
      path: join(await mkdtemp(join(tmpdir(), 'xs4-burst-')), 'sign-in.json'),
      cipher: counting,
      names: z.literal('signIn'),
    });
    const { auth } = signIn({ cache: secretSignInCache(store, 'app') });
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    await auth.signInInteractive({});
    const first = await auth.accessToken({ origin: FACE });
    const before = decrypts;
    const burst = await Promise.all(Array.from({ length: 20 }, () => auth.accessToken({ origin: FACE })));
    expect(new Set(burst)).toEqual(new Set([first]));
    expect(decrypts).toBe(before);
    // A forced refresh goes to the cache and the authority again: the refreshed cache is written, then read again.
    expect(await auth.accessToken({ origin: FACE, forceRefresh: true })).not.toBe(first);
    await auth.accessToken({ origin: FACE });
    expect(decrypts).toBeGreaterThan(before);
  });

  it('a sign-out by another program (the CLI, on the same file) ends the token kept in memory too', async () => {
    const { auth, store } = signIn();
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    await auth.signInInteractive({});
    await auth.accessToken({ origin: FACE });
    const other = createMicrosoftSignIn({
      region: region(),
      cache: secretSignInCache(store, 'cli'),
      openBrowser: () => Promise.reject(new Error('no browser expected')),
      extraCa: [ca.cert],
      surface: 'cli',
    });
    expect(await other.signOut()).toBe(true);
    await expect(auth.accessToken({ origin: FACE })).rejects.toMatchObject({ code: 'AUTH_NOT_SIGNED_IN' });
  });

  it('consent denied in the browser', async () => {
    const { auth } = signIn();
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example', consent: 'cancel' });
    await expect(auth.signInInteractive({})).rejects.toMatchObject({ code: 'AUTH_CONSENT_DENIED' });
    expect(await auth.account()).toBeNull();
  });

  it('sign-in cancelled at the login page', async () => {
    const { auth } = signIn();
    browser.next({ kind: 'cancel-at-login' });
    await expect(auth.signInInteractive({})).rejects.toMatchObject({ code: 'AUTH_CONSENT_DENIED' });
  });

  it('an account of another organisation (tenant) is refused and not kept', async () => {
    const { auth, store } = signIn();
    browser.next({ kind: 'sign-in', email: 'visitor@fabrikam.example' });
    const e = await auth.signInInteractive({}).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'AUTH_WRONG_TENANT' });
    expect((e as Error).message).toContain('8f0d1c2b-5a4e-4c3d-9b8a-0000000000ff');
    expect(await auth.account()).toBeNull();
    expect(await store.get('signIn')).not.toContain('visitor@fabrikam.example');
  });

  it('a token for another API (wrong audience) is refused before it is ever sent', async () => {
    const { auth } = signIn({ region: region({ scopes: [OTHER_API_SCOPE] }) });
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    await expect(auth.signInInteractive({})).rejects.toMatchObject({ code: 'AUTH_WRONG_AUDIENCE' });
    expect(await auth.account()).toBeNull();
  });

  it("this computer's clock two hours ahead is named as the problem", async () => {
    const { auth } = signIn({ now: () => Date.now() + 2 * 3600_000 });
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    const e = await auth.signInInteractive({}).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'AUTH_CLOCK_SKEW' });
    expect((e as Error).message).toContain('120 minutes ahead');
  });

  it('a browser window closed or left alone times out, and the loopback port is closed again', async () => {
    const { auth } = signIn({ interactiveTimeoutMs: 3000 });
    browser.next({ kind: 'walk-away' });
    await expect(auth.signInInteractive({})).rejects.toMatchObject({ code: 'AUTH_BROWSER_TIMEOUT' });
    const redirect = new URL(new URL(browser.opened.at(-1)!).searchParams.get('redirect_uri')!);
    const refused = await new Promise<string>((resolve) => {
      const s = connect(Number(redirect.port), '127.0.0.1');
      s.on('connect', () => {
        s.destroy();
        resolve('open');
      });
      s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('the technician cancels while the browser is open', async () => {
    const { auth } = signIn();
    browser.next({ kind: 'walk-away' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1500);
    await expect(auth.signInInteractive({ signal: ac.signal })).rejects.toMatchObject({
      code: 'AUTH_CANCELLED',
    });
  });

  it('no system browser can be opened', async () => {
    const { auth } = signIn({
      openBrowser: () => Promise.reject(new Error('xdg-open: no method available')),
    });
    await expect(auth.signInInteractive({})).rejects.toMatchObject({ code: 'AUTH_BROWSER_FAILED' });
  });

  it('no network to the authority', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { auth } = signIn({ region: region({ authority: `https://127.0.0.1:${port}` }) });
    const e = await auth.signInInteractive({}).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'AUTH_NO_NETWORK' });
    expect((e as Error).message).toContain('NET_REFUSED');
  });

  it('an authority whose certificate this computer does not trust', async () => {
    const { auth } = signIn({ extraCa: [] });
    await expect(auth.signInInteractive({})).rejects.toMatchObject({ code: 'AUTH_AUTHORITY_UNTRUSTED' });
  });
});

describe('device code sign-in (a console without a browser)', () => {
  it('shows a code; the person approves it on another device; the token is bound as usual', async () => {
    const { auth } = signIn();
    const who = await auth.signInWithDeviceCode({
      faceUrl: `${FACE}/`,
      onPrompt: (p) => {
        expect(p.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
        expect(p.expiresAt.getTime()).toBeGreaterThan(Date.now());
        void browser.approveDeviceCode(p.verificationUri, p.userCode, 'technician@contoso.example');
      },
    });
    expect(who).toMatchObject({ origin: FACE, username: 'technician@contoso.example' });
    expect(idp.issued('device_code')).toBeGreaterThan(0);
    expect(readClaims(await auth.accessToken({ origin: FACE }))?.aud).toBe(idp.audience);
  });

  it("against a strictly RFC 8628 provider MSAL fails (why the simulator also accepts Entra's grant name)", async () => {
    const strict = await startOidcSimulator({
      certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
      entraCompat: false,
    });
    try {
      const { auth } = signIn({ region: region({ authority: strict.issuer }) });
      const e = await auth.signInWithDeviceCode({ onPrompt: () => {} }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'AUTH_AUTHORITY_ERROR' });
      expect((e as Error).message).toContain('unsupported_grant_type');
    } finally {
      await strict.close();
    }
  });

  it('can be stopped while it waits for the code', async () => {
    const { auth } = signIn();
    const ac = new AbortController();
    await expect(
      auth.signInWithDeviceCode({ signal: ac.signal, onPrompt: () => setTimeout(() => ac.abort(), 500) }),
    ).rejects.toMatchObject({ code: 'AUTH_CANCELLED' });
  });
});
