// The Windows side says everything in the six languages: every outcome of the six checks, their titles, fixes and
// history sentences, and the errors of the PowerShell layer resolve in each catalog with every placeholder given.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { windowsChecks } from '../../../main/core/checks/windows';
import {
  evaluateFirewall,
  type FirewallEvidence,
} from '../../../main/core/checks/windows/firewall-space-port';
import { evaluatePowerAdapter, powerAdapterCheck } from '../../../main/core/checks/windows/power-adapter';
import { evaluatePowerSleep } from '../../../main/core/checks/windows/power-sleep-evaluate';
import { evaluatePowerStatesText } from '../../../main/core/checks/windows/power-states';
import { requireCompleted, runFixScript, skipResult } from '../../../main/core/checks/windows/deps';
import type { SpaceCollected } from '../../../main/core/checks/windows/space-evidence';
import { evaluateSpaceService } from '../../../main/core/checks/windows/space-service';
import { evaluateSpaceVersion } from '../../../main/core/checks/windows/space-version';
import type { CheckContext, CheckResult } from '../../../main/core/checks/types';
import type { ChangeRecord } from '../../../main/core/windows/change-record';
import type { ElevatedOutcome } from '../../../main/core/windows/elevated-runner';
import { resolvePowerShellExe } from '../../../main/core/windows/powershell-exe';
import { parseQueryOutput, PsSession } from '../../../main/core/windows/ps-session';
import { encodeParams } from '../../../main/core/windows/ps-encoding';
import { AppError } from '../../../main/core/errors';
import { text } from '../../../contract/text';
import { renderText } from '../../../messages/render';
import { jsonLine, standInHost } from '../../helpers/ps-standin';
import { unsaid } from '../../helpers/catalog-texts';
import { z } from 'zod';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const en = fixture('powercfg-sub-sleep.en-US.txt');
const enNever = en.replace(
  'Current AC Power Setting Index: 0x00002a30',
  'Current AC Power Setting Index: 0x00000000',
);

const service = (over: Partial<SpaceCollected> = {}): SpaceCollected => ({
  kind: 'collected',
  service: {
    name: 'ProAccessSpaceService',
    state: 'Running',
    startMode: 'Auto',
    account: null,
    pathName: null,
    delayedAutoStart: true,
  },
  executable: 'C:\\ProAccessSpaceService.exe',
  fileVersion: '6.5.1.12',
  productVersion: '6.5.1.12',
  machineName: 'SPACE01',
  fqdn: null,
  ipv4: [],
  portCandidates: [
    { path: 'x', expandedPath: 'C:\\x.config', exists: true, port: 8443, writableByUsers: false },
  ],
  ...over,
});

