// Live on Windows (run by .github/workflows/windows.yml): the real scripts through real PowerShell, the evaluators on live output, the runner without elevation.
// Elsewhere there is no PowerShell: these tests do not run (the unit tests cover the same code with stand-ins).
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { windowsChecks } from '../../../main/core/checks/windows';
import { evaluatePowerSleepText } from '../../../main/core/checks/windows/power-sleep-evaluate';
import type { CheckContext } from '../../../main/core/checks/types';
import { createElevatedRunner } from '../../../main/core/windows/elevated-runner';
import { createNodePowerShellHost } from '../../../main/core/windows/node-powershell-host';
import { parsePowercfgQuery, POWER_GUIDS } from '../../../main/core/windows/powercfg';
import { spawnLauncher } from '../../../main/core/windows/process-launcher';
import { PsSession } from '../../../main/core/windows/ps-session';
import { prepareInstallScript } from '../../../main/core/windows/install-script';

const onWindows = process.platform === 'win32';

describe.runIf(onWindows)('live Windows', () => {
  const session = new PsSession({
    hostFactory: createNodePowerShellHost,
    resourcesDir: 'resources',
    timeoutMs: 60_000,
  });
  const runner = createElevatedRunner({ launcher: spawnLauncher });
  const deps = { session: () => session, runElevated: runner, resourcesDir: 'resources' };
  const ctx = (dependencies: Record<string, unknown> = {}): CheckContext => ({
    inputs: {},
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    platform: 'win32',
    now: () => new Date(),
    dependencies,
  });
  afterAll(() => session.dispose());

  it('every Windows check collects valid evidence and evaluates without throwing', async () => {
    const collected: Record<string, unknown> = {};
    for (const check of windowsChecks(deps)) {
      const evidence = await check.collect(ctx(collected));
      collected[check.id] = evidence;
      expect(check.evidenceSchema.safeParse(evidence).success).toBe(true);
      const r = check.evaluate(evidence);
      expect(['pass', 'warn', 'fail', 'skip']).toContain(r.status);
      console.log(check.id, r.status, r.code, r.summary);
    }
    const power = collected['power.sleep'] as { kind: string; querySubSleep: string };
    // Live powercfg output must be readable by the parser: this is the check that real text matches the fixtures' shape.
    expect(parsePowercfgQuery(power.querySubSleep).settings[POWER_GUIDS.STANDBYIDLE]?.ac).not.toBeNull();
    expect(evaluatePowerSleepText(power.querySubSleep).code).not.toBe('POWER_UNREADABLE');
    // A CI runner has no Space installed.
    expect(windowsChecks(deps)[3]!.evaluate(collected['space.service'] as never).code).toBe(
      'SPACE_SERVICE_MISSING',
    );
  });

  it('reads the Authenticode status of a shipped script', async () => {
    const info = await prepareInstallScript(
      {
        dataDir: mkdtempSync(path.join(os.tmpdir(), 'xs4-live-')),
        now: () => new Date(),
        platform: 'win32',
        session: () => session,
        runElevated: runner,
      },
      { kind: 'file', path: path.resolve('resources/powershell/get-power.ps1') },
    );
    expect(info.signature.status).toBe('NotSigned');
  });

  it('runs a script through the real wrapper (not elevated): named parameters, hostile values intact, secret via file, log and exit code', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-live-'));
    const target = path.join(dir, 'target.ps1');
    writeFileSync(
      target,
      "param([string]$Name, [string[]]$List, [string]$ApiKey)\r\nWrite-Output ('name=' + $Name)\r\nWrite-Output ('list=' + ($List -join '|'))\r\nWrite-Output ('keylen=' + $ApiKey.Length)\r\nexit 3\r\n",
    );
    const hostile = 'a\'b\u2019c"d`e$(calc)f;g\u201ch';
    const chunks: string[] = [];
    const out = await runner({
      scriptPath: target,
      params: { Name: hostile, List: ['x', hostile] },
      secret: { param: 'ApiKey', value: 'k'.repeat(40) },
      timeoutMs: 120_000,
      elevate: false,
      onLog: (c) => chunks.push(c),
    });
    expect(out.outcome).toBe('completed');
    expect(out.exitCode).toBe(3);
    expect(out.log).toContain(`name=${hostile}`);
    expect(out.log).toContain(`list=x|${hostile}`);
    expect(out.log).toContain('keylen=40');
    expect(chunks.join('')).toBe(out.log);
    expect(readFileSync(target, 'utf8')).toContain('exit 3');
  });

  it('cancel ends the running script through the watcher in the (here non-elevated) wrapper', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-live-'));
    const target = path.join(dir, 'slow.ps1');
    const marker = path.join(dir, 'finished.txt');
    writeFileSync(
      target,
      `param([string]$Marker)\r\nWrite-Output 'working'\r\nStart-Sleep -Seconds 30\r\nSet-Content -LiteralPath $Marker -Value done\r\n`,
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 5000);
    const t0 = Date.now();
    const out = await runner({
      scriptPath: target,
      params: { Marker: marker },
      timeoutMs: 120_000,
      elevate: false,
      signal: ac.signal,
    });
    expect(out.outcome).toBe('cancelled');
    expect(out.log).toContain('working');
    expect(Date.now() - t0).toBeLessThan(20_000);
    await new Promise((r) => setTimeout(r, 30_000));
    expect(existsSync(marker)).toBe(false);
  }, 90_000);
});
