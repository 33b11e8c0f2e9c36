// The injection proof, executed in real PowerShell: 200+ hostile values through every parameter of every shipped script
// and of the elevated wrapper. Each value must arrive byte-identical (what the script or a double received is echoed back
// as UTF-16 code units) and the side effect each value tries to cause (creating a canary file) must never happen.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { createElevatedRunner } from '../../main/core/windows/elevated-runner';
import { createNodePowerShellHost } from '../../main/core/windows/node-powershell-host';
import { ELEVATED_SCRIPTS, readScript } from '../../main/core/windows/ps-scripts';
import { spawnLauncher } from '../../main/core/windows/process-launcher';
import { SpaceRawSchema } from '../../main/core/checks/windows/space-evidence';
import { AppError } from '../../main/core/errors';
import { executedHostileValues, withCanary } from '../helpers/hostile-values';
import { FAKE_WINDOWS_DIR, FakeWindows } from './helpers/fake-windows';
import { describePs, ps } from './helpers/powershell';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);
const codes = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
/** .NET regex literal for a string: ASCII punctuation and controls escaped, letters (any script) as they are. */
const dotnetRegexLiteral = (s: string): string => s.replace(/[^A-Za-z0-9_\u0080-\uFFFF]/g, (c) => `\\${c}`);

