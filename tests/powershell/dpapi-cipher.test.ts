// The DPAPI cipher of the sign-in the app and the CLI share, in real PowerShell: the production script and its Node side
// (spawn, stdin/stdout, exit codes, timeout, errors with a code and a remedy), with only [ProtectedData] shadowed
// (fake-windows/FakeDpapi.ps1) where it does not exist; the production call itself where it does (Windows) and its refusal
// where it does not (pwsh off Windows).
import { afterAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import {
  signInFileCache,
  CLI_SIGN_IN_FILE,
  SHARED_SIGN_IN_FILE,
  cliSignInFiles,
  appSignInFiles,
} from '../../main/core/auth/sign-in-file';
import { AppError } from '../../main/core/errors';
import { createEncryptedFileSecretStore } from '../../main/core/secrets/encrypted-file-secret-store';
import { dpapiCipher } from '../../main/core/windows/dpapi-cipher';
import { testCipher } from '../helpers/test-cipher';
import { fakeDpapiCipher } from './helpers/fake-dpapi';
import { describePs, ps } from './helpers/powershell';

const onWindows = process.platform === 'win32';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PowerShell processes this test process started (children running an -EncodedCommand), from /proc; [] without it. */
function startedByUs(): number[] {
  if (!existsSync('/proc')) return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('-EncodedCommand')) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
const CANARY = 'CANARY-sign-in {"msal":"ünïcode ✓ 中 🙂"}';

describePs('DPAPI cipher through PowerShell', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-dpapi-ps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seals on stdin/stdout and opens again, without holding up the caller while PowerShell works', async () => {
    const cipher = fakeDpapiCipher();
    expect(cipher.isAvailable()).toBe(true);
    // The event loop keeps turning while PowerShell starts and answers (spawn, not spawnSync).
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const sealed = await cipher.encrypt(CANARY);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
    // The double's own format: proof the data went through PowerShell's Protect-Xs4Data.
    expect(sealed.subarray(0, 12).toString('latin1')).toBe('XS4FAKEDPAPI');
    expect(sealed.toString('latin1')).not.toContain('CANARY');
    expect(await cipher.decrypt(sealed)).toBe(CANARY);
  });

  it("another Windows user's data is refused: the store says it cannot be decrypted (not a PowerShell failure)", async () => {
    const file = path.join(dir, 'other-user.json');
    const names = z.literal('signIn');
    await createEncryptedFileSecretStore({
      path: file,
      cipher: fakeDpapiCipher({ user: 'alice' }),
      names,
    }).set('signIn', CANARY);
    expect(readFileSync(file, 'utf8')).not.toContain('CANARY');
    const e = await createEncryptedFileSecretStore({
      path: file,
      cipher: fakeDpapiCipher({ user: 'bob' }),
      names,
    })
      .get('signIn')
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'SECRET_UNDECRYPTABLE' });
    expect(String((e as Error).message)).not.toContain('CANARY');
  });

  it('a PowerShell that does not answer in time is stopped: SECRETS_DPAPI_FAILED (timeout) with what to do', async () => {
    const pidFile = path.join(dir, 'hang.pid');
    const started = Date.now();
    const e = await fakeDpapiCipher({ mode: 'hang', pidFile, timeoutMs: 20_000 })
      .encrypt(CANARY)
      .catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'SECRETS_DPAPI_FAILED', key: 'errors.SECRETS_DPAPI_FAILED.timeout' });
    expect((e as AppError).message).toContain('within 20 s');
    expect((e as AppError).remedy).toContain('Try again');
    // The process it started is gone (killed, not left behind).
    expect(existsSync(pidFile)).toBe(true);
    const inner = Number(readFileSync(pidFile, 'utf8'));
    try {
      for (let i = 0; i < 50 && startedByUs().length > 0; i += 1)
        await new Promise((r) => setTimeout(r, 100));
      expect(startedByUs()).toEqual([]);
      // Windows PowerShell is itself the process it started (pwsh here is a .NET tool shim running it as a child).
      if (onWindows) expect(alive(inner)).toBe(false);
    } finally {
      // The shim's child outlives the shim: end it too, by its id.
      if (!onWindows && alive(inner)) process.kill(inner);
    }
  });

  it('every other ending has its own code: a wrong answer, an exit code, no DPAPI on this system', async () => {
    const [junk, crash, platform] = await Promise.all(
      (['junk', 'crash', 'platform'] as const).map((mode) =>
        fakeDpapiCipher({ mode })
          .decrypt(Buffer.from('sealed'))
          .catch((x: unknown) => x),
      ),
    );
    expect(junk).toMatchObject({ code: 'SECRETS_DPAPI_FAILED', key: 'errors.SECRETS_DPAPI_FAILED.output' });
    expect(crash).toMatchObject({
      code: 'SECRETS_DPAPI_FAILED',
      key: 'errors.SECRETS_DPAPI_FAILED.exit',
      params: { exitCode: 7 },
    });
    expect((crash as AppError).message).toContain('exit code 7');
    expect(platform).toMatchObject({ code: 'SECRETS_ENCRYPTION_UNAVAILABLE' });
    for (const e of [junk, crash, platform]) expect((e as AppError).remedy).not.toBe('');
  });

  it('a PowerShell that cannot be started is named with the system’s reason', async () => {
    const missing = path.join(dir, 'no-such-folder', 'pwsh');
    const e = await dpapiCipher({ platform: 'win32', powershell: missing })
      .encrypt(CANARY)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'SECRETS_DPAPI_FAILED',
      key: 'errors.SECRETS_DPAPI_FAILED.notStarted',
      params: { code: 'ENOENT' },
    });
    expect((e as AppError).remedy).toContain('Windows PowerShell is installed');
  });

  it.runIf(!onWindows)(
    'the production script off Windows: ProtectedData is not there, so nothing can be encrypted (SECRETS_ENCRYPTION_UNAVAILABLE)',
    async () => {
      const real = dpapiCipher({ platform: 'win32', powershell: ps() });
      await expect(real.encrypt(CANARY)).rejects.toMatchObject({
        code: 'SECRETS_ENCRYPTION_UNAVAILABLE',
        detail: { op: 'protect', reason: 'platform' },
      });
    },
  );

  it.runIf(onWindows)('the production script on Windows: a real DPAPI round trip for this user', async () => {
    const real = dpapiCipher({ platform: 'win32', powershell: ps() });
    const sealed = await real.encrypt(CANARY);
    expect(sealed.toString('latin1')).not.toContain('CANARY');
    expect(await real.decrypt(sealed)).toBe(CANARY);
    // Not this user's DPAPI data: refused as undecryptable, not as a PowerShell failure.
    await expect(real.decrypt(Buffer.from('not a DPAPI blob at all'))).rejects.not.toBeInstanceOf(AppError);
  });

  it("the shared sign-in over it: the CLI's earlier file is moved in, and the app reads what the CLI saved", async () => {
    const dataDir = path.join(dir, 'data');
    const cipher = fakeDpapiCipher();
    const record = {
      version: 1 as const,
      binding: {
        regionId: 'local',
        origin: 'https://127.0.0.1:9443',
        username: 'technician@contoso.example',
        signedInAt: '2026-02-01T10:00:00.000Z',
      },
      msal: '{"AccessToken":{}}',
    };
    // As the CLI of an earlier version saved it: its own file, already DPAPI.
    await signInFileCache({ dataDir, file: CLI_SIGN_IN_FILE, cipher, earlier: [], surface: 'cli' }).write(
      record,
    );
    const cli = signInFileCache({ dataDir, ...cliSignInFiles(cipher), surface: 'cli' });
    expect(await cli.read()).toEqual(record);
    expect(existsSync(path.join(dataDir, CLI_SIGN_IN_FILE))).toBe(false);
    const app = signInFileCache({
      dataDir,
      ...appSignInFiles(testCipher('11'.repeat(32)), cipher),
      surface: 'app',
    });
    expect(await app.read()).toEqual(record);
    expect(readFileSync(path.join(dataDir, SHARED_SIGN_IN_FILE), 'utf8')).not.toContain('technician');
  });
});
