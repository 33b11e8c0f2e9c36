// Microsoft sign-in for a native app (RFC 8252), per XS4 Face region, with MSAL: the system browser with a loopback
// redirect (authorization code + PKCE), the device code flow, silent refresh and sign-out, over an encrypted cache.
import { request as httpPost } from 'node:http';
import {
  type AccountInfo,
  type AuthenticationResult,
  type ICachePlugin,
  LogLevel,
  ProtocolMode,
  PublicClientApplication,
} from '@azure/msal-node';
import { AppError } from '../errors';
import { INTERACTIVE_TIMEOUT_MS, TOKEN_RENEWAL_MARGIN_MS } from './auth-assumptions';
import { authError, mapAuthError, type SignInSurface } from './auth-errors';
import { createAuthNetwork } from './msal-network';
import { type AuthRegion, originOf } from './regions';
import type { SignInBinding, SignInCache, SignInRecord } from './sign-in-cache';
import { assertAudience, assertClock, assertTenant } from './token-claims';
import { catalogBrowserPages, type BrowserPages } from './browser-pages';

export type { BrowserPages } from './browser-pages';

/** Opens a URL in the system browser: Electron's shell.openExternal in the app, the OS opener in the CLI. */
export type OpenBrowser = (url: string) => Promise<void>;

/** What the device code flow asks the technician to do on another device. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** When the code stops working. */
  expiresAt: Date;
}

export interface MicrosoftSignInOptions {
  region: AuthRegion;
  cache: SignInCache;
  openBrowser: OpenBrowser;
  /** CA certificates (PEM) trusted for the authority besides the system store (tests, a site's TLS proxy). */
  extraCa?: string[] | undefined;
  now?: () => number;
  interactiveTimeoutMs?: number;
  /** The pages the browser shows after the redirect; the catalogs' English ones when neither these nor the request's. */
  pages?: BrowserPages;
  /** Who reads this sign-in's errors: their remedies name the app's buttons or the CLI's commands. */
  surface: SignInSurface;
}

export interface SignInRequest {
  /** The XS4 Face server (or Console API) the tokens will be sent to; the region's API base when absent. */
  faceUrl?: string | undefined;
  signal?: AbortSignal | undefined;
  /** The pages the browser shows after the redirect, for this sign-in (the technician's language); the defaults otherwise. */
  pages?: BrowserPages | undefined;
}

export interface MicrosoftSignIn {
  readonly region: AuthRegion;
  /** Who is signed in and for which origin, or null (nothing is contacted). */
  account(): Promise<SignInBinding | null>;
  /** Opens the system browser and waits for the loopback redirect (up to the timeout, or until `signal` aborts). */
  signInInteractive(req: SignInRequest): Promise<SignInBinding>;
  /** Shows a code to enter on another device (`onPrompt`), then waits for it. */
  signInWithDeviceCode(
    req: SignInRequest & { onPrompt: (p: DeviceCodePrompt) => void },
  ): Promise<SignInBinding>;
  /** A current access token for the XS4 Face API at `origin`, refreshed silently when needed. */
  accessToken(req: {
    origin: string;
    signal?: AbortSignal | undefined;
    forceRefresh?: boolean;
  }): Promise<string>;
  /** Forgets the account and its tokens on this computer; true when someone was signed in. */
  signOut(): Promise<boolean>;
}

