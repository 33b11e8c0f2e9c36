// Microsoft sign-in for a whole program (the app or the CLI): regions, the encrypted sign-in file, the browser opener,
// and token providers for the XS4 Face client. What the wizard's sign-in screen and the setup service call.
import type { TokenProvider } from '../face/token-provider';
import type { Cipher } from '../secrets/secret-store';
import { createMicrosoftSignIn, type MicrosoftSignIn, type OpenBrowser } from './microsoft-sign-in';
import { type AuthRegion, loadRegions, originOf, pickRegion } from './regions';
import type { SignInBinding, SignInCache } from './sign-in-cache';
import { signInFileCache, type EarlierSignInFile } from './sign-in-file';
import { signedInTokenProvider } from './signed-in-token-provider';

export interface SignInServiceDeps {
  /** The data folder; the sign-in is kept in `<dataDir>/<file>`. */
  dataDir: string;
  /**
   * Where and how (`appSignInFiles` in sign-in-file.ts): on Windows the file shared with the CLI, encrypted with DPAPI;
   * elsewhere `sign-in.json` with safeStorage.
   */
  file: string;
  cipher: Cipher;
  /** Sign-in files of earlier versions, moved into `file` on first use (the newer sign-in wins). */
  earlier?: EarlierSignInFile[];
  openBrowser: OpenBrowser;
  env?: NodeJS.ProcessEnv;
  /** Every token handed out and the cache text, for the log redactor. */
  onSecretSeen?: (value: string) => void;
  extraCa?: string[];
}

export interface SignInService {
  /** Every region (the built-in ones with `usable: false` until their values are known). */
  regions(): Promise<Array<AuthRegion & { usable: boolean }>>;
  /** The sign-in of a region, for signInInteractive / signInWithDeviceCode / signOut. */
  forRegion(regionId: string | undefined): Promise<MicrosoftSignIn>;
  /** Who is signed in (region, server origin, account), or null. Nothing is contacted. */
  current(): Promise<SignInBinding | null>;
  /** A token provider for the XS4 Face client of `faceUrl`, or null when nobody is signed in for that server. */
  tokenProviderFor(faceUrl: string): Promise<TokenProvider | null>;
  /** Signs out whoever is signed in; true when someone was. */
  signOut(): Promise<boolean>;
}

/** The service is the app's (the CLI signs in through main/cli/sign-in.ts): its errors name the app's buttons. */
const SURFACE = 'app';

export function createSignInService(deps: SignInServiceDeps): SignInService {
  const env = deps.env ?? process.env;
  const seen = deps.onSecretSeen ?? (() => {});
  const cache: SignInCache = signInFileCache({
    dataDir: deps.dataDir,
    file: deps.file,
    cipher: deps.cipher,
    earlier: deps.earlier ?? [],
    surface: SURFACE,
    onSecretSeen: seen,
  });
  // One instance per region, so its in-memory token is reused across the XS4 Face clients of the app.
  const instances = new Map<string, MicrosoftSignIn>();
  const make = (region: AuthRegion): MicrosoftSignIn => {
    const known = instances.get(region.id);
    if (known) return known;
    const made = createMicrosoftSignIn({
      region,
      cache,
      openBrowser: deps.openBrowser,
      ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
      surface: SURFACE,
    });
    instances.set(region.id, made);
    return made;
  };

  async function saved(): Promise<MicrosoftSignIn | null> {
    if (!deps.cipher.isAvailable()) return null;
    const binding = (await cache.read()).binding;
    if (!binding) return null;
    return make(pickRegion(await loadRegions(env), binding.regionId, SURFACE));
  }

  return {
    async regions() {
      return (await loadRegions(env)).map((r) => ({ ...r, usable: r.clientId !== '' }));
    },
    async forRegion(regionId) {
      return make(pickRegion(await loadRegions(env), regionId, SURFACE));
    },
    async current() {
      if (!deps.cipher.isAvailable()) return null;
      return (await cache.read()).binding;
    },
    async tokenProviderFor(faceUrl) {
      const signIn = await saved();
      const who = await signIn?.account();
      if (!signIn || who?.origin !== originOf(faceUrl)) return null;
      const inner = signedInTokenProvider(signIn, faceUrl);
      return {
        async getToken(signal) {
          const t = await inner.getToken(signal);
          seen(t);
          return t;
        },
        invalidate: () => inner.invalidate?.(),
      };
    },
    async signOut() {
      const signIn = await saved();
      return signIn ? signIn.signOut() : false;
    },
  };
}
