// Production runs Windows PowerShell 5.1, which these machines cannot run: every shipped script, every generated wrapper
// and every test double is parsed by PowerShell's own parser and walked for what 5.1 lacks (ps51/ps7-only.json).
// On the Windows workflow the same test runs under 5.1 itself, where 7-only syntax is a parse error.
import { afterAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildElevatedArgs,
  CANCEL_WATCHER,
  ELEVATION_REFUSED_TEST,
} from '../../main/core/windows/elevated-wrapper';
import { ELEVATED_SCRIPTS, QUERY_SCRIPTS, readScript } from '../../main/core/windows/ps-scripts';
import { buildQueryCommand } from '../../main/core/windows/ps-session';
import { SPACE_ASSUMPTIONS } from '../../main/core/windows/space-assumptions';
import { dpapiScript } from '../../main/core/windows/dpapi-cipher';
import { decodeWrapperArgs } from '../helpers/elevated-standin';
import { describePs, ps, testPowerShell } from './helpers/powershell';

const GUARD = path.resolve('tests/powershell/ps51/Test-Ps51Compat.ps1');
const LIST_PATH = path.resolve('tests/powershell/ps51/ps7-only.json');

interface Result {
  name: string;
  parseErrors: Array<{ line: number; message: string }>;
  findings: Array<{ id: string; line: number; text: string }>;
}
interface Entry {
  id: string;
  sample: string;
}
const list = JSON.parse(readFileSync(LIST_PATH, 'utf8')) as Record<
  'syntax' | 'parameters' | 'values' | 'commands' | 'variables',
  Entry[]
>;

describePs("Windows PowerShell 5.1 compatibility, by PowerShell's parser", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-ps51-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function guard(items: Array<{ name: string; text: string }>): Result[] {
    const input = path.join(dir, `in-${Math.random().toString(16).slice(2)}.json`);
    writeFileSync(input, JSON.stringify(items), 'utf8');
    const r = spawnSync(
      ps(),
      [
        '-NoLogo',
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-File',
        GUARD,
        '-InputPath',
        input,
        '-ListPath',
        LIST_PATH,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, TERM: 'dumb' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const line = /XS4COMPAT:([A-Za-z0-9+/=]+)/.exec(r.stdout)?.[1];
    if (!line) throw new Error(`guard gave no result (exit ${r.status}): ${r.stdout} ${r.stderr}`);
    const parsed = JSON.parse(Buffer.from(line, 'base64').toString('utf8')) as Result[] | Result;
    return Array.isArray(parsed) ? parsed : [parsed];
  }

  /** Everything that runs in production's powershell.exe, and the doubles that run there on the Windows workflow. */
  function everything(): Array<{ name: string; text: string }> {
    const items: Array<{ name: string; text: string }> = [];
    for (const name of [...QUERY_SCRIPTS, ...ELEVATED_SCRIPTS])
      items.push({ name: `${name}.ps1`, text: readScript('resources', name) });
    for (const name of QUERY_SCRIPTS) {
      items.push({
        name: `query command ${name}`,
        text: buildQueryCommand(readScript('resources', name), {
          serviceName: SPACE_ASSUMPTIONS.serviceName,
          portCandidates: SPACE_ASSUMPTIONS.portConfigCandidates,
          port: 8100,
          path: 'C:\\x.ps1',
        }),
      });
    }
    for (const elevate of [true, false]) {
      const d = decodeWrapperArgs(
        buildElevatedArgs(
          {
            target: 'C:\\Program Files\\XS4\\resources\\powershell\\add-firewall-rule.ps1',
            sha256: 'ab'.repeat(32),
            params: { Name: 'Rule', Port: 8100, Flag: true, AdapterName: ['Ethernet', 'Ethernet 2'] },
            logPath: 'C:\\t\\run.log',
            statusPath: 'C:\\t\\status.txt',
            cancelPath: 'C:\\t\\cancel.flag',
            nonce: 'cd'.repeat(16),
            powershellExe: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
            secret: { file: 'C:\\t\\secret.txt', param: 'ApiKey' },
          },
          elevate,
        ),
      );
      items.push(
        { name: `outer wrapper (elevate=${elevate})`, text: d.outer },
        { name: `inner wrapper (elevate=${elevate})`, text: d.inner },
      );
    }
    items.push(
      { name: 'cancel watcher', text: CANCEL_WATCHER },
      { name: 'elevation refused test', text: ELEVATION_REFUSED_TEST },
      { name: 'DPAPI protect', text: dpapiScript('protect') },
      { name: 'DPAPI unprotect', text: dpapiScript('unprotect') },
    );
    const fake = path.resolve('tests/powershell/fake-windows');
    items.push({ name: 'FakeWindows.ps1', text: readFileSync(path.join(fake, 'FakeWindows.ps1'), 'utf8') });
    items.push({ name: 'FakeDpapi.ps1', text: readFileSync(path.join(fake, 'FakeDpapi.ps1'), 'utf8') });
    for (const f of readdirSync(path.join(fake, 'modules', 'Xs4FakeWindows'))) {
      items.push({ name: f, text: readFileSync(path.join(fake, 'modules', 'Xs4FakeWindows', f), 'utf8') });
    }
    items.push({ name: 'Test-Ps51Compat.ps1', text: readFileSync(GUARD, 'utf8') });
    return items;
  }

  it('every shipped script, generated wrapper and test double parses and uses nothing 5.1 lacks', () => {
    const items = everything();
    expect(items.length).toBeGreaterThanOrEqual(24);
    const results = guard(items);
    expect(results.map((r) => r.name)).toEqual(items.map((i) => i.name));
    for (const r of results)
      expect({ name: r.name, parseErrors: r.parseErrors, findings: r.findings }).toEqual({
        name: r.name,
        parseErrors: [],
        findings: [],
      });
  });

  it('the guard can fail: each entry of the maintained list is reported on its sample', () => {
    const entries = [...list.syntax, ...list.parameters, ...list.values, ...list.commands, ...list.variables];
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const results = guard(entries.map((e) => ({ name: e.id, text: e.sample })));
    const onWindowsPowerShell = testPowerShell()?.kind === 'windows-powershell';
    for (const r of results) {
      const found = r.findings.map((f) => f.id);
      // Under 5.1 itself the 7-only syntax does not even parse: a parse error is the same verdict.
      const syntax = list.syntax.some((s) => s.id === r.name);
      if (onWindowsPowerShell && syntax && r.parseErrors.length > 0) continue;
      expect(found, r.name).toContain(r.name);
    }
    // And a script using none of it is clean (backticks that are not escapes included).
    const [clean] = guard([
      {
        name: 'clean',
        text: '$x = 1\r\n$s = "``u{x} ``e " + \'`e\'\r\nGet-Content -LiteralPath x -Encoding UTF8 | ConvertFrom-Json\r\n',
      },
    ]);
    expect(clean).toMatchObject({ parseErrors: [], findings: [] });
  });
});
