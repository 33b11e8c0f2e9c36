// Where the Microsoft sign-in lives: on Windows one file the app and the CLI share, encrypted with DPAPI; and the move
// of the sign-ins earlier versions kept apart (the app's safeStorage file, the CLI's DPAPI file) into it.
import { join } from 'node:path';
import { z } from 'zod';
import { isNotFound, nodeFileOps, type FileOps } from '../fs/atomic-write';
import { createEncryptedFileSecretStore } from '../secrets/encrypted-file-secret-store';
import type { Cipher } from '../secrets/secret-store';
import type { SignInSurface } from './auth-errors';
import {
  parseSignInRecord,
  SIGN_IN_SECRET,
  secretSignInCache,
  type SignInCache,
  type SignInRecord,
} from './sign-in-cache';

/** The sign-in of the app and the CLI on Windows (DPAPI, current user), in the data folder. */
export const SHARED_SIGN_IN_FILE = 'microsoft-sign-in.json';
/** The app's own sign-in, encrypted with safeStorage: written by earlier versions; still the app's file off Windows. */
export const APP_SIGN_IN_FILE = 'sign-in.json';
/** The CLI's own sign-in of earlier versions (already DPAPI). */
export const CLI_SIGN_IN_FILE = 'sign-in-cli.json';

/** A sign-in file an earlier version wrote; without a cipher this program cannot read it (it is removed at sign-out). */
export interface EarlierSignInFile {
  file: string;
  cipher?: Cipher;
}

/** The file a program keeps its sign-in in, its encryption, and the earlier files it takes over. */
export interface SignInFiles {
  file: string;
  cipher: Cipher;
  earlier: EarlierSignInFile[];
}

/**
 * The app: the shared file where DPAPI exists (Windows), taking over the CLI's file and its own safeStorage file (which
 * only it can decrypt); elsewhere its own file with safeStorage, as before.
 */
export function appSignInFiles(safeStorage: Cipher, dpapi: Cipher): SignInFiles {
  if (!dpapi.isAvailable()) return { file: APP_SIGN_IN_FILE, cipher: safeStorage, earlier: [] };
  return {
    file: SHARED_SIGN_IN_FILE,
    cipher: dpapi,
    earlier: [
      { file: CLI_SIGN_IN_FILE, cipher: dpapi },
      { file: APP_SIGN_IN_FILE, cipher: safeStorage },
    ],
  };
}

/**
 * The CLI: the shared file (off Windows it cannot encrypt it and saves nothing). It takes over its own earlier file; the
 * app's safeStorage file waits for the app, and is only removed by `logout` (which signs out both programs).
 */
export function cliSignInFiles(dpapi: Cipher): SignInFiles {
  return {
    file: SHARED_SIGN_IN_FILE,
    cipher: dpapi,
    earlier: dpapi.isAvailable()
      ? [{ file: CLI_SIGN_IN_FILE, cipher: dpapi }, { file: APP_SIGN_IN_FILE }]
      : [],
  };
}

export interface SignInFileCache extends SignInCache {
  /** Removes the sign-in and every earlier file of it (those this program cannot read too); true when any was there. */
  forget(): Promise<boolean>;
}

export interface SignInFileCacheOptions extends SignInFiles {
  dataDir: string;
  /** Whose remedies the errors give: the app's buttons or the CLI's commands. */
  surface: SignInSurface;
  onSecretSeen?: (value: string) => void;
  fs?: FileOps;
}

const signedInAt = (r: SignInRecord): number => {
  const t = r.binding === null ? Number.NaN : Date.parse(r.binding.signedInAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/**
 * WHICH SIGN-IN WINS when an earlier file and the shared file (or both earlier files) hold one: the newer sign-in, by
 * the time it was made (`binding.signedInAt`); on a tie the shared file stays. A record nobody is signed in to never wins.
 */
function newer(candidate: SignInRecord, current: SignInRecord): boolean {
  return candidate.binding !== null && signedInAt(candidate) > signedInAt(current);
}

/**
 * The sign-in file of a program. On first use the earlier files it can read are moved in (the newer sign-in wins, see
 * `newer`): the winner is written to the shared file and read back (decrypted again) before the earlier file is removed;
 * an earlier file that cannot be read here (another Windows user, damaged) is left alone until the next sign-out.
 */
export function signInFileCache(opts: SignInFileCacheOptions): SignInFileCache {
  const fs = opts.fs ?? nodeFileOps;
  const pathOf = (file: string): string => join(opts.dataDir, file);
  const cacheOf = (file: string, cipher: Cipher): SignInCache =>
    secretSignInCache(
      createEncryptedFileSecretStore({
        path: pathOf(file),
        cipher,
        names: z.literal(SIGN_IN_SECRET),
        ...(opts.onSecretSeen ? { onSecretSeen: opts.onSecretSeen } : {}),
        fs,
      }),
      opts.surface,
    );
  const shared = cacheOf(opts.file, opts.cipher);

  async function moveIn(earlier: EarlierSignInFile): Promise<void> {
    if (!earlier.cipher?.isAvailable()) return;
    let record: SignInRecord;
    try {
      record = await cacheOf(earlier.file, earlier.cipher).read();
    } catch {
      return;
    }
    if (record.binding !== null && newer(record, await shared.read())) {
      await shared.write(record);
      // Through a store of its own, so the new file is really decrypted (not answered from memory).
      const back = await cacheOf(opts.file, opts.cipher).read();
      // Another program wrote in between: the earlier file stays, and is weighed again next time.
      if (JSON.stringify(back) !== JSON.stringify(parseSignInRecord(record))) return;
    }
    await fs.rm(pathOf(earlier.file), { force: true });
  }

  let moved: Promise<void> | undefined;
  const ready = (): Promise<void> =>
    (moved ??= (async () => {
      if (!opts.cipher.isAvailable()) return;
      for (const earlier of opts.earlier) await moveIn(earlier);
    })().catch((e: unknown) => {
      moved = undefined;
      throw e;
    }));

  const exists = (file: string): Promise<boolean> =>
    fs.readFile(pathOf(file), 'utf8').then(
      () => true,
      (e: unknown) => !isNotFound(e),
    );

  async function forget(): Promise<boolean> {
    // Signing out must work even when the sign-in (or an earlier one) can no longer be read.
    await ready().catch(() => {});
    let had: boolean;
    try {
      const r = await shared.read();
      had = r.binding !== null || r.msal !== '';
    } catch {
      had = true;
    }
    await shared.clear();
    let removed = false;
    for (const { file } of opts.earlier) {
      if (!(await exists(file))) continue;
      await fs.rm(pathOf(file), { force: true });
      removed = true;
    }
    return had || removed;
  }

  return {
    read: async () => {
      await ready();
      return shared.read();
    },
    write: async (record) => {
      await ready();
      return shared.write(record);
    },
    clear: async () => {
      await forget();
    },
    forget,
  };
}
