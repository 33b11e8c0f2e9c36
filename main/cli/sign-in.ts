// The CLI's Microsoft sign-in: the regions, the encrypted sign-in file in the data folder, the system browser.
import { join } from 'node:path';
import { z } from 'zod';
import {
  createMicrosoftSignIn,
  type MicrosoftSignIn,
  type OpenBrowser,
} from '../core/auth/microsoft-sign-in';
import { type AuthRegion, loadRegions, originOf, pickRegion } from '../core/auth/regions';
import { catalogBrowserPages } from '../core/auth/browser-pages';
import { SIGN_IN_SECRET, secretSignInCache, type SignInCache } from '../core/auth/sign-in-cache';
import { dataDir } from '../core/paths';
import { createEncryptedFileSecretStore } from '../core/secrets/encrypted-file-secret-store';
import type { Cipher } from '../core/secrets/secret-store';
import { dpapiCipher } from '../core/windows/dpapi-cipher';
import type { CliIo } from './io';
import { systemBrowser } from './open-browser';
import { cliLanguage } from './say';

/** The file of the CLI's saved sign-in in the data folder (the app keeps its own, encrypted with safeStorage). */
export const CLI_SIGN_IN_FILE = 'sign-in-cli.json';

/** What the sign-in needs from the machine; tests give a cipher (DPAPI is Windows-only) and a browser. */
export interface CliAuthDeps {
  cipher: Cipher;
  openBrowser: OpenBrowser;
  /** CA certificates trusted for the authority besides the system store (NODE_EXTRA_CA_CERTS covers the usual case). */
  extraCa?: string[];
}

export function defaultCliAuth(platform: NodeJS.Platform): CliAuthDeps {
  return { cipher: dpapiCipher({ platform }), openBrowser: systemBrowser(platform) };
}

function cacheOf(io: CliIo, deps: CliAuthDeps): SignInCache {
  const store = createEncryptedFileSecretStore({
    path: join(dataDir(io.env, io.platform), CLI_SIGN_IN_FILE),
    cipher: deps.cipher,
    names: z.literal(SIGN_IN_SECRET),
  });
  return secretSignInCache(store, 'cli');
}

/** The CLI's own: its errors name its commands, and the browser's after-sign-in page speaks its --lang. */
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

/** The sign-in saved by `xs4-setup login`, or null when nobody is signed in (or it cannot be read here). */
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