// Each elevated run starts three PowerShell processes: on a loaded 2-core machine a batch takes minutes.
describePs('injection proof, executed', { timeout: 600_000 }, () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'xs4-inject-'));
  const canaries = path.join(root, 'canaries');
  mkdirSync(canaries);
  const values = executedHostileValues().map((v, i) => withCanary(v, path.join(canaries, `c${i}`), i));
  const sentValues = values.filter(wellFormed);
  const fw = new FakeWindows();
  afterAll(() => {
    fw.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('has at least 200 distinct hostile values, and their canary payloads do create files when spliced into code', () => {
    expect(new Set(values).size).toBeGreaterThanOrEqual(200);
    // The proof can fail: the same payload, spliced into script text instead of passed as data, creates its canary.
    const probe = path.join(root, 'probe');
    mkdirSync(probe);
    const spliced = `Write-Output '${withCanary('x', path.join(probe, 'spliced'), 0)}'`;
    const r = spawnSync(ps(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', spliced], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(probe, 'spliced'))).toBe(true);
  });

  // --- the read-only session ----------------------------------------------------------------------------------------

  it('get-file-signature: every value arrives as the path, byte-identical, and nothing runs', async () => {
    fw.set({ fakeFileHash: true });
    const session = fw.session();
    const Sig = z.object({ sha256: z.string(), status: z.string() });
    for (const v of values) {
      const r = await session.query('get-file-signature', { path: v }, Sig).catch((e: unknown) => e);
      // Half a surrogate pair cannot arrive byte-identical in UTF-8: it is refused before PowerShell, naming the field.
      if (wellFormed(v)) expect((r as { status: string }).status).toBe('NotSigned');
      else expect((r as AppError).code).toBe('INVALID_INPUT');
    }
    await session.dispose();
    const seen = fw.journal();
    const sent = values.filter(wellFormed);
    expect(sent.length).toBeGreaterThanOrEqual(200);
    expect(seen.filter((j) => j.command === 'Get-FileHash').map((j) => j.args[0]?.[0])).toEqual(sent);
    expect(seen.filter((j) => j.command === 'Get-AuthenticodeSignature').map((j) => j.args[0]?.[0])).toEqual(
      sent,
    );
    expect(readdirSync(canaries)).toEqual([]);
  });

  it('get-space: every value as the service name finds exactly the service of that name, and as a config path and pattern', async () => {
    const session = fw.session();
    for (const v of values.filter(wellFormed)) {
      fw.set({
        services: [{ Name: v, State: 'Running', StartMode: 'Auto', StartName: null, PathName: null }],
      });
      const r = await session.query('get-space', { serviceName: v, portCandidates: [] }, SpaceRawSchema);
      expect(r.service?.name).toBe(v);
    }
    // Paths: echoed unchanged; patterns: each must still match the value it was made from in a real file.
    fw.set({});
    const cfgDir = path.join(root, 'cfg');
    mkdirSync(cfgDir);
    const usable = values.filter(wellFormed);
    const candidates = usable.flatMap((v, i) => {
      const file = path.join(cfgDir, `c${i}.config`);
      writeFileSync(file, `<<${v}${10_000 + i}>>`, 'utf8');
      return [
        { path: v, pattern: 'x' },
        { path: file, pattern: `${dotnetRegexLiteral(v)}(\\d{5})` },
      ];
    });
    const r = await session.query(
      'get-space',
      { serviceName: 'none', portCandidates: candidates },
      SpaceRawSchema,
    );
    await session.dispose();
    expect(r.portCandidates.filter((_c, i) => i % 2 === 0).map((c) => c.path)).toEqual(usable);
    // A value that is not a possible path (NUL, or a name too long) is reported as unreadable; the rest is still read.
    const unreadable = r.portCandidates.filter((c, i) => i % 2 === 0 && c.error);
    expect(unreadable.every((c) => c.path.includes('\u0000') || c.path.length > 255)).toBe(true);
    expect(r.portCandidates.filter((_c, i) => i % 2 === 1).map((c) => c.port)).toEqual(
      usable.map((_v, i) => 10_000 + i),
    );
    expect(readdirSync(canaries)).toEqual([]);
  });

  it('get-firewall: the port is a number whatever arrives, and only that number is used', async () => {
    fw.set({ firewall: { profiles: [{ Name: 'Domain', Enabled: 'True' }], rules: [] } });
    const session = fw.session();
    const Fw = z.object({ port: z.number() });
    for (const port of [1, 8100, 65535])
      expect((await session.query('get-firewall', { port }, Fw)).port).toBe(port);
    await session.dispose();
  });

  // --- the shipped elevated scripts' own parameters (the splat the wrapper does, in runspaces of one warm PowerShell) -----

  it('every elevated fix script: each value through each of its parameters reaches the command it drives, byte-identical', async () => {
    const values = sentValues;
    fw.set({
      adapters: values.map((v, i) => ({ Name: v, ifIndex: i + 1, Status: 'Up', allowTurnOff: 'Enabled' })),
      firewall: { profiles: [], rules: [] },
    });
    const host = createNodePowerShellHost(ps());
    const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
    const runs = [
      ...values.map((v) => ({ script: 'add-firewall-rule', params: { Name: v, Group: v, Port: 8100 } })),
      ...values.map((v) => ({ script: 'remove-firewall-rule', params: { Name: v } })),
      { script: 'set-adapter-power', params: { AdapterName: values, AllowTurnOff: 'Disabled' } },
      ...values
        .slice(0, 40)
        .map((v) => ({ script: 'set-adapter-power', params: { AdapterName: ['x'], AllowTurnOff: v } })),
      ...values.slice(0, 40).map((v) => ({ script: 'set-power-sleep', params: { StandbyIdleAc: v } })),
      {
        script: 'set-power-sleep',
        params: { StandbyIdleAc: 0, HibernateIdleAc: 4294967295, UnattendedSleepAc: -1 },
      },
    ];
    const texts = Object.fromEntries(ELEVATED_SCRIPTS.map((n) => [n, readScript('resources', n)]));
    // One runspace with the doubles; each script runs from its verified text with the values splatted, as the wrapper does.
    const driver = `$env:XS4_FAKE_SCENARIO = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(fw.scenarioPath)}'))
$texts = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(JSON.stringify(texts))}')) | ConvertFrom-Json
$runs = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(JSON.stringify(runs))}')) | ConvertFrom-Json
$rs = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace()
$rs.Open()
$init = [System.Management.Automation.PowerShell]::Create()
$init.Runspace = $rs
[void]$init.AddScript('. ([System.IO.Path]::Combine(''${FAKE_WINDOWS_DIR.replace(/'/g, "''")}'', ''FakeWindows.ps1''))').Invoke()
$done = 0
foreach ($run in $runs) {
  $named = @{}
  foreach ($p in $run.params.PSObject.Properties) { $named[$p.Name] = $p.Value }
  $p = [System.Management.Automation.PowerShell]::Create()
  $p.Runspace = $rs
  [void]$p.AddScript([string]$texts.($run.script)).AddParameters($named)
  try { [void]$p.Invoke() } catch { }
  $p.Dispose()
  $done++
}
'DONE ' + $done`;
    // One line on stdin, as the production session sends its queries (see buildQueryCommand).
    const out = await host.invoke(
      `& ([System.Management.Automation.ScriptBlock]::Create([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(driver)}'))))`,
    );
    await host.dispose();
    expect(out.stdout).toContain(`DONE ${runs.length}`);
    const j = fw.journal();
    const calls = (c: string) => j.filter((e) => e.command === c);
    // New-NetFirewallRule -Name $Name -DisplayName $Name -Group $Group: the three first arguments are the value.
    expect(calls('New-NetFirewallRule').map((e) => e.args.slice(0, 3).map((a) => a?.[0]))).toEqual(
      values.map((v) => [v, v, v]),
    );
    // Remove-NetFirewallRule: called by add (first) and by remove, each time with the value.
    expect(calls('Remove-NetFirewallRule').map((e) => e.args[0]?.[0])).toEqual([...values, ...values]);
    expect(calls('Set-NetAdapterPowerManagement').map((e) => e.args[0]?.[0])).toEqual(values);
    expect(calls('Set-NetAdapterPowerManagement').every((e) => e.args[1]?.[0] === 'Disabled')).toBe(true);
    // A hostile AllowTurnOff or sleep value is refused by the scripts' parameter validation: it never reaches a command.
    const setAc = calls('powercfg.exe').filter((e) => e.args[0]?.[0] === '/setacvalueindex');
    expect(setAc.map((e) => e.args.map((a) => a?.[0]))).toEqual([
      ['/setacvalueindex', 'SCHEME_CURRENT', 'SUB_SLEEP', 'STANDBYIDLE', '0'],
      ['/setacvalueindex', 'SCHEME_CURRENT', 'SUB_SLEEP', 'HIBERNATEIDLE', '4294967295'],
    ]);
    expect(readdirSync(canaries)).toEqual([]);
  });

  // --- the elevated wrapper: target path, named parameters, secret --------------------------------------------------------

  // Echoes what it received as UTF-16 code units, one string per value ("65,66"), so any string comes back exactly and
  // the JSON holds only flat string arrays (which every PowerShell writes the same way).
  const ECHO = `param([string[]]$Values, [string]$One, [string]$Secret)
function ConvertTo-Codes([string]$Text) { return ((([int[]][char[]]$Text) | ForEach-Object { [string]$_ }) -join ',') }
$o = @{ values = @($Values | ForEach-Object { ConvertTo-Codes $_ }); one = (ConvertTo-Codes $One); secret = (ConvertTo-Codes $Secret) }
'ECHO:' + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -Compress -Depth 3 -InputObject $o)))
`;
  const echoFile = path.join(root, 'echo.ps1');
  const echoRef = { path: echoFile, sha256: createHash('sha256').update(ECHO).digest('hex') };
  beforeAll(() => writeFileSync(echoFile, ECHO, 'utf8'));

  function decodeEcho(log: string): { values: number[][]; one: number[]; secret: number[] } {
    const m = /ECHO:([A-Za-z0-9+/=]+)/.exec(log);
    if (!m?.[1]) throw new Error(`no echo in the log: ${log.slice(0, 500)}`);
    const raw = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as {
      values: string[] | string;
      one: string;
      secret: string;
    };
    const nums = (s: string): number[] => (s === '' ? [] : s.split(',').map(Number));
    return {
      values: (Array.isArray(raw.values) ? raw.values : [raw.values]).map(nums),
      one: nums(raw.one),
      secret: nums(raw.secret),
    };
  }

  it('the elevated wrapper: every value as a named parameter and inside the secret arrives byte-identical; nothing else runs', async () => {
    // A Windows command line holds about 32 000 characters, and the values are encoded three times on it: batches.
    const batches: string[][] = [];
    let batch: string[] = [];
    let size = 0;
    // Values longer than 1000 characters go through the session above; the command line keeps the rest in a few runs.
    for (const v of sentValues.filter((x) => x.length <= 1000)) {
      const cost = JSON.stringify(v).length;
      if (size + cost > 3500 && batch.length > 0) {
        batches.push(batch);
        batch = [];
        size = 0;
      }
      batch.push(v);
      size += cost;
    }
    if (batch.length) batches.push(batch);
    const tempRoot = path.join(root, 'runs');
    mkdirSync(tempRoot);
    const run = createElevatedRunner({
      launcher: spawnLauncher,
      powershellExe: ps(),
      tempRoot,
      pollMs: 100,
      elevate: false,
    });
    let seen = 0;
    for (const b of batches) {
      const secret = b.join('\u0001');
      const out = await run({
        script: echoRef,
        params: { Values: b, One: b[0] ?? '' },
        secret: { param: 'Secret', value: secret },
        timeoutMs: 180_000,
      });
      expect(out).toMatchObject({ outcome: 'completed', exitCode: 0 });
      const echo = decodeEcho(out.log);
      expect(echo.values).toEqual(b.map(codes));
      expect(echo.one).toEqual(codes(b[0] ?? ''));
      expect(echo.secret).toEqual(codes(secret));
      seen += b.length;
    }
    expect(seen).toBeGreaterThanOrEqual(200);
    expect(readdirSync(tempRoot)).toEqual([]);
    // And one that cannot arrive byte-identical is refused before anything starts.
    const refused = await run({ script: echoRef, params: { One: 'a\ud800' }, timeoutMs: 10_000 }).catch(
      (e: unknown) => e,
    );
    expect((refused as AppError).code).toBe('INVALID_INPUT');
    expect(readdirSync(canaries)).toEqual([]);
  });

  it('the elevated wrapper: hostile file names of the script run that file, by its verified bytes', async () => {
    // `|` cannot be part of a Windows file name; everything else here can.
    const names = [
      process.platform === 'win32' ? "a'b$(x);&" : "a'b$(x);|&",
      '[1]',
      '`e\u2019q\u2018',
      'ü 中 🙂',
      '-Verb RunAs',
    ];
    const dir = path.join(root, 'names');
    mkdirSync(dir);
    const run = createElevatedRunner({
      launcher: spawnLauncher,
      powershellExe: ps(),
      tempRoot: root,
      pollMs: 100,
      elevate: false,
    });
    for (const [i, n] of names.entries()) {
      const file = path.join(dir, `${n}.ps1`);
      const text = `Write-Output 'target ${i}'\r\n`;
      writeFileSync(file, text);
      const out = await run({
        script: { path: file, sha256: createHash('sha256').update(text).digest('hex') },
        timeoutMs: 180_000,
      });
      expect(out.log.trim()).toBe(`target ${i}`);
    }
    expect(readdirSync(canaries)).toEqual([]);
  });
});
