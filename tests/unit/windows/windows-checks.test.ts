// The six Windows checks: skip off Windows, evaluators on edge cases, collect through the session seam, fixes and undo through the runner seam.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createWindowsRun, windowsChecks } from '../../../main/core/checks/windows';
import type { WindowsCheckDeps } from '../../../main/core/checks/windows/deps';
import {
  evaluateFirewall,
  firewallSpacePortCheck,
  portMatches,
  type FirewallEvidence,
} from '../../../main/core/checks/windows/firewall-space-port';
import { evaluatePowerAdapter, powerAdapterCheck } from '../../../main/core/checks/windows/power-adapter';
import { powerSleepCheck } from '../../../main/core/checks/windows/power-sleep';
import {
  compareVersions,
  spaceServerDetails,
  type SpaceCollected,
} from '../../../main/core/checks/windows/space-evidence';
import { evaluateSpaceService, spaceServiceCheck } from '../../../main/core/checks/windows/space-service';
import { evaluateSpaceVersion } from '../../../main/core/checks/windows/space-version';
import type { CheckContext } from '../../../main/core/checks/types';
import type { ChangeRecord } from '../../../main/core/windows/change-record';
import type { ElevatedOutcome, ElevatedRunRequest } from '../../../main/core/windows/elevated-runner';
import { PsSession } from '../../../main/core/windows/ps-session';
import { SPACE_ASSUMPTIONS } from '../../../main/core/windows/space-assumptions';
import { AppError } from '../../../main/core/errors';
import { jsonLine, standInHost, type StandInCall } from '../../helpers/ps-standin';
import { en } from '../../../messages/render';

const ctx = (platform: NodeJS.Platform, dependencies: Record<string, unknown> = {}): CheckContext => ({
  inputs: {},
  signal: new AbortController().signal,
  timeoutMs: 5000,
  platform,
  now: () => new Date('2026-11-29T12:00:00Z'),
  dependencies,
});

function deps(
  answer: (c: StandInCall) => string,
  run?: (r: ElevatedRunRequest) => Promise<ElevatedOutcome>,
  records: ChangeRecord[] = [],
): WindowsCheckDeps & { host: ReturnType<typeof standInHost> } {
  const host = standInHost(answer);
  const session = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources' });
  return {
    host,
    session: () => session,
    runElevated: run ?? (() => Promise.reject(new Error('no elevated runs expected'))),
    resourcesDir: 'resources',
    recordChange: (e) => void records.push(e),
  };
}

const completed = (exitCode = 0): ElevatedOutcome => ({
  outcome: 'completed',
  exitCode,
  log: 'ok',
  durationMs: 1,
});

const service = (over: Partial<SpaceCollected> = {}): SpaceCollected => ({
  kind: 'collected',
  service: {
    name: 'ProAccessSpaceService',
    state: 'Running',
    startMode: 'Auto',
    account: 'NT SERVICE\\ProAccessSpaceService',
    pathName: '"C:\\Program Files (x86)\\SALTO\\ProAccess Space\\ProAccessSpaceService.exe"',
    delayedAutoStart: false,
  },
  executable: 'C:\\Program Files (x86)\\SALTO\\ProAccess Space\\ProAccessSpaceService.exe',
  fileVersion: '6.5.1.12',
  productVersion: '6.5.1.12',
  machineName: 'SPACE01',
  fqdn: 'space01.example.local',
  ipv4: [{ address: '10.0.0.5', interfaceAlias: 'Ethernet' }],
  portCandidates: [
    { path: '%ProgramFiles(x86)%\\x.config', expandedPath: 'C:\\x.config', exists: false, port: null },
  ],
  ...over,
});

describe('off Windows', () => {
  it('every Windows check collects "unavailable" and evaluates to skip with the reason; nothing throws', async () => {
    const d = deps(() => {
      throw new Error('PowerShell must not be touched off Windows');
    });
    const checks = windowsChecks(d);
    expect(checks.map((c) => c.id)).toEqual([
      'power.sleep',
      'power.adapter',
      'power.states',
      'space.service',
      'space.version',
      'firewall.space-port',
    ]);
    for (const c of checks) {
      expect(c.windowsOnly).toBe(true);
      const evidence = await c.collect(ctx('linux'));
      expect(c.evidenceSchema.parse(evidence)).toEqual(evidence);
      const r = c.evaluate(evidence);
      expect(r.status).toBe('skip');
      expect(en(r.detail ?? '')).toContain('linux');
    }
    expect(d.host.created).toBe(0);
  });
});

