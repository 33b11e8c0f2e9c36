// The Windows workflow's package-and-e2e job runs only on GitHub's Windows runners; here its PowerShell steps are at
// least parsed by the real PowerShell parser, and the job is checked to install per machine and run xs4-setup from PATH.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { REPO } from './stage';
import { findPwsh } from '../helpers/pwsh';

interface Step {
  name?: string;
  shell?: string;
  run?: string;
}
const workflow = load(readFileSync(join(REPO, '.github', 'workflows', 'windows.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const steps = workflow.jobs['package-and-e2e']!.steps;

describe('.github/workflows/windows.yml, job package-and-e2e', () => {
  it('has PowerShell steps that the PowerShell parser accepts', () => {
    const scripts = steps.filter((s) => s.shell === 'pwsh' && s.run);
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    const dir = mkdtempSync(join(tmpdir(), 'xs4-workflow-'));
    try {
      const files = scripts.map((s, i) => {
        const f = join(dir, `step-${i}.ps1`);
        writeFileSync(f, s.run!);
        return [s.name ?? `step ${i}`, f] as const;
      });
      const check = files
        .map(
          ([name, f]) =>
            `$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('${f}', [ref]$null, [ref]$e); ` +
            `foreach ($x in $e) { [Console]::Out.WriteLine('${name.replaceAll("'", "''")}: ' + $x.Message) }`,
        )
        .join('\n');
      const r = spawnSync(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', check], {
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('installs per machine, finds xs4-setup on a PATH rebuilt from the registry, runs it against the simulators, and uninstalls', () => {
    const text = (name: RegExp) => steps.find((s) => s.name && name.test(s.name))?.run ?? '';
    expect(text(/per-machine install puts xs4-setup/)).toContain('/S /allusers');
    const fresh = text(/fresh shell/);
    expect(fresh).toMatch(/\$env:Path = \[Environment\]::GetEnvironmentVariable\('Path', 'Machine'\)/);
    expect(fresh).toContain('xs4-setup --version');
    expect(fresh).toContain('xs4-setup doctor --face-url $site.faceUrl --space-url $site.spaceUrl --json');
    expect(fresh).toContain('node scripts/schemas/validate-doctor-json.mjs');
    expect(fresh).toContain('./docs/fleet/Invoke-Xs4FleetCheck.ps1');
    expect(text(/simulated site on 127/)).toContain('scripts/fleet/simulated-site.ts');
    expect(text(/uninstall takes xs4-setup off/)).toContain("'/S', '/allusers'");
  });
});
