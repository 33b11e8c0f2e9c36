// The sign-in the app and the CLI share on Windows (one DPAPI file) and the move of the files earlier versions kept
// apart: real files in a temporary data folder; AES-GCM ciphers stand in for DPAPI and for Electron's safeStorage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignInRecord } from '../../../main/core/auth/sign-in-cache';
import {
  APP_SIGN_IN_FILE,
  appSignInFiles,
  CLI_SIGN_IN_FILE,
  cliSignInFiles,
  SHARED_SIGN_IN_FILE,
  signInFileCache,
} from '../../../main/core/auth/sign-in-file';
import { nodeFileOps, type FileOps } from '../../../main/core/fs/atomic-write';
import type { Cipher } from '../../../main/core/secrets/secret-store';
import { AppError } from '../../../main/core/errors';
import { testCipher } from '../../helpers/test-cipher';

let dir: string;
let dpapi: Cipher;
let safeStorage: Cipher;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xs4-sign-in-file-'));
  dpapi = testCipher(randomBytes(32).toString('hex'));
  safeStorage = testCipher(randomBytes(32).toString('hex'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const unavailable: Cipher = {
  isAvailable: () => false,
  encrypt: () => Promise.reject(new Error('no DPAPI here')),
  decrypt: () => Promise.reject(new Error('no DPAPI here')),
};

function record(username: string, signedInAt: string): SignInRecord {
  return {
    version: 1,
    binding: { regionId: 'local', origin: 'https://127.0.0.1:9443', username, signedInAt },
    msal: JSON.stringify({ Account: { [username]: { username } } }),
  };
}

const app = (fs?: FileOps) =>
  signInFileCache({
    dataDir: dir,
    ...appSignInFiles(safeStorage, dpapi),
    surface: 'app',
    ...(fs ? { fs } : {}),
  });
const cli = () => signInFileCache({ dataDir: dir, ...cliSignInFiles(dpapi), surface: 'cli' });
/** A file as an earlier version wrote it: its own file, its own encryption, nothing to move. */
const earlier = (file: string, cipher: Cipher) =>
  signInFileCache({ dataDir: dir, file, cipher, earlier: [], surface: 'app' });
const files = async () => (await readdir(dir)).sort();

describe('one sign-in for the app and the CLI (Windows)', () => {
  it('both use the DPAPI file: what one saves the other reads, and a sign-out in one signs both out', async () => {
    expect(appSignInFiles(safeStorage, dpapi)).toMatchObject({ file: SHARED_SIGN_IN_FILE, cipher: dpapi });
    expect(cliSignInFiles(dpapi)).toMatchObject({ file: SHARED_SIGN_IN_FILE, cipher: dpapi });
    const r = record('technician@contoso.example', '2026-03-01T10:00:00.000Z');
    await app().write(r);
    expect(await cli().read()).toEqual(r);
    // Encrypted: neither the account nor the tokens are in the file.
    expect(await readFile(join(dir, SHARED_SIGN_IN_FILE), 'utf8')).not.toContain('technician');
    // DPAPI, not safeStorage: only the DPAPI key opens it.
    await expect(earlier(SHARED_SIGN_IN_FILE, safeStorage).read()).rejects.toMatchObject({
      code: 'AUTH_CACHE_UNREADABLE',
    });
    await cli().clear();
    expect((await app().read()).binding).toBeNull();
  });

  it('a failure of PowerShell itself keeps its code and advice (signing in again would not help)', async () => {
    await app().write(record('technician@contoso.example', '2026-03-01T10:00:00.000Z'));
    const slow = new AppError('SECRETS_DPAPI_FAILED', { variant: 'timeout', params: { seconds: 30 } });
    dpapi = { ...dpapi, decrypt: () => Promise.reject(slow) };
    await expect(cli().read()).rejects.toBe(slow);
  });

  it('off Windows the app keeps its own safeStorage file and the CLI saves nothing', async () => {
    expect(appSignInFiles(safeStorage, unavailable)).toEqual({
      file: APP_SIGN_IN_FILE,
      cipher: safeStorage,
      earlier: [],
    });
    const offWindows = signInFileCache({ dataDir: dir, ...cliSignInFiles(unavailable), surface: 'cli' });
    await expect(
      offWindows.write(record('a@contoso.example', '2026-03-01T10:00:00.000Z')),
    ).rejects.toMatchObject({
      code: 'SECRETS_ENCRYPTION_UNAVAILABLE',
    });
    expect(await files()).toEqual([]);
  });
});

describe('moving the sign-ins of earlier versions in (nobody is signed out by the update)', () => {
  it("the CLI's sign-in-cli.json (already DPAPI) becomes the shared file, and the app reads it", async () => {
    const r = record('cli-user@contoso.example', '2026-02-01T10:00:00.000Z');
    await earlier(CLI_SIGN_IN_FILE, dpapi).write(r);
    expect(await cli().read()).toEqual(r);
    expect(await files()).toEqual([SHARED_SIGN_IN_FILE]);
    expect(await app().read()).toEqual(r);
  });

  it("the app's safeStorage sign-in.json is decrypted with safeStorage and saved again with DPAPI", async () => {
    const r = record('app-user@contoso.example', '2026-02-01T10:00:00.000Z');
    await earlier(APP_SIGN_IN_FILE, safeStorage).write(r);
    expect(await app().read()).toEqual(r);
    expect(await files()).toEqual([SHARED_SIGN_IN_FILE]);
    // Now in DPAPI: the CLI, which has no safeStorage, reads it.
    expect(await earlier(SHARED_SIGN_IN_FILE, dpapi).read()).toEqual(r);
    expect(await cli().read()).toEqual(r);
  });

  it('with both earlier files the newer sign-in wins, whichever program made it', async () => {
    const older = record('older@contoso.example', '2026-01-01T10:00:00.000Z');
    const newer = record('newer@contoso.example', '2026-02-01T10:00:00.000Z');
    for (const [inCli, inApp] of [
      [older, newer],
      [newer, older],
    ] as const) {
      await rm(join(dir, SHARED_SIGN_IN_FILE), { force: true });
      await earlier(CLI_SIGN_IN_FILE, dpapi).write(inCli);
      await earlier(APP_SIGN_IN_FILE, safeStorage).write(inApp);
      expect(await app().read()).toEqual(newer);
      expect(await files()).toEqual([SHARED_SIGN_IN_FILE]);
    }
  });

  it('a sign-in made after the update (already shared) is newer than an earlier file: it stays, the old file goes', async () => {
    const now = record('now@contoso.example', '2026-03-01T10:00:00.000Z');
    const before = record('before@contoso.example', '2026-01-01T10:00:00.000Z');
    await earlier(APP_SIGN_IN_FILE, safeStorage).write(before);
    await cli().write(now);
    expect(await app().read()).toEqual(now);
    expect(await files()).toEqual([SHARED_SIGN_IN_FILE]);
    // And an earlier file with nobody signed in is simply removed.
    await earlier(CLI_SIGN_IN_FILE, dpapi).write({ version: 1, binding: null, msal: '' });
    expect(await cli().read()).toEqual(now);
    expect(await files()).toEqual([SHARED_SIGN_IN_FILE]);
  });

  it('the earlier file is removed only after the shared one is written and read back (decrypted again)', async () => {
    const r = record('app-user@contoso.example', '2026-02-01T10:00:00.000Z');
    await earlier(APP_SIGN_IN_FILE, safeStorage).write(r);
    const shared = join(dir, SHARED_SIGN_IN_FILE);
    const steps: string[] = [];
    const watching: FileOps = {
      ...nodeFileOps,
      rename: async (a, b) => {
        if (b === shared) steps.push('write shared');
        return nodeFileOps.rename(a, b);
      },
      readFile: async (p, e) => {
        if (p === shared) steps.push('read shared');
        return nodeFileOps.readFile(p, e);
      },
      rm: async (p, o) => {
        if (p === join(dir, APP_SIGN_IN_FILE)) steps.push('remove sign-in.json');
        return nodeFileOps.rm(p, o);
      },
    };
    const counting = dpapi;
    dpapi = { ...counting, decrypt: (b) => (steps.push('decrypt'), counting.decrypt(b)) };
    expect(await app(watching).read()).toEqual(r);
    const written = steps.indexOf('write shared');
    expect(written).toBeGreaterThanOrEqual(0);
    // Read back and decrypted with DPAPI before sign-in.json goes; then the read that was asked for.
    expect(steps.slice(written)).toEqual([
      'write shared',
      'read shared',
      'decrypt',
      'remove sign-in.json',
      'read shared',
      'decrypt',
    ]);
  });

  it('a shared file that cannot be read back keeps the earlier file; the next start moves it', async () => {
    const r = record('app-user@contoso.example', '2026-02-01T10:00:00.000Z');
    await earlier(APP_SIGN_IN_FILE, safeStorage).write(r);
    const working = dpapi;
    let broken = true;
    dpapi = {
      ...working,
      decrypt: (b) => (broken ? Promise.reject(new Error('DPAPI refused')) : working.decrypt(b)),
    };
    const first = app();
    await expect(first.read()).rejects.toMatchObject({ code: 'AUTH_CACHE_UNREADABLE' });
    expect(await files()).toEqual([SHARED_SIGN_IN_FILE, APP_SIGN_IN_FILE].sort());
    broken = false;
    expect(await first.read()).toEqual(r);
    expect(await files()).toEqual([SHARED_SIGN_IN_FILE]);
  });

  it('an earlier file this user cannot decrypt is left alone (nobody is signed in), and the next sign-out removes it', async () => {
    await earlier(CLI_SIGN_IN_FILE, testCipher(randomBytes(32).toString('hex'))).write(
      record('other-user@contoso.example', '2026-02-01T10:00:00.000Z'),
    );
    expect((await cli().read()).binding).toBeNull();
    expect(await files()).toEqual([CLI_SIGN_IN_FILE]);
    expect(await cli().forget()).toBe(true);
    expect(await files()).toEqual([]);
    expect((await app().read()).binding).toBeNull();
  });

  it("the CLI leaves the app's safeStorage file for the app to move, and `logout` (forget) removes it", async () => {
    await earlier(APP_SIGN_IN_FILE, safeStorage).write(
      record('app-user@contoso.example', '2026-02-01T10:00:00.000Z'),
    );
    expect((await cli().read()).binding).toBeNull();
    expect(await files()).toContain(APP_SIGN_IN_FILE);
    expect(await cli().forget()).toBe(true);
    expect(await files()).not.toContain(APP_SIGN_IN_FILE);
    expect((await app().read()).binding).toBeNull();
    expect(await cli().forget()).toBe(false);
  });
});
