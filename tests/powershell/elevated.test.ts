// The elevated runner and its generated wrappers executed for real in PowerShell, with elevation turned off (everything
// but -Verb RunAs): integrity of what runs, live log, exit codes, UAC refusal, cancel, timeout, cleanup, planted files.
import { afterAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../../main/core/errors';
import { createElevatedRunner, type ElevatedRunnerDeps } from '../../main/core/windows/elevated-runner';
import { prepareInstallScript, runInstallScript, type InstallScriptDeps } from '../../main/core/windows/install-script';
import { spawnLauncher, type ProcessLauncher } from '../../main/core/windows/process-launcher';
import type { ChangeRecord } from '../../main/core/windows/change-record';
import { describePs, ps } from './helpers/powershell';

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

describePs('the install script cannot be swapped between the check and the run', () => {
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
      runElevated: createElevatedRunner({ launcher: swapping, powershellExe: ps(), tempRoot, pollMs: 50, elevate: false }),
      recordChange: (e) => void records.push(e),
    };
    const info = await prepareInstallScript(deps, { kind: 'file', path: file });
    const err = await runInstallScript(deps, info, { timeoutMs: 120_000, }).catch((e: unknown) => e);
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(good)).toBe(false);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INSTALL_SCRIPT_CHANGED');
    expect(records.map((r) => r.result)).toEqual(['failed']);
    expect(records[0]?.summary).toMatch(/refused/i);
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
    const out = await runInstallScript(deps, info, { timeoutMs: 120_000, });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 4 });
    const transcript = readFileSync(out.transcriptPath, 'utf8');
    expect(transcript).toContain('configuring Space ü 中文');
    expect(transcript).toContain('careful');
  });
});

describePs('PowerShell is started by absolute path, never by a name the current directory answers', () => {
  it('a powershell.exe planted in the current directory does not run', async () => {
    const plantDir = tempDir('xs4-plant-');
    const canary = path.join(plantDir, 'PLANTED-RAN.txt');
    for (const name of ['powershell.exe', 'powershell', 'pwsh']) {
      const p = path.join(plantDir, name);
      writeFileSync(p, `#!/bin/sh\necho planted > '${canary}'\n`);
      chmodSync(p, 0o755);
    }
    const dir = tempDir('xs4-plant-target-');
    const target = script(dir, 'target.ps1', "Write-Output 'real target'\r\n");
    // The technician started the app from Downloads: the current directory of every process is the planted folder.
    const fromDownloads: ProcessLauncher = (exe, args) => {
      const child = spawn(exe, [...args], { cwd: plantDir, stdio: 'ignore', windowsHide: true });
      return {
        exited: new Promise((resolve, reject) => {
          child.once('error', reject);
          child.once('exit', (code) => resolve(code));
        }),
        kill: () => void child.kill(),
      };
    };
    const { run } = runner({ launcher: fromDownloads });
    const out = await run({ script: target, timeoutMs: 120_000, });
    expect(existsSync(canary)).toBe(false);
    expect(out.outcome).toBe('completed');
    expect(out.log).toContain('real target');
  });
});
