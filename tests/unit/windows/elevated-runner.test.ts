// The elevated runner's process handling with a stand-in child at the one spawn seam: live log, exit code, UAC refusal, timeout, cancel, cleanup, secrets.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createElevatedRunner } from '../../../main/core/windows/elevated-runner';
import { AppError } from '../../../main/core/errors';
import { protectRunFolder } from '../../../main/core/windows/run-folder';
import { decodeWrapperArgs, standInLauncher } from '../../helpers/elevated-standin';

const T = { path: 'C:\\x\\t.ps1', sha256: 'ab'.repeat(32) };

function setup(mode: string) {
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'xs4-test-'));
  const seen: Array<{ file: string; args: readonly string[] }> = [];
  const run = createElevatedRunner({
    launcher: standInLauncher(mode, seen),
    tempRoot,
    pollMs: 20,
    cancelGraceMs: 1500,
    // As on a Windows server: the runner itself picks the executable. (The folder ACL needs icacls: mode 0700 here.)
    platform: 'win32',
    env: { SystemRoot: 'C:\\Windows' },
    protectFolder: (d) => protectRunFolder(d, { platform: 'linux' }),
  });
  return { run, tempRoot, seen };
}

describe('elevated runner', () => {
  it('streams the log while the process runs and returns the exit code from the status file', async () => {
    const { run, tempRoot, seen } = setup('ok');
    const chunks: Array<{ at: number; text: string }> = [];
    const t0 = Date.now();
    const out = await run({
      script: T,
      params: { ExitWith: 7 },
      timeoutMs: 10_000,
      onLog: (text) => chunks.push({ at: Date.now() - t0, text }),
    });
    expect(out.outcome).toBe('completed');
    expect(out.exitCode).toBe(7);
    expect(out.log).toBe('step 1 — ✓\r\nstep 2 — ✓\r\nstep 3 — ✓\r\n');
    expect(chunks.map((c) => c.text).join('')).toBe(out.log);
    // Live: the first line arrived well before the last was written.
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    // Never the bare name: Windows would look in the current directory first.
    expect(seen[0]?.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(decodeWrapperArgs(seen[0]?.args ?? []).outerData.elevate).toBe(true);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('reports exit code 0 as completed', async () => {
    const { run } = setup('ok');
    const out = await run({ script: T, timeoutMs: 10_000 });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 0 });
  });

  it('maps exit code 1223 to elevation-cancelled', async () => {
    const { run, tempRoot } = setup('uac');
    const out = await run({ script: T, timeoutMs: 10_000 });
    expect(out).toMatchObject({ outcome: 'elevation-cancelled', exitCode: null });
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it.each(['planted', 'plantedNonce'])(
    'does not believe a status file without the run nonce (%s): ELEVATED_STATUS_UNTRUSTED',
    async (mode) => {
      const { run, tempRoot } = setup(mode);
      const err = await run({ script: T, timeoutMs: 10_000 }).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('ELEVATED_STATUS_UNTRUSTED');
      expect(readdirSync(tempRoot)).toEqual([]);
    },
  );

  it('maps a missing status file to elevation-cancelled, whatever the exit code', async () => {
    const { run } = setup('nostatus');
    const out = await run({ script: T, timeoutMs: 10_000 });
    expect(out.outcome).toBe('elevation-cancelled');
  });

  it('times out: drops the cancel file for the elevated side, keeps the partial log and cleans up', async () => {
    const { run, tempRoot } = setup('hang');
    const t0 = Date.now();
    const out = await run({ script: T, timeoutMs: 700 });
    expect(out.outcome).toBe('timeout');
    expect(out.exitCode).toBeNull();
    expect(out.log).toBe('started\r\ncancel seen\r\n');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('cancels on abort the same way', async () => {
    const { run, tempRoot } = setup('hang');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const out = await run({ script: T, timeoutMs: 30_000, signal: ac.signal });
    expect(out.outcome).toBe('cancelled');
    expect(out.log).toContain('cancel seen');
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('stops waiting after the grace period when the child ignores cancel', async () => {
    const { run, tempRoot } = setup('stubborn');
    const t0 = Date.now();
    const out = await run({ script: T, timeoutMs: 300 });
    expect(out.outcome).toBe('timeout');
    expect(out.log).toBe('started\r\n');
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('passes a secret through a user-only file, never on the command line, and removes it', async () => {
    const { run, tempRoot, seen } = setup('secret');
    const secret = 'S3cr3t-ship-key-\u2018quoted\u2019';
    const out = await run({
      script: T,
      secret: { param: 'ApiKey', value: secret },
      timeoutMs: 10_000,
    });
    expect(out.outcome).toBe('completed');
    expect(out.log).toContain(`secret length ${secret.length}; param ApiKey; still there false`);
    const args = seen[0]?.args ?? [];
    const decoded = decodeWrapperArgs(args);
    for (const text of [...args, decoded.outer, decoded.inner, JSON.stringify(decoded.innerData)])
      expect(text).not.toContain('S3cr3t');
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('returns cancelled without starting anything when already aborted', async () => {
    const { run, seen } = setup('ok');
    const out = await run({ script: T, timeoutMs: 10_000, signal: AbortSignal.abort() });
    expect(out.outcome).toBe('cancelled');
    expect(seen).toEqual([]);
  });

  it('a process that cannot start is ELEVATED_SPAWN_FAILED, not a UAC refusal', async () => {
    const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'xs4-test-'));
    const run = createElevatedRunner({
      launcher: () => ({
        exited: Promise.reject(new Error('spawn powershell.exe ENOENT')),
        kill: () => undefined,
      }),
      tempRoot,
      pollMs: 20,
      powershellExe: '/stand-in/powershell',
    });
    const err = await run({ script: T, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('ELEVATED_SPAWN_FAILED');
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
