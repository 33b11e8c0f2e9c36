// Windows only (the windows-side job, Windows PowerShell 5.1): the read-only scripts against the real commands, no doubles
// (powercfg /query, the service list, the firewall profiles are safe to read), the live output checked against the shape
// of the recorded fixtures, the run folder's ACL, and the elevated wrapper under 5.1 without -Verb RunAs.
import { afterAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { windowsChecks } from '../../../main/core/checks/windows';
import { createWindowsRun } from '../../../main/core/checks/windows/windows-run';
import { runChecks } from '../../../main/core/checks/runner';
import { PowerRawSchema } from '../../../main/core/checks/windows/power-collect';
import type { ChangeRecord } from '../../../main/core/windows/change-record';
import { parsePowercfgQuery, parseSleepStates, POWER_GUIDS } from '../../../main/core/windows/powercfg';
import { protectRunFolder } from '../../../main/core/windows/run-folder';
import { SPACE_ASSUMPTIONS } from '../../../main/core/windows/space-assumptions';
import { describePs, ps } from '../helpers/powershell';

/** Lines reduced to their shape: indentation and whether they hold a GUID, a current hex value, or text. */
function shape(text: string, from: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.toLowerCase().includes(from));
  const out: string[] = [];
  for (const l of lines.slice(start)) {
    if (out.length > 0 && /[0-9a-f]{8}-[0-9a-f]{4}-/i.test(l)) break;
    const indent = l.length - l.trimStart().length;
    out.push(
      `${indent}:${/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(l) ? 'guid' : /:\s*0x[0-9a-f]+\s*$/i.test(l) ? 'hex' : l.trim() ? 'text' : 'blank'}`,
    );
  }
  return out;
}

const LIVE = path.resolve('live-output');

describePs('live Windows, no doubles', { timeout: 300_000 }, () => {
  const records: ChangeRecord[] = [];
  const run = createWindowsRun({
    resourcesDir: 'resources',
    elevate: false,
    recordChange: (r) => void records.push(r),
  });
  afterAll(() => run.dispose());
  mkdirSync(LIVE, { recursive: true });

  it('every Windows check collects valid evidence from the real commands in one Windows PowerShell process', async () => {
    const result = await runChecks(windowsChecks(run.deps), {
      inputs: {},
      timeoutMs: 120_000,
      platform: 'win32',
      now: () => new Date(),
    });
    for (const [id, r] of Object.entries(result.byId)) {
      expect(r.result.status, `${id}: ${r.result.summary}`).not.toBe('skip');
      console.log(id, r.result.status, r.result.code, r.result.summary);
    }
    // A CI runner has no Space: the service list was read (no error) and Space is not in it.
    expect(result.byId['space.service']?.result.code).toBe('SPACE_SERVICE_MISSING');
    expect(result.byId['power.sleep']?.result.code).not.toBe('POWER_UNREADABLE');
    expect(result.byId['firewall.space-port']?.result.code).not.toBe('FIREWALL_UNREADABLE');
    writeFileSync(path.join(LIVE, 'windows-checks.json'), JSON.stringify(result, null, 2));
  });

  it('the real powercfg output has the shape of the recorded fixtures (what the parsers rely on)', async () => {
    const raw = await run.deps.session().query('get-power', {}, PowerRawSchema, { timeoutMs: 120_000 });
    writeFileSync(path.join(LIVE, 'powercfg-sub-sleep.txt'), raw.querySubSleep);
    writeFileSync(path.join(LIVE, 'powercfg-a.txt'), raw.sleepStates ?? '');
    const q = parsePowercfgQuery(raw.querySubSleep);
    expect(q.subgroupGuid).toBe(POWER_GUIDS.SUB_SLEEP);
    expect(q.settings[POWER_GUIDS.STANDBYIDLE]?.ac).not.toBeNull();
    const fixture = readFileSync(path.resolve('tests/fixtures/powercfg-sub-sleep.en-US.txt'), 'utf8');
    expect(shape(raw.querySubSleep, POWER_GUIDS.STANDBYIDLE)).toEqual(
      shape(fixture, POWER_GUIDS.STANDBYIDLE),
    );
    expect(parseSleepStates(raw.sleepStates ?? '')).not.toBeNull();
  });

  it('the run folder of an elevated run gets exactly the user, SYSTEM and Administrators, nothing inherited', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-acl-'));
    await protectRunFolder(dir);
    const r = spawnSync(
      ps(),
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `$a = Get-Acl -LiteralPath '${dir.replace(/'/g, "''")}'; 'protected=' + $a.AreAccessRulesProtected; foreach ($r in $a.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) { 'rule=' + $r.IdentityReference.Value + ' ' + $r.AccessControlType + ' ' + $r.FileSystemRights + ' inherited=' + $r.IsInherited }`,
      ],
      { encoding: 'utf8' },
    );
    rmSync(dir, { recursive: true, force: true });
    const lines = r.stdout.split(/\r?\n/).filter(Boolean);
    expect(lines).toContain('protected=True');
    const sids = lines.filter((l) => l.startsWith('rule=')).map((l) => l.slice(5).split(' ')[0]);
    expect(sids).toHaveLength(3);
    expect(sids).toEqual(expect.arrayContaining(['S-1-5-18', 'S-1-5-32-544']));
    expect(lines.every((l) => !l.includes('inherited=True'))).toBe(true);
  });

  it('the elevated wrapper under Windows PowerShell 5.1 (no -Verb RunAs): verified bytes, exit code, non-ASCII log, secret', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-live-'));
    const text =
      "param([string]$ApiKey)\r\nWrite-Output ('ü 中文 🙂 key length ' + $ApiKey.Length)\r\nexit 3\r\n";
    // With a BOM: Windows PowerShell reads a BOM-less script in the ANSI code page, as the wrapper does too.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const file = path.join(dir, 'target [1].ps1');
    writeFileSync(file, bytes);
    const out = await run.deps.runElevated({
      script: { path: file, sha256: createHash('sha256').update(bytes).digest('hex') },
      secret: { param: 'ApiKey', value: 'k'.repeat(40) },
      timeoutMs: 180_000,
    });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 3 });
    expect(out.log).toContain('ü 中文 🙂 key length 40');
    rmSync(dir, { recursive: true, force: true });
  });

  // A real write to the runner's firewall, undone at once: only on the ephemeral CI runner, never on a developer's Windows.
  it.runIf(process.env.GITHUB_ACTIONS === 'true')(
    'the firewall fix adds the real rule for the default port and undo removes it',
    async () => {
      const c = windowsChecks(run.deps).find((x) => x.id === 'firewall.space-port');
      if (!c?.fix?.undo) throw new Error('no firewall fix');
      const ctx = {
        inputs: {},
        signal: new AbortController().signal,
        timeoutMs: 120_000,
        platform: 'win32' as const,
        now: () => new Date(),
        dependencies: {},
      };
      const evidence = await c.collect(ctx);
      const applied = await c.fix.apply(ctx, evidence);
      expect(applied).toMatchObject({
        ok: true,
        after: { rule: SPACE_ASSUMPTIONS.firewallRuleName, port: SPACE_ASSUMPTIONS.defaultPort },
      });
      const undone = await c.fix.undo(ctx, applied.undoData);
      expect(undone.ok).toBe(true);
      expect(records.map((r) => r.result)).toEqual(['applied', 'applied']);
    },
  );
});