describe('space.service and space.version', () => {
  it('passes a running automatic service and reports the server details XS4 Face needs', () => {
    const r = evaluateSpaceService(service());
    expect(r).toMatchObject({ status: 'pass', code: 'SPACE_SERVICE_OK' });
    expect(en(r.detail ?? '')).toContain('space01.example.local');
    expect(en(r.detail ?? '')).toContain('10.0.0.5');
    expect(en(r.detail ?? '')).toContain('port 8100 (default)');
  });
  it.each([
    [{ service: null }, 'fail', 'SPACE_SERVICE_MISSING'],
    [{ service: { ...service().service!, state: 'Stopped' } }, 'fail', 'SPACE_SERVICE_STOPPED'],
    [{ service: { ...service().service!, startMode: 'Manual' } }, 'warn', 'SPACE_SERVICE_NOT_AUTOMATIC'],
  ] as const)('%j → %s %s', (over, status, code) => {
    expect(evaluateSpaceService(service(over))).toMatchObject({ status, code });
  });
  it('takes the port from a config file when one names it', () => {
    const e = service({
      portCandidates: [
        { path: 'a', expandedPath: 'C:\\a', exists: false, port: null },
        { path: 'b', expandedPath: 'C:\\b', exists: true, port: 8443 },
      ],
    });
    expect(spaceServerDetails(e)).toEqual({
      fqdn: 'space01.example.local',
      ipv4: ['10.0.0.5'],
      port: 8443,
      portSource: 'C:\\b',
      // No ACL reading: the file counts as one ordinary users may change.
      portTrusted: false,
    });
  });
  it.each([
    ['6.4.4.0', 'pass', 'SPACE_VERSION_OK'],
    ['6.10.0.0', 'pass', 'SPACE_VERSION_OK'],
    ['6.4.3.99', 'fail', 'SPACE_VERSION_TOO_OLD'],
    ['5.9.0.0', 'fail', 'SPACE_VERSION_TOO_OLD'],
    [null, 'warn', 'SPACE_VERSION_UNREADABLE'],
    ['0.0.0.0', 'warn', 'SPACE_VERSION_UNREADABLE'],
    ['garbage', 'warn', 'SPACE_VERSION_UNREADABLE'],
  ] as const)('version %s → %s %s', (v, status, code) => {
    expect(evaluateSpaceVersion(service({ fileVersion: v }))).toMatchObject({ status, code });
  });
  it('compares versions numerically', () => {
    expect(compareVersions('6.10', '6.4.4.0')).toBe(1);
    expect(compareVersions('6.4.4', '6.4.4.0')).toBe(0);
  });
  it('collects through the session with the service name and config candidates from the assumptions file', async () => {
    const d = deps((c) => jsonLine({ ...service(), kind: undefined, echo: c.params }));
    const e = await spaceServiceCheck(d).collect(ctx('win32'));
    expect(e.kind).toBe('collected');
    expect(d.host.calls[0]?.script).toBe('get-space');
    expect(d.host.calls[0]?.params).toEqual({
      serviceName: SPACE_ASSUMPTIONS.serviceName,
      portCandidates: SPACE_ASSUMPTIONS.portConfigCandidates,
    });
  });
});

