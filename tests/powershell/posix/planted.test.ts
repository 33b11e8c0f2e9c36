// What only POSIX can stage here: a planted `powershell.exe` in the current directory, and a "PowerShell" that answers
// like a refused UAC prompt (shell scripts). The Windows side of both is covered by tests/unit/windows (absolute paths)
// and by the Win32 error mapping executed in elevated.test.ts.
import { afterAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createElevatedRunner, type ElevatedRunnerDeps } from '../../../main/core/windows/elevated-runner';
import { spawnLauncher, type ProcessLauncher } from '../../../main/core/windows/process-launcher';
import { describePs, ps } from '../helpers/powershell';

const roots: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  roots.push(d);
  return d;
}
afterAll(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

function runner(over: Partial<ElevatedRunnerDeps> = {}) {
  const tempRoot = tempDir('xs4-elev-');
  const run = createElevatedRunner({
    launcher: spawnLauncher,
    powershellExe: ps(),
    tempRoot,
    pollMs: 50,
    elevate: false,
    ...over,
  });
  return { run, tempRoot };
}

function script(dir: string, name: string, text: string): { path: string; sha256: string } {
  const p = path.join(dir, name);
  writeFileSync(p, text, 'utf8');
  return { path: p, sha256: createHash('sha256').update(text).digest('hex') };
}

describePs(
  'PowerShell is started by absolute path, never by a name the current directory answers',
  { timeout: 300_000 },
  () => {
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
      const out = await run({ script: target, timeoutMs: 120_000 });
      expect(existsSync(canary)).toBe(false);
      expect(out.outcome).toBe('completed');
      expect(out.log).toContain('real target');
    });
  },
);

describePs('a refused UAC prompt', { timeout: 300_000 }, () => {
  it('a refused UAC prompt: the outer maps it to 1223 and the runner reports elevation-cancelled', async () => {
    // The inner PowerShell is replaced by a program that exits 1223, as Start-Process reports a refused prompt.
    const dir = tempDir('xs4-uac-');
    const refused = path.join(dir, 'refuses-elevation');
    writeFileSync(refused, '#!/bin/sh\nexit 1223\n');
    chmodSync(refused, 0o755);
    const target = script(dir, 't.ps1', "Write-Output 'must not run'\r\n");
    const { run, tempRoot } = runner({
      powershellExe: refused,
      // The outer itself is the real PowerShell.
      launcher: (_exe, args) => spawnLauncher(ps(), args),
    });
    const out = await run({ script: target, timeoutMs: 120_000 });
    expect(out).toMatchObject({ outcome: 'elevation-cancelled', exitCode: null });
    expect(out.log).toBe('');
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
