// P3 of `npm run bench`: PowerShell processes per doctor run (goal: 1), and the cost of a query in the warm session beside
// the cost of starting a PowerShell process. Off Windows the checks run on a simulated Windows: real pwsh (the project's
// .tools/pwsh), the shipped scripts, the Windows-only commands replayed by tests/powershell/fake-windows from fixtures.
import * as path from 'node:path';
import { allChecks } from '../../main/core/checks/all';
import { runChecks } from '../../main/core/checks/runner';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { PowerRawSchema } from '../../main/core/checks/windows/power-collect';
import { createNodePowerShellHost } from '../../main/core/windows/node-powershell-host';
import type { CheckInputs } from '../../main/core/checks/types';
import { findTestPowerShell } from '../../tests/powershell/helpers/find-powershell.mjs';
import { FakeWindows } from '../../tests/powershell/helpers/fake-windows';

type Row = (what: string, value: string, goal: string, ok: boolean | null) => void;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export async function benchPowerShell(root: string, inputs: CheckInputs, row: Row): Promise<void> {
  const pwsh = findTestPowerShell(root);
  if (!pwsh) {
    row(
      '(d) P3: PowerShell processes per doctor run',
      'not measured: no pwsh (node scripts/setup/install-pwsh.mjs)',
      '1',
      null,
    );
    return;
  }
  process.env.XS4_TEST_POWERSHELL = pwsh.path;
  const fw = new FakeWindows();
  fw.set({
    powercfg: {
      '/query SCHEME_CURRENT SUB_SLEEP': { file: 'powercfg-sub-sleep.en-US.txt' },
      '/query SCHEME_CURRENT SUB_SLEEP 7bc4a2f9-d8fc-4469-b07b-33eb785aaca0': {
        file: 'powercfg-unattended.en-US.txt',
      },
      '/a': { file: 'powercfg-a.en-US.txt' },
    },
    adapters: [
      {
        Name: 'Ethernet',
        ifIndex: 3,
        Status: 'Up',
        ipv4: ['10.0.0.5'],
        defaultRoute: true,
        allowTurnOff: 'Disabled',
      },
    ],
    firewall: {
      profiles: [{ Name: 'Domain', Enabled: 'True' }],
      connectionProfiles: ['DomainAuthenticated'],
      rules: [],
    },
  });
  const resourcesDir = path.join(root, 'resources');
  try {
    // A whole doctor run (every check, XS4 Face and Space included) as on the Space server.
    const windows = createWindowsRun({ hostFactory: fw.hostFactory, resourcesDir });
    const t0 = performance.now();
    const run = await runChecks(allChecks(windows.deps), {
      inputs,
      timeoutMs: 60_000,
      platform: 'win32',
      now: () => new Date(),
    });
    const wall = performance.now() - t0;
    await windows.dispose();
    const windowsRan = Object.entries(run.byId).filter(
      ([id, r]) => /^(power|space\.(service|version)|firewall)/.test(id) && r.result.status !== 'skip',
    );
    const pids = new Set(fw.hosts.map((h) => h.pid));
    row(
      `(d) P3: PowerShell processes per doctor run (${Object.keys(run.byId).length} checks, ${windowsRan.length} Windows checks through PowerShell, ${wall.toFixed(0)} ms)`,
      `${fw.hosts.length} (distinct PIDs: ${pids.size})`,
      '1',
      fw.hosts.length === 1,
    );

    // A query in the warm session, beside a process start (spawn + first trivial answer), medians.
    const warm = createWindowsRun({ hostFactory: fw.hostFactory, resourcesDir });
    await warm.deps.session().query('get-power', {}, PowerRawSchema);
    const queries: number[] = [];
    for (let i = 0; i < 20; i++) {
      const q0 = performance.now();
      await warm.deps.session().query('get-power', {}, PowerRawSchema);
      queries.push(performance.now() - q0);
    }
    await warm.dispose();
    // The bare process start: the production host (node-powershell) spawning PowerShell and answering one trivial command.
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s0 = performance.now();
      const host = createNodePowerShellHost(pwsh.path);
      await host.invoke("'ready'");
      starts.push(performance.now() - s0);
      await host.dispose();
    }
    const q = median(queries);
    const s = median(starts);
    row(
      '(d) P3: a read-only query after the first (get-power, warm session, median of 20)',
      `${q.toFixed(1)} ms`,
      '—',
      null,
    );
    row(
      '(d) P3: a PowerShell process start, up to its first answer (median of 5)',
      `${s.toFixed(0)} ms`,
      '—',
      null,
    );
    row(
      '(d) P3: process start ÷ warm query',
      `${(s / q).toFixed(0)} ×`,
      'one process per run pays it once',
      null,
    );
  } finally {
    fw.cleanup();
  }
}
