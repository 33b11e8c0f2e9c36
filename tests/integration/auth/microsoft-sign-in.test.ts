// MSAL against a real OpenID provider (oidc-provider) on 127.0.0.1 over real TLS, Chromium playing the system browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import {
  OTHER_API_SCOPE,
  SIM_TENANT,
  startOidcSimulator,
  type OidcSimulator,
} from '../../../scripts/sim/oidc/oidc-server';
import { createMicrosoftSignIn, type MicrosoftSignInOptions } from '../../../main/core/auth/microsoft-sign-in';
import { secretSignInCache, type SignInSecretName } from '../../../main/core/auth/sign-in-cache';
import { readClaims } from '../../../main/core/auth/token-claims';
import type { AuthRegion } from '../../../main/core/auth/regions';
import { createMemorySecretStore } from '../../../main/core/secrets/memory-secret-store';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';

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
      cache: secretSignInCache(store),
      openBrowser: (u) => browser.open(u),
      extraCa: [ca.cert],
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
  });
});