describe('power.adapter', () => {
  const adapter = (allowTurnOff: string | null, ipv4 = ['10.0.0.5']) => ({
    name: 'Ethernet',
    description: 'Intel',
    ifIndex: 4,
    ipv4,
    hasDefaultRoute: true,
    allowTurnOff,
  });
  it.each([
    ['Enabled', 'fail', 'POWER_ADAPTER_POWEROFF'],
    ['Disabled', 'pass', 'POWER_ADAPTER_OK'],
    ['Unsupported', 'pass', 'POWER_ADAPTER_OK'],
  ] as const)('%s → %s', (allow, status, code) => {
    expect(evaluatePowerAdapter({ kind: 'collected', adapters: [adapter(allow)] })).toMatchObject({
      status,
      code,
    });
  });
  it('warns when no adapter serves an IPv4 address', () => {
    expect(evaluatePowerAdapter({ kind: 'collected', adapters: [adapter('Enabled', [])] })).toMatchObject({
      status: 'warn',
      code: 'ADAPTER_NONE',
    });
  });
  it('fix clears the option on the serving adapter, reads back, records; undo restores', async () => {
    let allow = 'Enabled';
    const runs: ElevatedRunRequest[] = [];
    const records: ChangeRecord[] = [];
    const d = deps(
      () => jsonLine({ adapters: [adapter(allow)] }),
      async (r) => {
        runs.push(r);
        allow = String(r.params?.AllowTurnOff);
        return completed();
      },
      records,
    );
    const check = powerAdapterCheck(d);
    const evidence = await check.collect(ctx('win32'));
    const out = await check.fix!.apply(ctx('win32'), evidence);
    expect(out.ok).toBe(true);
    expect(runs[0]?.script.path).toMatch(/set-adapter-power\.ps1$/);
    expect(runs[0]?.params).toEqual({ AdapterName: ['Ethernet'], AllowTurnOff: 'Disabled' });
    const back = await check.fix!.undo!(ctx('win32'), out.undoData);
    expect(back.ok).toBe(true);
    expect(allow).toBe('Enabled');
    expect(records.map((r) => [r.target, r.action, r.result])).toEqual([
      ['power.adapter', 'apply', 'applied'],
      ['power.adapter', 'undo', 'applied'],
    ]);
  });
});