/** Settles a loopback listener MSAL is waiting on, by posting an error for its own state (so MSAL closes it). */
function releaseLoopback(authorizeUrl: string): Promise<void> {
  return new Promise((resolve) => {
    let u: URL;
    let redirect: URL;
    try {
      u = new URL(authorizeUrl);
      redirect = new URL(u.searchParams.get('redirect_uri') ?? '');
    } catch {
      resolve();
      return;
    }
    const body = new URLSearchParams({
      error: 'access_denied',
      error_description: 'stopped by the app',
      state: u.searchParams.get('state') ?? '',
    }).toString();
    // The listener binds 127.0.0.1 (MSAL names it "localhost" in the redirect URI).
    const req = httpPost(
      {
        host: '127.0.0.1',
        port: Number(redirect.port),
        path: '/',
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
        timeout: 5000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', () => resolve());
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

function abortPromise(signal: AbortSignal | undefined): { promise: Promise<never>; dispose(): void } {
  let onAbort: (() => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    if (!signal) return;
    onAbort = () => reject(authError.cancelled());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => onAbort && signal?.removeEventListener('abort', onAbort) };
}

export function createMicrosoftSignIn(opts: MicrosoftSignInOptions): MicrosoftSignIn {
  const { region, cache } = opts;
  const now = opts.now ?? Date.now;
  const host = new URL(region.authority).host;
  const network = createAuthNetwork({ extraCa: opts.extraCa });
  const pages = opts.pages ?? catalogBrowserPages('en');
  const { surface } = opts;
  const timeoutMs = opts.interactiveTimeoutMs ?? INTERACTIVE_TIMEOUT_MS;
  // The record as last read, so the plugin writes back the binding with MSAL's cache.
  let record: SignInRecord = { version: 1, binding: null, msal: '' };
  // The last token handed out: reused while it has more than MSAL's renewal margin left and the saved sign-in still
  // holds it, so a burst of requests does not go to MSAL for each. Reading the saved sign-in first is cheap (an
  // unchanged file is not decrypted again) and sees a sign-out by the other program (the app and the CLI share it).
  let memo: { origin: string; token: string; expiresOn: number } | null = null;

  const cachePlugin: ICachePlugin = {
    async beforeCacheAccess(ctx) {
      record = await cache.read();
      if (record.msal !== '') ctx.tokenCache.deserialize(record.msal);
    },
    async afterCacheAccess(ctx) {
      if (!ctx.cacheHasChanged) return;
      record = { ...record, msal: ctx.tokenCache.serialize() };
      await cache.write(record);
    },
  };

  const pca = new PublicClientApplication({
    auth: {
      clientId: region.clientId,
      authority: region.authority,
      // A non-Microsoft authority must be listed by host to be used without Microsoft's instance discovery.
      ...(region.protocol === 'oidc' ? { knownAuthorities: [host] } : {}),
    },
    cache: { cachePlugin },
    system: {
      // msal-node 7 reads the protocol mode here (older releases read it under `auth`).
      protocolMode: region.protocol === 'oidc' ? ProtocolMode.OIDC : ProtocolMode.AAD,
      networkClient: network,
      // MSAL's own log lines may carry account names; nothing of it reaches our logs.
      loggerOptions: { loggerCallback: () => {}, piiLoggingEnabled: false, logLevel: LogLevel.Error },
    },
  });

  const map = (e: unknown): AppError => mapAuthError(e, { host, lastNetError: network.lastError(), surface });
  const authorityOrigin = new URL(region.authority).origin;
  const isAuthorityUrl = (url: string): boolean => {
    try {
      const u = new URL(url);
      return u.protocol === 'https:' && u.origin === authorityOrigin;
    } catch {
      return false;
    }
  };

  async function accountInCache(): Promise<AccountInfo | null> {
    const all = await pca.getTokenCache().getAllAccounts();
    return all[0] ?? null;
  }

  /** Keeps one account: the one just signed in. */
  async function dropOthers(keep: AccountInfo): Promise<void> {
    for (const a of await pca.getTokenCache().getAllAccounts())
      if (a.homeAccountId !== keep.homeAccountId) await pca.getTokenCache().removeAccount(a);
  }

  async function finish(
    result: AuthenticationResult | null,
    faceUrl: string | undefined,
  ): Promise<SignInBinding> {
    if (!result?.account) throw authError.authority('no_account', '');
    const origin = originOf(faceUrl ?? region.apiBase);
    try {
      assertTenant(result.idTokenClaims as { tid?: unknown }, region.tenantId);
      assertAudience(result.accessToken, region.audience);
      assertClock(result.accessToken, now());
    } catch (e) {
      // A token that must not be used is not kept either.
      await pca.getTokenCache().removeAccount(result.account);
      throw e;
    }
    await dropOthers(result.account);
    const binding: SignInBinding = {
      regionId: region.id,
      origin,
      username: result.account.username.slice(0, 256),
      signedInAt: new Date(now()).toISOString(),
    };
    record = { ...(await cache.read()), binding };
    await cache.write(record);
    return binding;
  }

  return {
    region,

    async account() {
      const r = await cache.read();
      return r.binding?.regionId === region.id ? r.binding : null;
    },

    async signInInteractive(req) {
      if (req.faceUrl !== undefined) originOf(req.faceUrl);
      network.reset();
      let authorizeUrl: string | undefined;
      let browserError: unknown;
      const interactive = pca.acquireTokenInteractive({
        scopes: region.scopes,
        // Entra shows its account picker (as az login does). A generic OpenID provider issues a refresh token
        // (offline_access) only with prompt=consent (OpenID Connect Core §11); Entra needs no such prompt.
        prompt: region.protocol === 'aad' ? 'select_account' : 'consent',
        successTemplate: (req.pages ?? pages).success,
        errorTemplate: (req.pages ?? pages).error,
        openBrowser: async (url) => {
          authorizeUrl = url;
          try {
            // Only the region's own authority is ever opened in the system browser (shell.openExternal in the app).
            if (!isAuthorityUrl(url)) throw new Error('not an https URL of the region authority');
            await opts.openBrowser(url);
          } catch (e) {
            browserError = e;
            throw e;
          }
        },
      });
      interactive.catch(() => {});
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(authError.browserTimeout(Math.round(timeoutMs / 60_000), surface)),
          timeoutMs,
        );
      });
      timeout.catch(() => {});
      const aborted = abortPromise(req.signal);
      try {
        const result = await Promise.race([interactive, timeout, aborted.promise]);
        return await finish(result, req.faceUrl);
      } catch (e) {
        if (browserError !== undefined) throw authError.browserFailed(browserError, surface);
        if (e instanceof AppError && (e.code === 'AUTH_BROWSER_TIMEOUT' || e.code === 'AUTH_CANCELLED')) {
          // MSAL still listens on the loopback port: answer it, so it closes the port and settles.
          if (authorizeUrl) {
            await releaseLoopback(authorizeUrl);
            await interactive.catch(() => undefined);
          }
          throw e;
        }
        throw map(e);
      } finally {
        clearTimeout(timer);
        aborted.dispose();
      }
    },

    async signInWithDeviceCode(req) {
      if (req.faceUrl !== undefined) originOf(req.faceUrl);
      network.reset();
      const request = {
        scopes: region.scopes,
        cancel: false,
        deviceCodeCallback: (r: { userCode: string; verificationUri: string; expiresIn: number }) => {
          req.onPrompt({
            userCode: r.userCode,
            verificationUri: r.verificationUri,
            expiresAt: new Date(now() + r.expiresIn * 1000),
          });
        },
      };
      // MSAL checks `cancel` between polls.
      const onAbort = (): void => void (request.cancel = true);
      req.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await pca.acquireTokenByDeviceCode(request);
        return await finish(result, req.faceUrl);
      } catch (e) {
        if (req.signal?.aborted) throw authError.cancelled();
        throw map(e);
      } finally {
        req.signal?.removeEventListener('abort', onAbort);
      }
    },

    async accessToken(req) {
      const asked = originOf(req.origin);
      const r = await cache.read();
      if (!r.binding) {
        memo = null;
        throw authError.notSignedIn(region.name, surface);
      }
      if (r.binding.regionId !== region.id) throw authError.wrongRegion(r.binding.regionId, region.id);
      if (r.binding.origin !== asked) throw authError.wrongOrigin(r.binding.origin, asked, surface);
      // MSAL dates tokens with Date.now(), so the reuse check does too.
      if (
        req.forceRefresh !== true &&
        memo?.origin === asked &&
        memo.expiresOn - Date.now() > TOKEN_RENEWAL_MARGIN_MS
      )
        return memo.token;
      memo = null;
      const account = await accountInCache();
      if (!account) throw authError.notSignedIn(region.name, surface);
      network.reset();
      const aborted = abortPromise(req.signal);
      let result: AuthenticationResult;
      try {
        result = await Promise.race([
          pca.acquireTokenSilent({ account, scopes: region.scopes, forceRefresh: req.forceRefresh === true }),
          aborted.promise,
        ]);
      } catch (e) {
        throw map(e);
      } finally {
        aborted.dispose();
      }
      if (!result.fromCache) assertClock(result.accessToken, now());
      assertAudience(result.accessToken, region.audience);
      memo = { origin: asked, token: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? 0 };
      return result.accessToken;
    },

    async signOut() {
      memo = null;
      const r = await cache.read();
      const had = r.binding !== null || r.msal !== '';
      for (const a of await pca.getTokenCache().getAllAccounts()) await pca.getTokenCache().removeAccount(a);
      await cache.clear();
      record = { version: 1, binding: null, msal: '' };
      return had;
    },
  };
}
