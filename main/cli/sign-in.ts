// The CLI's Microsoft sign-in: the regions, the sign-in file shared with the app (DPAPI), the system browser.
import {
  createMicrosoftSignIn,
  type MicrosoftSignIn,
  type OpenBrowser,
} from '../core/auth/microsoft-sign-in';
import { type AuthRegion, loadRegions, originOf, pickRegion } from '../core/auth/regions';
import { catalogBrowserPages } from '../core/auth/browser-pages';
import type { SignInCache } from '../core/auth/sign-in-cache';
import { cliSignInFiles, signInFileCache, type SignInFileCache } from '../core/auth/sign-in-file';
import { dataDir } from '../core/paths';
import type { Cipher } from '../core/secrets/secret-store';
import { dpapiCipher } from '../core/windows/dpapi-cipher';
import type { CliIo } from './io';
import { systemBrowser } from './open-browser';
import { cliLanguage } from './say';

/** What the sign-in needs from the machine; tests give a cipher (DPAPI is Windows-only) and a browser. */
export interface CliAuthDeps {
  /** DPAPI for the current user (the app reads the same file with the same encryption). */
  cipher: Cipher;
  openBrowser: OpenBrowser;
  /** CA certificates trusted for the authority besides the system store (NODE_EXTRA_CA_CERTS covers the usual case). */
  extraCa?: string[];
}

export function defaultCliAuth(platform: NodeJS.Platform): CliAuthDeps {
  return { cipher: dpapiCipher({ platform }), openBrowser: systemBrowser(platform) };
}

/** The sign-in file in the data folder, the one the app uses too (main/core/auth/sign-in-file.ts). */
function cacheOf(io: CliIo, deps: CliAuthDeps): SignInFileCache {
  return signInFileCache({
    dataDir: dataDir(io.env, io.platform),
    ...cliSignInFiles(deps.cipher),
    surface: 'cli',
  });
}

function signInOf(region: AuthRegion, cache: SignInCache, deps: CliAuthDeps): MicrosoftSignIn {
  return createMicrosoftSignIn({
    region,
    cache,
    openBrowser: deps.openBrowser,
    extraCa: deps.extraCa,
    surface: 'cli',
    pages: catalogBrowserPages(cliLanguage()),
  });
}

/** The sign-in of a region (the only usable one when none is named). */
export async function cliSignIn(
  io: CliIo,
  deps: CliAuthDeps,
  regionId: string | undefined,
): Promise<MicrosoftSignIn> {
  return signInOf(pickRegion(await loadRegions(io.env), regionId, 'cli'), cacheOf(io, deps), deps);
}

/** The saved sign-in (by `xs4-setup login` or the app), or null when nobody is signed in (or it cannot be read here). */
export async function savedCliSignIn(io: CliIo, deps: CliAuthDeps): Promise<MicrosoftSignIn | null> {
  if (!deps.cipher.isAvailable()) return null;
  const cache = cacheOf(io, deps);
  const binding = (await cache.read()).binding;
  if (!binding) return null;
  return signInOf(pickRegion(await loadRegions(io.env), binding.regionId, 'cli'), cache, deps);
}

/**
 * A token for `faceUrl` from the saved sign-in, or undefined when nobody is signed in for that server. A sign-in bound
 * to another server is not used (its token is never sent elsewhere).
 */
export async function savedSignInToken(
  io: CliIo,
  deps: CliAuthDeps,
  faceUrl: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const signIn = await savedCliSignIn(io, deps);
  const who = await signIn?.account();
  if (!signIn || !who || who.origin !== originOf(faceUrl)) return undefined;
  return signIn.accessToken({ origin: who.origin, signal });
}

/**
 * Removes every saved sign-in file, also one the app of an earlier version left that only the app can read (so `logout`
 * signs out both programs); true when there was one. Nothing is removed where the CLI cannot encrypt (off Windows).
 */
export async function forgetSignIn(io: CliIo, deps: CliAuthDeps): Promise<boolean> {
  if (!deps.cipher.isAvailable()) return false;
  return cacheOf(io, deps).forget();
}
