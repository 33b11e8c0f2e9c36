// The elevated runner and its generated wrappers executed for real in PowerShell, with elevation turned off (everything
// but -Verb RunAs): integrity of what runs, live log, exit codes, UAC refusal, cancel, timeout, cleanup, planted files.
import { afterAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../../main/core/errors';
import { createElevatedRunner, type ElevatedRunnerDeps } from '../../main/core/windows/elevated-runner';
import {
  prepareInstallScript,
  runInstallScript,
  type InstallScriptDeps,
} from '../../main/core/windows/install-script';
import { spawnLauncher, type ProcessLauncher } from '../../main/core/windows/process-launcher';
import type { ChangeRecord } from '../../main/core/windows/change-record';
import { decodeWrapperArgs } from '../helpers/elevated-standin';
import { describePs, ps } from './helpers/powershell';
import { en } from '../../messages/render';

const roots: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  roots.push(d);
  return d;
}
afterAll(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

const sha256 = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');
/** A PowerShell single-quoted literal of a path (test scripts only; production never splices values into script text). */
const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function runner(over: Partial<ElevatedRunnerDeps> = {}) {
  const tempRoot = tempDir('xs4-elev-');
  const run = createElevatedRunner({
    launcher: spawnLauncher,
    powershellExe: ps(),
    tempRoot,
    pollMs: 50,
    cancelGraceMs: 15_000,
    elevate: false,
    ...over,
  });
  return { run, tempRoot };
}

function script(dir: string, name: string, text: string): { path: string; sha256: string } {
  const p = path.join(dir, name);
  writeFileSync(p, text, 'utf8');
  return { path: p, sha256: sha256(Buffer.from(text, 'utf8')) };
}

describePs('the install script cannot be swapped between the check and the run', { timeout: 300_000 }, () => {
  it('a file swapped while the (fake-)elevated run waits never runs: the run is refused', async () => {
    const dir = tempDir('xs4-swap-');
    const good = path.join(dir, 'good-ran.txt');
    const canary = path.join(dir, 'SWAPPED-CONTENT-RAN.txt');
    const file = path.join(dir, 'SpaceInstall.ps1');
    writeFileSync(file, `Set-Content -LiteralPath ${lit(good)} -Value good\r\nWrite-Output 'installed'\r\n`);
    const records: ChangeRecord[] = [];
    const tempRoot = tempDir('xs4-swaprun-');
    // The UAC prompt can stay open for minutes: this launcher swaps the file in that window, then starts PowerShell.
    const swapping: ProcessLauncher = (exe, args) => {
      writeFileSync(file, `Set-Content -LiteralPath ${lit(canary)} -Value pwned\r\n`);
      return spawnLauncher(exe, args);
    };
    const deps: InstallScriptDeps = {
      dataDir: path.join(dir, 'data'),
      platform: 'linux',
      now: () => new Date(),
      runElevated: createElevatedRunner({
        launcher: swapping,
        powershellExe: ps(),
        tempRoot,
        pollMs: 50,
        elevate: false,
      }),
      recordChange: (e) => void records.push(e),
    };
    const info = await prepareInstallScript(deps, { kind: 'file', path: file });
    const err = await runInstallScript(deps, info, { timeoutMs: 120_000 }).catch((e: unknown) => e);
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(good)).toBe(false);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INSTALL_SCRIPT_CHANGED');
    expect(records.map((r) => r.result)).toEqual(['failed']);
    expect(en(records[0]?.summary ?? '')).toMatch(/refused/i);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('the verified bytes run: what was shown is what runs, with a log, an exit code and a transcript', async () => {
    const dir = tempDir('xs4-install-');
    const file = path.join(dir, 'SpaceInstall.ps1');
    writeFileSync(file, "Write-Output 'configuring Space ü 中文'\r\nWrite-Warning 'careful'\r\nexit 4\r\n");
    const deps: InstallScriptDeps = {
      dataDir: path.join(dir, 'data'),
      platform: 'linux',
      now: () => new Date(),
      runElevated: runner().run,
    };
    const info = await prepareInstallScript(deps, { kind: 'file', path: file });
    const out = await runInstallScript(deps, info, { timeoutMs: 120_000 });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 4 });
    const transcript = readFileSync(out.transcriptPath, 'utf8');
    expect(transcript).toContain('configuring Space ü 中文');
    expect(transcript).toContain('careful');
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

// Each run starts three PowerShell processes (outer, inner, cancel watcher): minutes on a loaded 2-core machine.
describePs('the elevated wrapper, run for real without -Verb RunAs', { timeout: 300_000 }, () => {
  it('streams the log while the script runs', async () => {
    const dir = tempDir('xs4-live-');
    const target = script(
      dir,
      'live.ps1',
      "Write-Output 'step 1 ✓'\r\nStart-Sleep -Seconds 3\r\nWrite-Output 'step 2 ✓'\r\nStart-Sleep -Seconds 3\r\nWrite-Output 'step 3 ✓'\r\n",
    );
    const { run, tempRoot } = runner();
    const chunks: Array<{ at: number; text: string }> = [];
    const out = await run({
      script: target,
      timeoutMs: 120_000,
      onLog: (text) => chunks.push({ at: Date.now(), text }),
    });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 0 });
    expect(out.log.replace(/\r\n/g, '\n')).toBe('step 1 ✓\nstep 2 ✓\nstep 3 ✓\n');
    expect(chunks.map((c) => c.text).join('')).toBe(out.log);
    const first = chunks.find((c) => c.text.includes('step 1'));
    const last = chunks.find((c) => c.text.includes('step 3'));
    // Live: step 1 was delivered while the script still had six seconds of work ahead.
    expect(first && last && last.at - first.at).toBeGreaterThanOrEqual(4000);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it.each([
    ['exit 7', "Write-Output 'a'\r\nexit 7\r\n", 7],
    ['exit 0', "Write-Output 'a'\r\nexit 0\r\n", 0],
    ['no exit', "Write-Output 'a'\r\n", 0],
    ['a native-style exit code left in $LASTEXITCODE', "Write-Output 'a'\r\n$global:LASTEXITCODE = 5\r\n", 5],
    // Through the process exit code: 32 bits on Windows, 8 bits on POSIX (1223 & 0xff = 199); never a UAC refusal.
    [
      'exit 1223 from the script itself (not a UAC refusal)',
      'exit 1223\r\n',
      process.platform === 'win32' ? 1223 : 1223 & 0xff,
    ],
    ['a terminating error', "Write-Output 'a'\r\nthrow 'boom from the script'\r\n", 1],
    ['a parse error', "Write-Output 'a'\r\nif ($x {\r\n", 1],
  ])('exit codes: %s', async (_name, text, code) => {
    const dir = tempDir('xs4-exit-');
    const { run, tempRoot } = runner();
    const out = await run({ script: script(dir, 'exit.ps1', text), timeoutMs: 120_000 });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: code });
    if (/throw/.test(text)) expect(out.log).toContain('boom from the script');
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('brackets in the path are a file name, not a wildcard: the verified file runs, never its sibling', async () => {
    const dir = tempDir('xs4-brackets-');
    const canary = path.join(dir, 'SIBLING-RAN.txt');
    script(dir, 'space1.ps1', `Set-Content -LiteralPath ${lit(canary)} -Value wrong\r\n`);
    const target = script(dir, 'space[1].ps1', "Write-Output 'the bracketed one'\r\n");
    const { run } = runner();
    const out = await run({ script: target, timeoutMs: 120_000 });
    expect(out.log).toContain('the bracketed one');
    expect(existsSync(canary)).toBe(false);
  });

  it('the outer recognises a refused prompt by the Win32 error number, whatever the language of the message', async () => {
    const { ELEVATION_REFUSED_TEST } = await import('../../main/core/windows/elevated-wrapper');
    const probe = `${ELEVATION_REFUSED_TEST}
$refused = New-Object System.InvalidOperationException 'Dieser Vorgang wurde vom Benutzer abgebrochen', (New-Object System.ComponentModel.Win32Exception 1223)
$missing = New-Object System.InvalidOperationException 'x', (New-Object System.ComponentModel.Win32Exception 2)
$caught = $null
try { throw $refused } catch { $caught = $_.Exception }
'R=' + (Test-Xs4ElevationRefused $refused) + ' M=' + (Test-Xs4ElevationRefused $missing) + ' C=' + (Test-Xs4ElevationRefused $caught) + ' N=' + (Test-Xs4ElevationRefused (New-Object System.Exception 'plain'))`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        ps(),
        [
          '-NoLogo',
          '-NoProfile',
          '-NonInteractive',
          '-EncodedCommand',
          Buffer.from(probe, 'utf16le').toString('base64'),
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, TERM: 'dumb' },
        },
      );
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
      child.once('error', reject);
      child.once('exit', () => resolve(text));
    });
    expect(out.trim()).toBe('R=True M=False C=True N=False');
  });

  it('cancel: the runner drops the flag, the watcher ends the elevated process tree, the run folder is removed', async () => {
    const dir = tempDir('xs4-cancel-');
    const marker = path.join(dir, 'FINISHED.txt');
    const target = script(
      dir,
      'slow.ps1',
      [
        // A child process of the elevated script, as an installer would start one.
        `$child = Start-Process -FilePath ${lit(ps())} -ArgumentList @('-NoProfile', '-Command', 'Start-Sleep -Seconds 300') -PassThru`,
        "Write-Output ('pids ' + $PID + ' ' + $child.Id)",
        'Start-Sleep -Seconds 300',
        `Set-Content -LiteralPath ${lit(marker)} -Value done`,
        '',
      ].join('\r\n'),
    );
    const { run, tempRoot } = runner();
    const ac = new AbortController();
    let pids: number[] = [];
    const t0 = Date.now();
    const out = await run({
      script: target,
      timeoutMs: 600_000,
      signal: ac.signal,
      onLog: (text) => {
        const m = /pids (\d+) (\d+)/.exec(text);
        if (m) {
          pids = [Number(m[1]), Number(m[2])];
          setTimeout(() => ac.abort(), 500);
        }
      },
    });
    expect(out.outcome).toBe('cancelled');
    expect(out.exitCode).toBeNull();
    expect(pids).toHaveLength(2);
    // Both the elevated script's process and its child were ended by the watcher, well before their 300 s sleep.
    expect(await waitFor(() => pids.every((p) => !alive(p)), 10_000)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(240_000);
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('timeout: the same stop, reported as timeout, with the partial log kept', async () => {
    const dir = tempDir('xs4-timeout-');
    const target = script(dir, 'hang.ps1', "Write-Output ('pid ' + $PID)\r\nStart-Sleep -Seconds 300\r\n");
    const { run, tempRoot } = runner();
    let pid = 0;
    const out = await run({
      script: target,
      // Long enough for three PowerShell starts on a loaded 2-core machine, far shorter than the script.
      timeoutMs: 45_000,
      onLog: (text) => {
        const m = /pid (\d+)/.exec(text);
        if (m) pid = Number(m[1]);
      },
    });
    expect(out.outcome).toBe('timeout');
    expect(out.log).toMatch(/pid \d+/);
    expect(await waitFor(() => pid > 0 && !alive(pid), 10_000)).toBe(true);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('a cancel file planted without the run nonce is ignored: the run completes', async () => {
    const dir = tempDir('xs4-plantcancel-');
    const target = script(
      dir,
      'steady.ps1',
      "Write-Output 'begin'\r\nStart-Sleep -Seconds 4\r\nWrite-Output 'end'\r\nexit 3\r\n",
    );
    let runDir = '';
    const planting: ProcessLauncher = (exe, args) => {
      const data = decodeWrapperArgs(args).innerData;
      runDir = path.dirname(data.cancel);
      // Someone else drops a cancel file (any content but the nonce) as soon as the run folder exists.
      writeFileSync(data.cancel, 'cancel');
      return spawnLauncher(exe, args);
    };
    const { run } = runner({ launcher: planting });
    const out = await run({ script: target, timeoutMs: 180_000 });
    expect(runDir).not.toBe('');
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 3 });
    expect(out.log).toContain('end');
  });
});
