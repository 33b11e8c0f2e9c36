// Every fix and undo end to end: check.fix.apply → elevated runner → real wrappers (no -Verb RunAs) → the shipped fix
// script verified against the manifest → Windows commands (doubles found through PSModulePath, since off Windows the real
// ones do not exist) → read back through the read-only session. POSIX only: on Windows the real commands would win.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { windowsChecks } from '../../../main/core/checks/windows';
import { createWindowsRun } from '../../../main/core/checks/windows/windows-run';
import type { Check, CheckContext } from '../../../main/core/checks/types';
import type { ChangeRecord } from '../../../main/core/windows/change-record';
import { AppError } from '../../../main/core/errors';
import { SPACE_ASSUMPTIONS } from '../../../main/core/windows/space-assumptions';
import { FAKE_MODULES_DIR, FakeWindows, type FakeScenario } from '../helpers/fake-windows';
import { describePs, ps } from '../helpers/powershell';

const SLEEP_QUERY = '/query SCHEME_CURRENT SUB_SLEEP';
const UNATTENDED_QUERY = '/query SCHEME_CURRENT SUB_SLEEP 7bc4a2f9-d8fc-4469-b07b-33eb785aaca0';

describePs('fixes and undo through the real elevated path', { timeout: 300_000 }, () => {
  const fw = new FakeWindows();
  const records: ChangeRecord[] = [];
  const saved = { PSModulePath: process.env.PSModulePath, XS4_FAKE_SCENARIO: process.env.XS4_FAKE_SCENARIO };
  // The elevated processes inherit this environment: the doubles module and the scenario file.
  beforeAll(() => {
    process.env.PSModulePath = [FAKE_MODULES_DIR, saved.PSModulePath ?? ''].filter(Boolean).join(':');
    process.env.XS4_FAKE_SCENARIO = fw.scenarioPath;
  });
  const run = createWindowsRun({
    hostFactory: fw.hostFactory,
    resourcesDir: 'resources',
    powershellExe: ps(),
    elevate: false,
    recordChange: (r) => void records.push(r),
  });
  const checks = windowsChecks(run.deps);
  const check = (id: string): Check => checks.find((c) => c.id === id) as Check;
  afterAll(async () => {
    await run.dispose();
    fw.cleanup();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const ctx = (
    inputs: CheckContext['inputs'] = {},
    dependencies: Record<string, unknown> = {},
  ): CheckContext => ({
    inputs,
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    platform: 'win32',
    now: () => new Date(),
    dependencies,
  });

  it('power.sleep: the fix sets sleep, hibernate and unattended sleep to never on AC; undo restores them', async () => {
    records.length = 0;
    fw.set({
      powercfg: {
        [SLEEP_QUERY]: { file: 'powercfg-sub-sleep.en-US.txt' },
        [UNATTENDED_QUERY]: { file: 'powercfg-unattended.en-US.txt' },
      },
    });
    const c = check('power.sleep');
    const before = await c.collect(ctx());
    expect(c.evaluate(before).code).toBe('POWER_HIBERNATE_ENABLED');
    const out = await c.fix!.apply(ctx(), before);
    expect(out).toMatchObject({
      ok: true,
      after: { standbyIdleAc: 0, hibernateIdleAc: 0, unattendedSleepAc: 0 },
    });
    expect(c.evaluate(await c.collect(ctx())).code).toBe('POWER_SLEEP_NEVER');
    const sets = fw
      .journal()
      .filter((j) => j.command === 'powercfg.exe')
      .map((j) => j.args.map((a) => a?.[0]).join(' '));
    expect(sets.filter((s) => s.startsWith('/set'))).toEqual([
      '/setacvalueindex SCHEME_CURRENT SUB_SLEEP STANDBYIDLE 0',
      '/setacvalueindex SCHEME_CURRENT SUB_SLEEP HIBERNATEIDLE 0',
      '/setacvalueindex SCHEME_CURRENT SUB_SLEEP 7bc4a2f9-d8fc-4469-b07b-33eb785aaca0 0',
      '/setactive SCHEME_CURRENT',
    ]);
    const undone = await c.fix!.undo!(ctx(), out.undoData);
    expect(undone).toMatchObject({
      ok: true,
      after: { standbyIdleAc: 0, hibernateIdleAc: 0x2a30, unattendedSleepAc: 120 },
    });
    expect(records.map((r) => [r.target, r.action, r.result])).toEqual([
      ['power.sleep', 'apply', 'applied'],
      ['power.sleep', 'undo', 'applied'],
    ]);
  });

  it('power.adapter: the fix clears "allow the computer to turn off this device" on the serving adapter; undo sets it back', async () => {
    records.length = 0;
    const adapters: FakeScenario['adapters'] = [
      {
        Name: 'Ethernet – Büro 🙂',
        ifIndex: 4,
        Status: 'Up',
        ipv4: ['10.0.0.5'],
        defaultRoute: true,
        allowTurnOff: 'Enabled',
      },
      {
        Name: 'Backup',
        ifIndex: 5,
        Status: 'Up',
        ipv4: ['10.9.0.5'],
        defaultRoute: false,
        allowTurnOff: 'Enabled',
      },
    ];
    fw.set({ adapters });
    const c = check('power.adapter');
    const before = await c.collect(ctx());
    expect(c.evaluate(before).code).toBe('POWER_ADAPTER_POWEROFF');
    const out = await c.fix!.apply(ctx(), before);
    expect(out.ok).toBe(true);
    expect(fw.read().adapters?.map((a) => a.allowTurnOff)).toEqual(['Disabled', 'Enabled']);
    expect(c.evaluate(await c.collect(ctx())).code).toBe('POWER_ADAPTER_OK');
    expect((await c.fix!.undo!(ctx(), out.undoData)).ok).toBe(true);
    expect(fw.read().adapters?.map((a) => a.allowTurnOff)).toEqual(['Enabled', 'Enabled']);
  });

  it('firewall.space-port: the fix adds the named rule for the confirmed port and reads it back; undo removes it', async () => {
    records.length = 0;
    fw.set({
      firewall: {
        profiles: [{ Name: 'Domain', Enabled: 'True' }],
        connectionProfiles: ['DomainAuthenticated'],
        rules: [],
      },
    });
    const c = check('firewall.space-port');
    const entered = ctx({ spaceUrl: 'https://space.example.local:8443/' });
    const before = await c.collect(entered);
    expect(c.evaluate(before).code).toBe('FIREWALL_PORT_CLOSED');
    const out = await c.fix!.apply(entered, before);
    expect(out).toMatchObject({ ok: true, after: { rule: SPACE_ASSUMPTIONS.firewallRuleName, port: 8443 } });
    const rule = fw.read().firewall?.rules?.find((r) => r.Name === SPACE_ASSUMPTIONS.firewallRuleName);
    expect(rule).toMatchObject({
      Direction: 'Inbound',
      Action: 'Allow',
      Protocol: 'TCP',
      LocalPort: ['8443'],
      Enabled: 'True',
    });
    expect(c.evaluate(await c.collect(entered)).code).toBe('FIREWALL_PORT_OPEN');
    expect((await c.fix!.undo!(ctx(), out.undoData)).ok).toBe(true);
    expect(fw.read().firewall?.rules).toEqual([]);
    expect(records.map((r) => r.result)).toEqual(['applied', 'applied']);
  });

  it('a fix whose Windows command fails: ELEVATED_FAILED with the exit code and the log, recorded as failed', async () => {
    records.length = 0;
    fw.set({
      powercfg: { [SLEEP_QUERY]: { file: 'powercfg-sub-sleep.de-DE.txt' } },
      powercfgFailOn: '/setacvalueindex*',
    });
    const c = check('power.sleep');
    const err = await c.fix!.apply(ctx(), await c.collect(ctx())).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('ELEVATED_FAILED');
    expect(JSON.stringify((err as AppError).detail)).toContain('powercfg failed for STANDBYIDLE');
    expect(records).toMatchObject([{ target: 'power.sleep', action: 'apply', result: 'failed' }]);
  });
});
