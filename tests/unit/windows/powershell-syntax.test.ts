// Every shipped .ps1 and every generated wrapper parses without errors (tree-sitter-powershell, WASM).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePowerShell } from '../../helpers/powershell-parser';
import { ELEVATED_SCRIPTS, QUERY_SCRIPTS, readScript } from '../../../main/core/windows/ps-scripts';
import { buildQueryCommand } from '../../../main/core/windows/ps-session';
import { buildElevatedArgs, CANCEL_WATCHER } from '../../../main/core/windows/elevated-wrapper';
import { decodeWrapperArgs } from '../../helpers/elevated-standin';
import { SPACE_ASSUMPTIONS } from '../../../main/core/windows/space-assumptions';

const dir = path.resolve('resources/powershell');
const files = readdirSync(dir).filter((f) => f.endsWith('.ps1'));

describe('shipped PowerShell scripts', () => {
  it('are exactly the scripts the code names', () => {
    expect(files.map((f) => f.replace(/\.ps1$/, '')).sort()).toEqual(
      [...QUERY_SCRIPTS, ...ELEVATED_SCRIPTS].sort(),
    );
  });

  it.each(files)('%s parses without errors', async (f) => {
    const { hasError, problems } = await parsePowerShell(readFileSync(path.join(dir, f), 'utf8'));
    expect(problems).toEqual([]);
    expect(hasError).toBe(false);
  });

  it('the parser does report broken PowerShell (the test can fail)', async () => {
    const { hasError, problems } = await parsePowerShell("$x = 'unterminated\nif ($a { }");
    expect(hasError).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('generated wrappers', () => {
  it.each(QUERY_SCRIPTS)('the query command for %s parses', async (name) => {
    const text = buildQueryCommand(readScript('resources', name), {
      serviceName: SPACE_ASSUMPTIONS.serviceName,
      portCandidates: SPACE_ASSUMPTIONS.portConfigCandidates,
      port: 8100,
      path: 'C:\\x.ps1',
    });
    const { problems } = await parsePowerShell(text);
    expect(problems).toEqual([]);
  });

  it.each([true, false])('the elevated outer and inner wrappers parse (elevate=%s)', async (elevate) => {
    const args = buildElevatedArgs(
      {
        target: 'C:\\Program Files\\XS4\\resources\\powershell\\add-firewall-rule.ps1',
        params: { Name: 'Rule', Port: 8100, Flag: true, AdapterName: ['Ethernet', 'Ethernet 2'] },
        logPath: 'C:\\t\\run.log',
        statusPath: 'C:\\t\\status.txt',
        cancelPath: 'C:\\t\\cancel.flag',
        secret: { file: 'C:\\t\\secret.txt', param: 'ApiKey' },
        sha256: 'ab'.repeat(32),
        nonce: 'cd'.repeat(16),
        powershellExe: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      },
      elevate,
    );
    const decoded = decodeWrapperArgs(args);
    expect((await parsePowerShell(decoded.outer)).problems).toEqual([]);
    expect((await parsePowerShell(decoded.inner)).problems).toEqual([]);
    expect(decoded.outer.includes("$start['Verb'] = 'RunAs'")).toBe(true);
    expect(decoded.outerData.elevate).toBe(elevate);
  });

  it('the cancel watcher the elevated wrapper starts parses on its own', async () => {
    expect((await parsePowerShell(CANCEL_WATCHER)).problems).toEqual([]);
  });
});