const firewall = (
  over: Partial<Extract<FirewallEvidence, { kind: 'collected' }>> = {},
): FirewallEvidence => ({
  kind: 'collected',
  port: 8100,
  portSource: 'Space Server Details',
  profiles: [
    { name: 'Domain', enabled: 'True' },
    { name: 'Private', enabled: 'True' },
    { name: 'Public', enabled: 'False' },
  ],
  activeCategories: ['DomainAuthenticated', 'Private', 'Public'],
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
const adapter = (allowTurnOff: string | null, ipv4 = ['10.0.0.5', '10.0.0.6']) => ({
  name: 'Ethernet',
  ipv4,
  hasDefaultRoute: true,
  allowTurnOff,
});

/** One evidence for every outcome the six evaluators can give. */
function everyOutcome(): CheckResult[] {
  const policy = (setting: string, acValue: number | null) => ({ setting, acValue, dcValue: null });
  return [
    skipResult({ kind: 'unavailable', reason: 'not-windows', platform: 'linux' }),
    evaluatePowerSleep({ kind: 'collected', querySubSleep: en }),
    evaluatePowerSleep({ kind: 'collected', querySubSleep: fixture('powercfg-sub-sleep.de-DE.txt') }),
    evaluatePowerSleep({ kind: 'collected', querySubSleep: 'garbage' }),
    evaluatePowerSleep({
      kind: 'collected',
      querySubSleep: enNever.slice(0, enNever.indexOf('    Power Setting GUID: 94ac6d29')),
    }),
    evaluatePowerSleep({
      kind: 'collected',
      querySubSleep: enNever,
      unattendedQuery: fixture('powercfg-unattended.en-US.txt'),
      activeScheme: 'Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)',
      policyOverrides: [policy('{00000000-0000-0000-0000-000000000001}', 1)],
    }),
    evaluatePowerSleep({
      kind: 'collected',
      querySubSleep: en,
      policyScheme: '381b4222-f694-41f0-9685-ff5bb260df2e',
      policyOverrides: [
        policy('29f6c1db-86da-48c5-9fdb-f2b67b1f44da', 900),
        policy('9d7815a6-7ee4-497e-8888-515a05f02364', null),
      ],
    }),
    evaluatePowerStatesText(fixture('powercfg-a.en-US.txt')),
    evaluatePowerStatesText(''),
    evaluatePowerAdapter({ kind: 'collected', adapters: [], error: 'Access is denied.' }),
    evaluatePowerAdapter({ kind: 'collected', adapters: [adapter('Enabled', [])] }),
    evaluatePowerAdapter({
      kind: 'collected',
      adapters: [adapter('Enabled'), { ...adapter(null), name: 'Ethernet 2' }],
    }),
    evaluatePowerAdapter({
      kind: 'collected',
      adapters: [adapter('Disabled'), { ...adapter('Unsupported'), name: 'E2' }],
    }),
    evaluatePowerAdapter({ kind: 'collected', adapters: [adapter('SomethingNew')] }),
    evaluateSpaceService(service({ service: null, serviceError: 'RPC server unavailable' })),
    evaluateSpaceService(service({ service: null })),
    ...[
      'Stopped',
      'Start Pending',
      'Stop Pending',
      'Continue Pending',
      'Pause Pending',
      'Paused',
      'Unknown',
      'Odd',
    ].map((state) => evaluateSpaceService(service({ service: { ...service().service!, state } }))),
    evaluateSpaceService(service({ service: { ...service().service!, startMode: 'Manual' } })),
    evaluateSpaceService(
      service({
        fqdn: 'space.example',
        ipv4: [{ address: '10.0.0.5', interfaceAlias: null }],
        portCandidates: [],
      }),
    ),
    evaluateSpaceVersion(service({ service: null })),
    evaluateSpaceVersion(service({ fileVersion: null, executable: null })),
    evaluateSpaceVersion(service({ fileVersion: '6.1.0.0' })),
    evaluateSpaceVersion(service()),
    evaluateFirewall(firewall({ profiles: [] })),
    evaluateFirewall(
      firewall({
        profiles: [{ name: 'Domain', enabled: 'False' }],
        activeCategories: ['DomainAuthenticated'],
      }),
    ),
    evaluateFirewall(
      firewall({
        profiles:
          firewall().kind === 'collected'
            ? [
                { name: 'Domain', enabled: 'False' },
                { name: 'Private', enabled: 'False' },
              ]
            : [],
        activeCategories: ['DomainAuthenticated', 'Private'],
      }),
    ),
    evaluateFirewall(firewall({ rules: [rule({ action: 'Block' })] })),
    evaluateFirewall(
      firewall({
        rules: [rule({ action: 'Block' }), rule({ name: 'r2', displayName: null, action: 'Block' })],
      }),
    ),
    evaluateFirewall(firewall()),
    evaluateFirewall(firewall({ rules: [rule({ profile: 'Domain' })], portSource: 'default' })),
    evaluateFirewall(
      firewall({
        rules: [rule({ profile: 'Domain' })],
        portSource: 'C:\\x.config',
        activeCategories: ['DomainAuthenticated'],
      }),
    ),
    evaluateFirewall(firewall({ rules: [rule(), rule({ name: 'r2' })] })),
    evaluateFirewall(firewall({ rules: [rule()], activeCategories: ['DomainAuthenticated'] })),
  ];
}

const ctx: CheckContext = {
  inputs: {},
  signal: new AbortController().signal,
  timeoutMs: 5000,
  platform: 'win32',
  now: () => new Date('2026-11-29T12:00:00Z'),
  dependencies: {},
};

describe('the Windows side in every language', () => {
  it('every outcome of the six checks', () => {
    const results = everyOutcome();
    expect(new Set(results.map((r) => r.code)).size).toBeGreaterThanOrEqual(20);
    // Catalog keys, never sentences already in English words.
    expect(
      results.flatMap((r) => [r.summary, r.detail, r.remedy]).filter((s) => typeof s === 'string'),
    ).toEqual([]);
    expect(unsaid(results)).toEqual([]);
  });

  it('the titles of the checks and of their fixes', () => {
    const checks = windowsChecks({
      session: () => {
        throw new Error('not used');
      },
      runElevated: () => Promise.reject(new Error('not used')),
    });
    expect(unsaid(checks.map((c) => [c.title, c.fix?.title]))).toEqual([]);
    // Not the English words in another language: the French title is French.
    expect(renderText(checks[0]!.title, 'fr')).not.toBe(renderText(checks[0]!.title, 'en'));
  });

  it('fix outcomes and the history sentences of a fix, applied, undone and refused', async () => {
    let allow = 'Enabled';
    const records: ChangeRecord[] = [];
    const host = standInHost(() => jsonLine({ adapters: [adapter(allow)] }));
    const session = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources' });
    const check = powerAdapterCheck({
      session: () => session,
      runElevated: async (r) => {
        allow = String(r.params?.AllowTurnOff);
        return { outcome: 'completed', exitCode: 0, log: '', durationMs: 1 };
      },
      resourcesDir: 'resources',
      recordChange: (e) => void records.push(e),
    });
    const evidence = await check.collect(ctx);
    const applied = await check.fix!.apply(ctx, evidence);
    const undone = await check.fix!.undo!(ctx, applied.undoData);
    const nothing = await check.fix!.apply(ctx, { kind: 'collected', adapters: [adapter('Disabled')] });
    const refused = await runFixScript(
      {
        session: () => session,
        runElevated: async (): Promise<ElevatedOutcome> => ({
          outcome: 'elevation-cancelled',
          exitCode: null,
          log: '',
          durationMs: 1,
        }),
        resourcesDir: 'resources',
        recordChange: (e) => void records.push(e),
      },
      ctx,
      {
        script: 'set-power-sleep',
        params: {},
        what: text('checks.power.sleep.fix.what'),
        target: 'power.sleep',
        action: 'apply',
        before: null,
      },
    ).catch((e: unknown) => e);
    await session.dispose();
    expect((refused as AppError).code).toBe('ELEVATION_CANCELLED');
    expect(records.map((r) => r.result)).toEqual(['applied', 'applied', 'elevation-cancelled']);
    expect([applied, undone, nothing, ...records].filter((o) => typeof o.summary === 'string')).toEqual([]);
    expect(unsaid([applied, undone, nothing, records, (refused as AppError).texts()])).toEqual([]);
  });

  it('the errors of elevated runs and of the PowerShell layer', () => {
    const errors: unknown[] = [];
    const what = text('checks.firewall.space-port.fix.what');
    for (const out of [
      { outcome: 'timeout', exitCode: null },
      { outcome: 'cancelled', exitCode: null },
      { outcome: 'completed', exitCode: 3 },
    ] as const)
      try {
        requireCompleted(what, { ...out, log: '', durationMs: 1 });
      } catch (e) {
        errors.push(e);
      }
    const attempts: Array<() => unknown> = [
      () => resolvePowerShellExe({ platform: 'linux' }),
      () => resolvePowerShellExe({ override: 'pwsh' }),
      () => parseQueryOutput('get-power', 'nothing', '', z.object({})),
      () => parseQueryOutput('get-power', 'XS4JSON:bm90IGpzb24=', '', z.object({})),
      () =>
        parseQueryOutput(
          'get-power',
          `XS4JSON:${Buffer.from('{}').toString('base64')}`,
          '',
          z.object({ a: z.string() }),
        ),
      () => encodeParams({ path: 'a\ud800' }),
    ];
    for (const attempt of attempts)
      try {
        attempt();
      } catch (e) {
        errors.push(e);
      }
    expect(errors.map((e) => (e as AppError).code)).toEqual([
      'ELEVATED_TIMEOUT',
      'CANCELLED',
      'ELEVATED_FAILED',
      'PS_UNAVAILABLE',
      'PS_PATH_INVALID',
      'PS_NO_OUTPUT',
      'PS_BAD_OUTPUT',
      'PS_BAD_OUTPUT',
      'INVALID_INPUT',
    ]);
    // INVALID_INPUT's own sentence is the core's ("{{field}}: {{rule}}."); the field's label and the rule are ours.
    expect(
      unsaid(
        errors.map((e) =>
          (e as AppError).code === 'INVALID_INPUT' ? (e as AppError).params : (e as AppError).texts(),
        ),
      ),
    ).toEqual([]);
  });
});