describe('firewall.space-port', () => {
  const base = (over: Partial<Extract<FirewallEvidence, { kind: 'collected' }>> = {}): FirewallEvidence => ({
    kind: 'collected',
    port: 8100,
    portSource: 'default',
    profiles: [
      { name: 'Domain', enabled: 'True' },
      { name: 'Private', enabled: 'True' },
      { name: 'Public', enabled: 'True' },
    ],
    activeCategories: ['DomainAuthenticated'],
    rules: [],
    ...over,
  });
  const rule = (over: Record<string, unknown> = {}) => ({
    name: 'r1',
    displayName: 'Space',
    enabled: 'True',
    action: 'Allow',
    profile: 'Any',
    protocol: 'TCP',
    localPorts: ['8100'],
    ...over,
  });
  it.each([
    ['no rule', base(), 'fail', 'FIREWALL_PORT_CLOSED'],
    ['an allow rule on Any', base({ rules: [rule()] }), 'pass', 'FIREWALL_PORT_OPEN'],
    [
      'a range rule on Domain',
      base({ rules: [rule({ profile: 'Domain, Private', localPorts: ['8000-8200'] })] }),
      'pass',
      'FIREWALL_PORT_OPEN',
    ],
    ['a disabled rule', base({ rules: [rule({ enabled: 'False' })] }), 'fail', 'FIREWALL_PORT_CLOSED'],
    [
      'a rule for another profile',
      base({ rules: [rule({ profile: 'Private' })] }),
      'fail',
      'FIREWALL_PORT_CLOSED',
    ],
    ['a UDP rule', base({ rules: [rule({ protocol: 'UDP' })] }), 'fail', 'FIREWALL_PORT_CLOSED'],
    [
      'a block rule',
      base({ rules: [rule(), rule({ name: 'b', action: 'Block' })] }),
      'fail',
      'FIREWALL_PORT_BLOCKED',
    ],
    [
      'firewall off on the active profile',
      base({ profiles: [{ name: 'Domain', enabled: 'False' }] }),
      'pass',
      'FIREWALL_OFF',
    ],
    ['unreadable profiles', base({ profiles: [] }), 'warn', 'FIREWALL_UNREADABLE'],
    [
      'an allow rule scoped to another program',
      base({ rules: [rule({ program: 'C:\\Other\\app.exe' })] }),
      'fail',
      'FIREWALL_PORT_CLOSED',
    ],
    [
      'an allow rule scoped to another service',
      base({ rules: [rule({ service: 'W3SVC' })] }),
      'fail',
      'FIREWALL_PORT_CLOSED',
    ],
    [
      'an allow rule scoped to the Space executable',
      base({
        spaceExecutable: 'C:\\Space\\ProAccessSpaceService.exe',
        rules: [rule({ program: 'c:\\space\\proaccessspaceservice.exe' })],
      }),
      'pass',
      'FIREWALL_PORT_OPEN',
    ],
    [
      'an allow rule scoped to the Space service',
      base({ rules: [rule({ service: 'ProAccessSpaceService' })] }),
      'pass',
      'FIREWALL_PORT_OPEN',
    ],
    [
      'a block rule for another program',
      base({ rules: [rule(), rule({ name: 'b', action: 'Block', program: 'C:\\x.exe' })] }),
      'pass',
      'FIREWALL_PORT_OPEN',
    ],
  ] as const)('%s → %s %s', (_n, e, status, code) => {
    expect(evaluateFirewall(e)).toMatchObject({ status, code });
  });
  it('matches ports, ranges and Any', () => {
    expect(portMatches(['Any'], 8100)).toBe(true);
    expect(portMatches(['80', '8100'], 8100)).toBe(true);
    expect(portMatches(['8101-9000'], 8100)).toBe(false);
  });
  it('uses the port found by space.service; fix adds the named rule and reads it back; undo removes it', async () => {
    let present = false;
    const records: ChangeRecord[] = [];
    const runs: ElevatedRunRequest[] = [];
    const d = deps(
      (c) =>
        jsonLine({
          port: c.params.port,
          profiles: [{ name: 'Domain', enabled: 'True' }],
          activeCategories: ['DomainAuthenticated'],
          rules: present
            ? [rule({ name: SPACE_ASSUMPTIONS.firewallRuleName, localPorts: [String(c.params.port)] })]
            : [],
        }),
      async (r) => {
        runs.push(r);
        present = /add-firewall-rule/.test(r.script.path);
        return completed();
      },
      records,
    );
    const check = firewallSpacePortCheck(d);
    // A config file only administrators can write: its port is opened as it is.
    const spaceEvidence = service({
      portCandidates: [
        { path: 'b', expandedPath: 'C:\\b', exists: true, port: 8443, writableByUsers: false },
      ],
    });
    const evidence = await check.collect(ctx('win32', { 'space.service': spaceEvidence }));
    expect(d.host.calls[0]?.params).toEqual({ port: 8443 });
    expect(check.evaluate(evidence).code).toBe('FIREWALL_PORT_CLOSED');
    const out = await check.fix!.apply(ctx('win32'), evidence);
    expect(out.ok).toBe(true);
    expect(runs[0]?.params).toEqual({
      Name: SPACE_ASSUMPTIONS.firewallRuleName,
      Group: SPACE_ASSUMPTIONS.firewallRuleGroup,
      Port: 8443,
    });
    const undone = await check.fix!.undo!(ctx('win32'), out.undoData);
    expect(undone.ok).toBe(true);
    expect(runs[1]?.script.path).toMatch(/remove-firewall-rule\.ps1$/);
    expect(records.map((r) => r.result)).toEqual(['applied', 'applied']);
  });
  describe('the port the fix opens comes from a file ordinary users cannot write, or from the technician', () => {
    const untrusted: FirewallEvidence = {
      kind: 'collected',
      port: 3389,
      portSource: 'C:\\ProgramData\\SALTO\\ProAccess Space\\Configurator.config',
      portTrusted: false,
      profiles: [{ name: 'Domain', enabled: 'True' }],
      activeCategories: ['DomainAuthenticated'],
      rules: [],
    };
    const withUrl = (spaceUrl?: string): CheckContext => ({
      ...ctx('win32'),
      inputs: spaceUrl ? { spaceUrl } : {},
    });
    function fixDeps(runs: ElevatedRunRequest[]) {
      return deps(
        (c) =>
          jsonLine({
            port: c.params.port,
            profiles: [],
            activeCategories: [],
            rules: [rule({ name: SPACE_ASSUMPTIONS.firewallRuleName, localPorts: [String(c.params.port)] })],
          }),
        async (r) => {
          runs.push(r);
          return completed();
        },
      );
    }

    it("a port read from a user-writable file is not opened without the technician's port: FIREWALL_PORT_UNCONFIRMED", async () => {
      const runs: ElevatedRunRequest[] = [];
      const err = await firewallSpacePortCheck(fixDeps(runs))
        .fix!.apply(withUrl(), untrusted)
        .catch((e: unknown) => e);
      expect((err as AppError).code).toBe('FIREWALL_PORT_UNCONFIRMED');
      expect((err as AppError).message).toContain('3389');
      expect(runs).toEqual([]);
    });

    it('with the Space port the technician entered (Space Server Details), that port is opened', async () => {
      const runs: ElevatedRunRequest[] = [];
      const out = await firewallSpacePortCheck(fixDeps(runs)).fix!.apply(
        withUrl('https://space.example.local:8443/'),
        untrusted,
      );
      expect(out.ok).toBe(true);
      expect(runs[0]?.params).toMatchObject({ Port: 8443 });
      expect(en(out.summary)).toContain('8443');
    });

    it('the default port and a port from an administrators-only file need no confirmation', async () => {
      const runs: ElevatedRunRequest[] = [];
      await firewallSpacePortCheck(fixDeps(runs)).fix!.apply(withUrl(), {
        ...untrusted,
        port: 8100,
        portSource: 'default',
        portTrusted: true,
      });
      expect(runs[0]?.params).toMatchObject({ Port: 8100 });
    });

    it('collect uses the port the technician entered over the default and over a user-writable file', async () => {
      const d = deps((c) => jsonLine({ port: c.params.port, profiles: [], activeCategories: [], rules: [] }));
      const check = firewallSpacePortCheck(d);
      const entered = { ...ctx('win32'), inputs: { spaceUrl: 'https://space.example.local:8443/' } };
      const e1 = await check.collect(entered);
      expect(e1).toMatchObject({ port: 8443, portSource: 'Space Server Details', portTrusted: true });
      const writable = service({
        portCandidates: [{ path: 'p', expandedPath: 'p', exists: true, port: 3389, writableByUsers: true }],
      });
      const e2 = await check.collect({ ...entered, dependencies: { 'space.service': writable } });
      expect(e2).toMatchObject({ port: 8443, portTrusted: true });
      const adminOnly = service({
        portCandidates: [{ path: 'p', expandedPath: 'p', exists: true, port: 9100, writableByUsers: false }],
      });
      const e3 = await check.collect({ ...entered, dependencies: { 'space.service': adminOnly } });
      expect(e3).toMatchObject({ port: 9100, portSource: 'p', portTrusted: true });
      expect(d.host.calls.map((c) => c.params.port)).toEqual([8443, 8443, 9100]);
    });

    it('space.service tells trusted and untrusted port sources apart', () => {
      expect(spaceServerDetails(service({})).portTrusted).toBe(true);
      const at = (writableByUsers: boolean | null) =>
        spaceServerDetails(
          service({
            portCandidates: [{ path: 'p', expandedPath: 'p', exists: true, port: 9000, writableByUsers }],
          }),
        );
      expect(at(false)).toMatchObject({ port: 9000, portTrusted: true });
      expect(at(true)).toMatchObject({ port: 9000, portTrusted: false });
      // Unknown (the ACL could not be read) counts as writable.
      expect(at(null)).toMatchObject({ port: 9000, portTrusted: false });
    });
  });

  it('a refused UAC prompt is ELEVATION_CANCELLED, recorded as such', async () => {
    const records: ChangeRecord[] = [];
    const d = deps(
      () => '',
      async () => ({ outcome: 'elevation-cancelled', exitCode: null, log: '', durationMs: 1 }),
      records,
    );
    const err = await firewallSpacePortCheck(d)
      .fix!.apply(ctx('win32'), {
        kind: 'collected',
        port: 8100,
        portSource: 'default',
        profiles: [],
        activeCategories: [],
        rules: [],
      })
      .catch((e: unknown) => e);
    expect((err as AppError).code).toBe('ELEVATION_CANCELLED');
    expect(records[0]?.result).toBe('elevation-cancelled');
  });
});

