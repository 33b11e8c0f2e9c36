// The scripts beside the asar are user-writable on a per-user install: what runs (elevated or not) must match the
// SHA-256 manifest bundled into the main bundle at build time, or it is refused without running.
import { afterAll, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../main/core/errors';
import { createWindowsRun } from '../../main/core/checks/windows/windows-run';
import { runFixScript } from '../../main/core/checks/windows/deps';
import type { CheckContext } from '../../main/core/checks/types';
import type { ChangeRecord } from '../../main/core/windows/change-record';
import { describePs, ps } from './helpers/powershell';
import { text } from '../../contract/text';

const roots: string[] = [];
afterAll(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

/** A copy of resources/ as an installed app has it, with one script replaced by something that leaves a canary. */
function tamperedResources(script: string): { dir: string; canary: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-resources-'));
  roots.push(dir);
  cpSync(path.resolve('resources'), dir, { recursive: true });
  const canary = path.join(dir, 'TAMPERED-RAN.txt');
  writeFileSync(
    path.join(dir, 'powershell', `${script}.ps1`),
    `param([string]$EncodedParams, [string]$Name, [string]$Group, [int]$Port)\r\nSet-Content -LiteralPath '${canary}' -Value pwned\r\n"XS4JSON:e30="\r\nexit 0\r\n`,
  );
  return { dir, canary };
}

const ctx = (): CheckContext => ({
  inputs: {},
  signal: new AbortController().signal,
  timeoutMs: 60_000,
  platform: 'win32',
  now: () => new Date(),
  dependencies: {},
});

describePs('integrity of the shipped scripts', { timeout: 300_000 }, () => {
  it('a tampered elevated fix script is refused by the elevated side, and the refusal is recorded', async () => {
    const { dir, canary } = tamperedResources('add-firewall-rule');
    const records: ChangeRecord[] = [];
    const run = createWindowsRun({
      resourcesDir: dir,
      powershellExe: ps(),
      elevate: false,
      recordChange: (r) => void records.push(r),
    });
    const err = await runFixScript(run.deps, ctx(), {
      script: 'add-firewall-rule',
      params: { Name: 'XS4 test rule', Group: 'XS4 test', Port: 8100 },
      what: text('checks.firewall.space-port.fix.what'),
      target: 'firewall.space-port',
      action: 'apply',
      before: { rule: null, port: 8100 },
    }).catch((e: unknown) => e);
    await run.dispose();
    expect(existsSync(canary)).toBe(false);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('ELEVATED_SCRIPT_CHANGED');
    expect(records).toMatchObject([{ target: 'firewall.space-port', action: 'apply', result: 'failed' }]);
  });

  it('a tampered read-only script is refused before PowerShell sees it', async () => {
    const { dir, canary } = tamperedResources('get-power');
    const run = createWindowsRun({ resourcesDir: dir, powershellExe: ps() });
    const err = await run.deps
      .session()
      .query('get-power', {}, z.object({}))
      .catch((e: unknown) => e);
    await run.dispose();
    expect(existsSync(canary)).toBe(false);
    expect((err as AppError).code).toBe('PS_SCRIPT_TAMPERED');
  });
});
