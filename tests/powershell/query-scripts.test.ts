// Every read-only script of resources/powershell, run in real PowerShell through the production path (check.collect →
// PsSession → node-powershell), with the Windows-only commands replayed by fake-windows/ from fixtures. Every branch:
// localized powercfg, damaged output, policy overrides, absent/stopped service, several adapters, non-ASCII names, the
// firewall on and off, rules of every shape, signatures.
import { afterAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { windowsChecks } from '../../main/core/checks/windows';
import { createWindowsRun } from '../../main/core/checks/windows/windows-run';
import type { Check, CheckContext } from '../../main/core/checks/types';
import { prepareInstallScript } from '../../main/core/windows/install-script';
import { SPACE_ASSUMPTIONS } from '../../main/core/windows/space-assumptions';
import { FakeWindows, type FakeScenario } from './helpers/fake-windows';
import { describePs } from './helpers/powershell';
import { en } from '../../messages/render';

const SLEEP_QUERY = '/query SCHEME_CURRENT SUB_SLEEP';
const UNATTENDED_QUERY = '/query SCHEME_CURRENT SUB_SLEEP 7bc4a2f9-d8fc-4469-b07b-33eb785aaca0';

function ctx(dependencies: Record<string, unknown> = {}): CheckContext {
  return {
    inputs: {},
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    platform: 'win32',
    now: () => new Date(),
    dependencies,
  };
}

describePs('read-only scripts in real PowerShell, Windows replayed from fixtures', () => {
  const fw = new FakeWindows();
  const run = createWindowsRun({
    hostFactory: fw.hostFactory,
    resourcesDir: 'resources',
    queryTimeoutMs: 60_000,
  });
  const checks = windowsChecks(run.deps);
  const check = (id: string): Check => {
    const c = checks.find((x) => x.id === id);
    if (!c) throw new Error(id);
    return c;
  };
  /** collect (through PowerShell) then evaluate, as a run does. */
  async function verdict(id: string, scenario: FakeScenario, deps: Record<string, unknown> = {}) {
    fw.set(scenario);
    const c = check(id);
    const evidence = await c.collect(ctx(deps));
    expect(c.evidenceSchema.safeParse(evidence).success).toBe(true);
    return { evidence: evidence as Record<string, unknown>, result: c.evaluate(evidence) };
  }
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'xs4-queries-'));
  // Read by get-space's %VAR% expansion: the PowerShell process inherits it when it starts (first query).
  process.env.XS4_TEST_CFG_DIR = workDir;

  afterAll(async () => {
    await run.dispose();
    fw.cleanup();
    rmSync(workDir, { recursive: true, force: true });
  });

  // --- get-power ----------------------------------------------------------------------------------------------------

  it.each([
    ['en-US', 'powercfg-sub-sleep.en-US.txt', 'POWER_HIBERNATE_ENABLED', /hibernates after 3 h/],
    ['de-DE', 'powercfg-sub-sleep.de-DE.txt', 'POWER_SLEEP_ENABLED', /sleeps after 20 min/],
    ['fr-FR', 'powercfg-sub-sleep.fr-FR.txt', 'POWER_SLEEP_ENABLED', /sleeps after 15 min/],
    ['ru-RU', 'powercfg-sub-sleep.ru-RU.txt', 'POWER_SLEEP_NEVER', /off on AC/],
    ['pt-BR', 'powercfg-sub-sleep.pt-BR.txt', 'POWER_HIBERNATE_ENABLED', /hibernates after 3 h/],
  ])('power.sleep reads %s powercfg output by GUID and layout', async (_lang, file, code, summary) => {
    const { evidence, result } = await verdict('power.sleep', {
      powercfg: {
        [SLEEP_QUERY]: { file },
        [UNATTENDED_QUERY]: { file: 'powercfg-unattended.en-US.txt' },
        '/getactivescheme': { text: 'Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)' },
      },
    });
    expect(result.code).toBe(code);
    expect(en(result.summary)).toMatch(summary);
    expect(en(result.detail ?? '')).toContain('Unattended sleep timeout on AC: 120 s');
    expect(en(result.detail ?? '')).toContain('Active scheme 381b4222-f694-41f0-9685-ff5bb260df2e');
    // The translated labels arrive intact (non-ASCII through PowerShell and back).
    expect(String(evidence.querySubSleep)).toContain(file.includes('ru-RU') ? 'Текущий индекс' : '');
  });

  it('power.sleep: a Group Policy override is reported (registry values read through the same script)', async () => {
    const root = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Power\\PowerSettings';
    const { result, evidence } = await verdict('power.sleep', {
      powercfg: { [SLEEP_QUERY]: { file: 'powercfg-sub-sleep.ru-RU.txt' } },
      registry: {
        [root]: { values: { ActivePowerScheme: '8c5e7fda-e8bf-4a96-9a85-a6e23a8c635c' } },
        [`${root}\\29f6c1db-86da-48c5-9fdb-f2b67b1f44da`]: {
          values: { ACSettingIndex: 1800, DCSettingIndex: 600 },
        },
        [`${root}\\3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e`]: { values: { DCSettingIndex: 300 } },
      },
    });
    expect(result.code).toBe('POWER_POLICY_OVERRIDE');
    expect(evidence.policyScheme).toBe('8c5e7fda-e8bf-4a96-9a85-a6e23a8c635c');
    expect(evidence.policyOverrides).toEqual([
      { setting: '29f6c1db-86da-48c5-9fdb-f2b67b1f44da', acValue: 1800, dcValue: 600 },
      { setting: '3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e', acValue: null, dcValue: 300 },
    ]);
  });

  it.each([
    [
      'powercfg refuses the query (exit 1)',
      { [SLEEP_QUERY]: { text: 'Invalid Parameters -- try "/?" for help', exitCode: 1 } },
      'POWER_UNREADABLE',
    ],
    ['empty output', { [SLEEP_QUERY]: { text: '' } }, 'POWER_UNREADABLE'],
    ['garbage', { [SLEEP_QUERY]: { text: '\u0000\u0001 ??? 0xZZ\r\n\u00ff\u00fe' } }, 'POWER_UNREADABLE'],
    [
      'truncated before the current values',
      {
        [SLEEP_QUERY]: {
          text: 'Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)\r\n  Subgroup GUID: 238c9fa8-0aad-41ed-83f4-97be242c8f20  (Sleep)\r\n    Power Setting GUID: 29f6c1db-86da-48c5-9fdb-f2b67b1f44da  (Sleep after)\r\n      Minimum Possible Setting: 0x00000000',
        },
      },
      'POWER_UNREADABLE',
    ],
  ])('power.sleep on damaged output (%s) never passes', async (_name, powercfg, code) => {
    const { result } = await verdict('power.sleep', { powercfg });
    expect(result.status).toBe('fail');
    expect(result.code).toBe(code);
  });

  it('power.states reads `powercfg /a` (information only); unreadable output is a skip, never a pass', async () => {
    const ok = await verdict('power.states', { powercfg: { '/a': { file: 'powercfg-a.en-US.txt' } } });
    expect(ok.result.code).toBe('POWER_STATES_INFO');
    expect(en(ok.result.summary)).toContain('Standby (S0 Low Power Idle) Network Disconnected, Hibernate');
    const bad = await verdict('power.states', { powercfg: {} });
    expect(bad.result).toMatchObject({ status: 'skip', code: 'POWER_STATES_UNREADABLE' });
  });

  // --- get-adapters -------------------------------------------------------------------------------------------------

  it('power.adapter: several adapters, a virtual and a disconnected one left out, non-ASCII names intact', async () => {
    const { result, evidence } = await verdict('power.adapter', {
      adapters: [
        {
          Name: 'Ethernet – Büro 中文 🙂',
          InterfaceDescription: 'Intel(R) I350 Gigabit',
          ifIndex: 4,
          Status: 'Up',
          ipv4: ['10.0.0.5'],
          defaultRoute: true,
          allowTurnOff: 'Enabled',
        },
        {
          Name: 'Ethernet 2',
          InterfaceDescription: 'Intel(R) I350 #2',
          ifIndex: 5,
          Status: 'Up',
          ipv4: ['192.168.50.2', '192.168.51.2'],
          defaultRoute: false,
          allowTurnOff: 'Disabled',
        },
        {
          Name: 'vEthernet (XS4 Face)',
          ifIndex: 9,
          Status: 'Up',
          virtual: true,
          ipv4: ['172.20.0.1'],
          allowTurnOff: 'Enabled',
        },
        { Name: 'Ethernet 3', ifIndex: 6, Status: 'Disconnected', ipv4: [], allowTurnOff: 'Enabled' },
        { Name: 'Ethernet 4', ifIndex: 7, Status: 'Up', ipv4: ['10.1.0.9'], allowTurnOff: null },
      ],
    });
    const adapters = evidence.adapters as Array<{
      name: string;
      ipv4: string[];
      allowTurnOff: string | null;
      hasDefaultRoute: boolean;
    }>;
    expect(adapters.map((a) => a.name)).toEqual(['Ethernet – Büro 中文 🙂', 'Ethernet 2', 'Ethernet 4']);
    expect(adapters[1]?.ipv4).toEqual(['192.168.50.2', '192.168.51.2']);
    expect(adapters[2]?.allowTurnOff).toBeNull();
    expect(adapters.map((a) => a.hasDefaultRoute)).toEqual([true, false, false]);
    expect(result.code).toBe('POWER_ADAPTER_POWEROFF');
    expect(en(result.summary)).toContain('Ethernet – Büro 中文 🙂');
  });

  it('power.adapter: an adapter query that fails says it could not read them (a warning, never a pass)', async () => {
    const { result } = await verdict('power.adapter', { adapterError: 'Access is denied.' });
    expect(result).toMatchObject({ status: 'warn', code: 'ADAPTER_UNREADABLE' });
    expect(en(result.detail ?? '')).toContain('Access is denied.');
    const none = await verdict('power.adapter', { adapters: [] });
    expect(none.result).toMatchObject({ status: 'warn', code: 'ADAPTER_NONE' });
  });

  // --- get-space ----------------------------------------------------------------------------------------------------

  const spaceExe = 'C:\\Program Files (x86)\\SALTO\\ProAccess Space\\ProAccessSpaceService.exe';
  const running = {
    Name: SPACE_ASSUMPTIONS.serviceName,
    State: 'Running',
    StartMode: 'Auto',
    StartName: 'NT SERVICE\\ProAccessSpaceService',
    PathName: `"${spaceExe}" -service`,
    DelayedAutoStart: false,
  };
  const files = {
    [spaceExe]: { versionInfo: { major: 6, minor: 5, build: 2, private: 7, product: '6.5.2.7' } },
  };

  it('space.service: the service is absent', async () => {
    const { result, evidence } = await verdict('space.service', {
      services: [{ ...running, Name: 'Spooler', PathName: 'C:\\Windows\\System32\\spoolsv.exe' }],
    });
    expect(evidence.service).toBeNull();
    expect(result.code).toBe('SPACE_SERVICE_MISSING');
  });

  it('space.service and space.version: running, automatic, version from the executable, addresses without loopback', async () => {
    const { result, evidence } = await verdict('space.service', {
      services: [running],
      files,
      adapters: [
        {
          Name: 'Ethernet',
          ifIndex: 4,
          Status: 'Up',
          ipv4: ['10.0.0.5', '127.0.0.1', '169.254.3.3'],
          allowTurnOff: 'Disabled',
        },
      ],
    });
    expect(result.code).toBe('SPACE_SERVICE_OK');
    expect(evidence).toMatchObject({
      executable: spaceExe,
      fileVersion: '6.5.2.7',
      productVersion: '6.5.2.7',
    });
    expect(evidence.ipv4).toEqual([{ address: '10.0.0.5', interfaceAlias: 'Ethernet' }]);
    expect(typeof evidence.fqdn).toBe('string');
    const version = check('space.version');
    expect(version.evaluate(evidence).code).toBe('SPACE_VERSION_OK');
  });

  it('space.service: stopped, manual start, unquoted path with arguments, executable missing', async () => {
    const { result, evidence } = await verdict('space.service', {
      services: [
        {
          ...running,
          State: 'Stopped',
          StartMode: 'Manual',
          PathName: 'C:\\Salto\\ProAccessSpaceService.exe /run',
        },
      ],
    });
    expect(result.code).toBe('SPACE_SERVICE_STOPPED');
    expect(evidence).toMatchObject({ executable: 'C:\\Salto\\ProAccessSpaceService.exe', fileVersion: null });
    expect(check('space.version').evaluate(evidence).code).toBe('SPACE_VERSION_UNREADABLE');
  });

  it.each([
    ['reports an error', { cimError: 'Access denied' }],
    ['throws', { cimThrow: 'RPC server unavailable' }],
  ])(
    'space.service: a service query that %s says it could not read, never "not installed"',
    async (_n, scenario) => {
      const { result, evidence } = await verdict('space.service', scenario);
      expect(result).toMatchObject({ status: 'warn', code: 'SPACE_SERVICE_UNREADABLE' });
      expect(String(evidence.serviceError)).toMatch(/Access denied|RPC server unavailable/);
      expect(check('space.version').evaluate(evidence).code).toBe('SPACE_SERVICE_UNREADABLE');
    },
  );

  const SYSTEM = 'S-1-5-18';
  const ADMINS = 'S-1-5-32-544';
  const USERS = 'S-1-5-32-545';
  const adminsOnly = {
    owner: ADMINS,
    access: [
      { sid: SYSTEM, rights: 0x1f01ff, type: 'Allow' as const },
      { sid: ADMINS, rights: 0x1f01ff, type: 'Allow' as const },
      { sid: USERS, rights: 0x1200a9, type: 'Allow' as const },
    ],
  };

  it('get-space reads the port from the first existing config file whose pattern matches (%VAR% expanded)', async () => {
    const cfgA = path.join(workDir, 'missing.config');
    const cfgB = path.join(workDir, 'nomatch.config');
    const cfgC = path.join(workDir, 'Space ü.config');
    writeFileSync(cfgB, '<add key="Other" value="1"/>');
    writeFileSync(cfgC, '<configuration><add key="HttpPort" value="8443"/></configuration>');
    fw.set({ acl: { [cfgC]: adminsOnly, [workDir]: adminsOnly } });
    const pattern = SPACE_ASSUMPTIONS.portConfigCandidates[0]?.pattern ?? '';
    const { SpaceRawSchema } = await import('../../main/core/checks/windows/space-evidence');
    const raw = await run.deps.session().query(
      'get-space',
      {
        serviceName: SPACE_ASSUMPTIONS.serviceName,
        portCandidates: [
          { path: cfgA, pattern },
          { path: cfgB, pattern },
          { path: `%XS4_TEST_CFG_DIR%${path.sep}Space ü.config`, pattern },
        ],
      },
      SpaceRawSchema,
    );
    expect(raw.portCandidates).toEqual([
      { path: cfgA, expandedPath: cfgA, exists: false, port: null, error: null, writableByUsers: null },
      // No ACL could be read for this one: unknown, which the firewall fix treats as writable.
      { path: cfgB, expandedPath: cfgB, exists: true, port: null, error: null, writableByUsers: null },
      {
        path: `%XS4_TEST_CFG_DIR%${path.sep}Space ü.config`,
        expandedPath: cfgC,
        exists: true,
        port: 8443,
        error: null,
        writableByUsers: false,
      },
    ]);
    // One unreadable candidate (here a pattern .NET refuses) is reported on its own; the others are still read.
    const bad = await run.deps.session().query(
      'get-space',
      {
        serviceName: 'x',
        portCandidates: [
          { path: cfgC, pattern: '(' },
          { path: cfgC, pattern },
        ],
      },
      SpaceRawSchema,
    );
    expect(bad.portCandidates[0]).toMatchObject({ exists: true, port: null });
    expect(bad.portCandidates[0]?.error).toMatch(/\S/);
    expect(bad.portCandidates[1]).toMatchObject({ port: 8443, error: null });
  });

  it.each([
    ['only SYSTEM and Administrators can change it', {}, false],
    [
      'Users may modify the file',
      { file: { owner: 'S-1-5-32-544', access: [{ sid: 'S-1-5-32-545', rights: 0x1301bf, type: 'Allow' }] } },
      true,
    ],
    ['an ordinary user owns the file', { file: { owner: 'S-1-5-21-1-2-3-1001', access: [] } }, true],
    [
      'Authenticated Users may delete files in the folder',
      { dir: { owner: 'S-1-5-32-544', access: [{ sid: 'S-1-5-11', rights: 0x40, type: 'Allow' }] } },
      true,
    ],
    [
      'Users may only create files in the folder (as in ProgramData)',
      {
        dir: {
          owner: 'S-1-5-18',
          access: [
            { sid: 'S-1-5-32-545', rights: 0x6, type: 'Allow' },
            { sid: 'S-1-3-0', rights: 0x1f01ff, type: 'Allow', inheritOnly: true },
          ],
        },
      },
      false,
    ],
    [
      'a deny rule does not grant',
      { file: { owner: 'S-1-5-32-544', access: [{ sid: 'S-1-1-0', rights: 0x1f01ff, type: 'Deny' }] } },
      false,
    ],
    [
      'the Space service account (a service SID) may write',
      {
        file: {
          owner: 'S-1-5-32-544',
          access: [{ sid: 'S-1-5-80-1234-5678', rights: 0x1301bf, type: 'Allow' }],
        },
      },
      false,
    ],
  ])(
    'get-space: who can change the port file: %s',
    async (_name, over: { file?: unknown; dir?: unknown }, writable) => {
      const dir = mkdtempSync(path.join(workDir, 'acl-'));
      const file = path.join(dir, 'Configurator.config');
      writeFileSync(file, '<add key="Port" value="8101"/>');
      fw.set({ acl: { [file]: over.file ?? adminsOnly, [dir]: over.dir ?? adminsOnly } } as FakeScenario);
      const { SpaceRawSchema } = await import('../../main/core/checks/windows/space-evidence');
      const raw = await run.deps.session().query(
        'get-space',
        {
          serviceName: 'x',
          portCandidates: [{ path: file, pattern: SPACE_ASSUMPTIONS.portConfigCandidates[0]?.pattern ?? '' }],
        },
        SpaceRawSchema,
      );
      expect(raw.portCandidates[0]).toMatchObject({ port: 8101, writableByUsers: writable });
    },
  );

  // --- get-firewall -------------------------------------------------------------------------------------------------

  const spaceDeps = (port: number) => ({
    'space.service': {
      kind: 'collected',
      service: {
        name: SPACE_ASSUMPTIONS.serviceName,
        state: 'Running',
        startMode: 'Auto',
        account: null,
        pathName: null,
      },
      executable: spaceExe,
      fileVersion: '6.5.2.7',
      productVersion: null,
      fqdn: 'space.example.local',
      ipv4: [],
      portCandidates: [{ path: 'x', expandedPath: 'x', exists: true, port }],
    },
  });
  const rule = (over: Record<string, unknown>) => ({
    Name: 'r',
    DisplayName: 'Rule',
    Enabled: 'True',
    Direction: 'Inbound',
    Action: 'Allow',
    Profile: 'Any',
    Protocol: 'TCP',
    LocalPort: ['8100'],
    ...over,
  });
  const profiles = (on: boolean) =>
    ['Domain', 'Private', 'Public'].map((Name) => ({ Name, Enabled: on ? 'True' : 'False' }));

  it('firewall.space-port: the firewall is off on the active profile', async () => {
    const { result } = await verdict(
      'firewall.space-port',
      { firewall: { profiles: profiles(false), connectionProfiles: ['DomainAuthenticated'], rules: [] } },
      spaceDeps(8100),
    );
    expect(result.code).toBe('FIREWALL_OFF');
  });

  it('firewall.space-port: only inbound TCP rules covering the port and scoped to Space count', async () => {
    const { result, evidence } = await verdict(
      'firewall.space-port',
      {
        firewall: {
          profiles: profiles(true),
          connectionProfiles: ['DomainAuthenticated', 'Private'],
          rules: [
            rule({ Name: 'udp', Protocol: 'UDP' }),
            rule({ Name: 'other-port', LocalPort: ['443'] }),
            rule({ Name: 'outbound', Direction: 'Outbound' }),
            rule({ Name: 'other-program', LocalPort: ['Any'], Program: 'C:\\Games\\game.exe' }),
            rule({
              Name: 'range-domain',
              DisplayName: 'Räng€ 8000-8200',
              LocalPort: ['8000-8200'],
              Profile: 'Domain',
            }),
          ],
        },
      },
      spaceDeps(8100),
    );
    const names = (evidence.rules as Array<{ name: string }>).map((r) => r.name).sort();
    // The script returns inbound rules whose TCP/Any filter covers the port; the evaluator then judges program scope.
    expect(names).toEqual(['other-program', 'range-domain']);
    expect(result.code).toBe('FIREWALL_PORT_CLOSED');
    expect(en(result.summary)).toContain('Private');
  });

  it('firewall.space-port: open on every active profile; a block rule wins; unreadable profiles warn', async () => {
    const open = await verdict(
      'firewall.space-port',
      {
        firewall: {
          profiles: profiles(true),
          connectionProfiles: ['Private'],
          rules: [rule({ Name: 'space', LocalPort: ['8100'] })],
        },
      },
      spaceDeps(8100),
    );
    expect(open.result.code).toBe('FIREWALL_PORT_OPEN');
    const blocked = await verdict(
      'firewall.space-port',
      {
        firewall: {
          profiles: profiles(true),
          connectionProfiles: ['Private'],
          rules: [
            rule({ Name: 'space' }),
            rule({ Name: 'block', Action: 'Block', LocalPort: ['8000-9000'] }),
          ],
        },
      },
      spaceDeps(8100),
    );
    expect(blocked.result.code).toBe('FIREWALL_PORT_BLOCKED');
    const unreadable = await verdict(
      'firewall.space-port',
      { firewall: { error: 'Access denied' } },
      spaceDeps(8100),
    );
    expect(unreadable.result).toMatchObject({ status: 'warn', code: 'FIREWALL_UNREADABLE' });
  });

  // --- get-file-signature -------------------------------------------------------------------------------------------

  it("get-file-signature: SHA-256 by PowerShell equals Node's, Authenticode status and signer read", async () => {
    const file = path.join(workDir, 'SpaceInstall ü [1].ps1');
    writeFileSync(file, "Write-Output 'install'\r\n");
    const sha = createHash('sha256').update("Write-Output 'install'\r\n").digest('hex');
    fw.set({
      signatures: {
        [file]: {
          status: 'Valid',
          statusMessage: 'Signature verified.',
          subject: 'CN=SALTO Systems S.L., O=SALTO',
          thumbprint: 'A1B2',
        },
      },
    });
    const info = await prepareInstallScript(
      {
        dataDir: workDir,
        now: () => new Date(),
        platform: 'win32',
        session: run.deps.session,
        runElevated: run.deps.runElevated,
      },
      { kind: 'file', path: file },
    );
    expect(info.sha256).toBe(sha);
    expect(info.signature).toEqual({
      status: 'Valid',
      statusMessage: 'Signature verified.',
      signer: 'CN=SALTO Systems S.L., O=SALTO',
      signerThumbprint: 'A1B2',
    });
    fw.set({});
    const unsigned = await prepareInstallScript(
      {
        dataDir: workDir,
        now: () => new Date(),
        platform: 'win32',
        session: run.deps.session,
        runElevated: run.deps.runElevated,
      },
      { kind: 'file', path: file },
    );
    expect(unsigned.signature).toMatchObject({ status: 'NotSigned', signer: null });
  });
});