describe('power.sleep fix and undo', () => {
  it('sets AC sleep and hibernate to 0, reads back, and undo restores the recorded values', async () => {
    const en = readFileSync(new URL('../../fixtures/powercfg-sub-sleep.en-US.txt', import.meta.url), 'utf8');
    const values = { STANDBYIDLE: 0x3c, HIBERNATEIDLE: 0x2a30 };
    const render = (): string =>
      en
        .replace(
          /(Power Setting GUID: 29f6c1db[\s\S]*?Current AC Power Setting Index: )0x[0-9a-f]+/,
          `$10x${values.STANDBYIDLE.toString(16).padStart(8, '0')}`,
        )
        .replace(
          /(Power Setting GUID: 9d7815a6[\s\S]*?Current AC Power Setting Index: )0x[0-9a-f]+/,
          `$10x${values.HIBERNATEIDLE.toString(16).padStart(8, '0')}`,
        );
    const runs: ElevatedRunRequest[] = [];
    const records: ChangeRecord[] = [];
    const d = deps(
      () =>
        jsonLine({
          querySubSleep: render(),
          activeScheme: 'Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)',
          unattendedQuery: '',
          sleepStates: '',
          policyScheme: null,
          policyOverrides: [],
        }),
      async (r) => {
        runs.push(r);
        const p = r.params as Record<string, number>;
        if ((p.StandbyIdleAc ?? -1) >= 0) values.STANDBYIDLE = p.StandbyIdleAc!;
        if ((p.HibernateIdleAc ?? -1) >= 0) values.HIBERNATEIDLE = p.HibernateIdleAc!;
        return completed();
      },
      records,
    );
    const check = powerSleepCheck(d);
    const evidence = await check.collect(ctx('win32'));
    expect(check.evaluate(evidence)).toMatchObject({ status: 'fail', code: 'POWER_SLEEP_ENABLED' });
    const out = await check.fix!.apply(ctx('win32'), evidence);
    expect(out.ok).toBe(true);
    expect(runs[0]?.params).toEqual({ StandbyIdleAc: 0, HibernateIdleAc: 0, UnattendedSleepAc: -1 });
    expect(out.undoData).toMatchObject({ standbyIdleAc: 60, hibernateIdleAc: 10800 });
    expect(check.evaluate(await check.collect(ctx('win32')))).toMatchObject({ status: 'pass' });
    const back = await check.fix!.undo!(ctx('win32'), out.undoData);
    expect(back.ok).toBe(true);
    expect(values).toEqual({ STANDBYIDLE: 60, HIBERNATEIDLE: 10800 });
    expect(records.map((r) => [r.action, r.result])).toEqual([
      ['apply', 'applied'],
      ['undo', 'applied'],
    ]);
  });

  it('a failing elevated script is ELEVATED_FAILED with its exit code', async () => {
    const d = deps(
      () => '',
      async () => completed(5),
    );
    const err = await powerSleepCheck(d)
      .fix!.apply(ctx('win32'), { kind: 'collected', querySubSleep: '' })
      .catch((e: unknown) => e);
    expect((err as AppError).code).toBe('ELEVATED_FAILED');
    expect((err as AppError).detail?.exitCode).toBe(5);
  });

  it('undo refuses unreadable undo data with UNDO_DATA_INVALID', async () => {
    const d = deps(() => '');
    const err = await powerSleepCheck(d).fix!.undo!(ctx('win32'), { standbyIdleAc: 'x' }).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe('UNDO_DATA_INVALID');
  });
});

describe('createWindowsRun', () => {
  it('shares one session across checks on Windows and disposes it once', async () => {
    const host = standInHost((c) =>
      c.script === 'get-power'
        ? jsonLine({ querySubSleep: '', sleepStates: '' })
        : jsonLine({ adapters: [] }),
    );
    const run = createWindowsRun({ hostFactory: host.factory, resourcesDir: 'resources' });
    const checks = windowsChecks(run.deps);
    await checks[0]!.collect(ctx('win32'));
    await checks[1]!.collect(ctx('win32'));
    await checks[2]!.collect(ctx('win32'));
    expect(host.created).toBe(1);
    expect(host.calls.map((c) => c.script)).toEqual(['get-power', 'get-adapters', 'get-power']);
    await run.dispose();
    expect(host.disposed).toBe(1);
  });

  it('off Windows starts nothing', async () => {
    const host = standInHost(() => '');
    const run = createWindowsRun({ hostFactory: host.factory, resourcesDir: 'resources' });
    for (const c of windowsChecks(run.deps))
      expect(c.evaluate(await c.collect(ctx('darwin'))).status).toBe('skip');
    await run.dispose();
    expect(host.created).toBe(0);
  });
});
