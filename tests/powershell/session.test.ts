// The read-only session in real PowerShell: one process for a whole run of the Windows checks (P3), a hung query killed
// at its timeout with a fresh process for the next, a script that throws, 1 MB of output, non-ASCII text both ways.
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { windowsChecks } from '../../main/core/checks/windows';
import { createWindowsRun } from '../../main/core/checks/windows/windows-run';
import { runChecks } from '../../main/core/checks/runner';
import { PowerRawSchema } from '../../main/core/checks/windows/power-collect';
import { SpaceRawSchema } from '../../main/core/checks/windows/space-evidence';
import { AppError } from '../../main/core/errors';
import { SPACE_ASSUMPTIONS } from '../../main/core/windows/space-assumptions';
import { FakeWindows, type FakeScenario } from './helpers/fake-windows';
import { describePs } from './helpers/powershell';

const SLEEP_QUERY = '/query SCHEME_CURRENT SUB_SLEEP';

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && !cond()) await new Promise((r) => setTimeout(r, 100));
  return cond();
}

const fullScenario: FakeScenario = {
  powercfg: {
    [SLEEP_QUERY]: { file: 'powercfg-sub-sleep.en-US.txt' },
    '/a': { file: 'powercfg-a.en-US.txt' },
  },
  services: [
    {
      Name: SPACE_ASSUMPTIONS.serviceName,
      State: 'Running',
      StartMode: 'Auto',
      StartName: 'NT SERVICE\\ProAccessSpaceService',
      PathName: 'C:\\Salto\\ProAccessSpaceService.exe',
    },
  ],
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
};

describePs('the read-only PowerShell session, for real', () => {
  const fw = new FakeWindows();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-session-'));
  afterAll(() => {
    fw.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one PowerShell process serves every read-only query of a doctor run of the Windows checks (P3)', async () => {
    fw.set(fullScenario);
    const before = fw.hosts.length;
    const run = createWindowsRun({ hostFactory: fw.hostFactory, resourcesDir: 'resources' });
    const result = await runChecks(windowsChecks(run.deps), {
      inputs: {},
      timeoutMs: 60_000,
      platform: 'win32',
      now: () => new Date(),
    });
    const statuses = Object.fromEntries(Object.entries(result.byId).map(([id, r]) => [id, r.result.code]));
    expect(statuses).toEqual({
      'power.sleep': 'POWER_HIBERNATE_ENABLED',
      'power.adapter': 'POWER_ADAPTER_OK',
      'power.states': 'POWER_STATES_INFO',
      'space.service': 'SPACE_SERVICE_OK',
      'space.version': 'SPACE_VERSION_UNREADABLE',
      'firewall.space-port': 'FIREWALL_PORT_CLOSED',
    });
    const hosts = fw.hosts.slice(before);
    expect(hosts).toHaveLength(1);
    expect(alive(hosts[0]?.pid)).toBe(true);
    // Every script ran in it: the doubles journaled every Windows command they answered.
    expect(new Set(fw.journal().map((j) => j.command))).toEqual(new Set(['powercfg.exe', 'Get-CimInstance']));
    await run.dispose();
    expect(await waitFor(() => !alive(hosts[0]?.pid), 10_000)).toBe(true);
  });

  it('a query that hangs is killed at its timeout; the next query gets a fresh process', async () => {
    fw.set({ powercfg: { [SLEEP_QUERY]: { file: 'powercfg-sub-sleep.en-US.txt', hangSeconds: 600 } } });
    const session = fw.session({ timeoutMs: 60_000 });
    const start = fw.hosts.length;
    // Warm the process first so the timeout measures the hang, not the start.
    await session.query('get-space', { serviceName: 'x', portCandidates: [] }, SpaceRawSchema);
    const hung = fw.hosts[start];
    const t0 = Date.now();
    const err = await session
      .query('get-power', {}, PowerRawSchema, { timeoutMs: 3000 })
      .catch((e: unknown) => e);
    expect((err as AppError).code).toBe('PS_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await waitFor(() => !alive(hung?.pid), 15_000)).toBe(true);
    fw.set({ powercfg: { [SLEEP_QUERY]: { file: 'powercfg-sub-sleep.en-US.txt' } } });
    const again = await session.query('get-power', {}, PowerRawSchema);
    expect(again.querySubSleep).toContain('29f6c1db-86da-48c5-9fdb-f2b67b1f44da');
    expect(fw.hosts.length).toBe(start + 2);
    expect(fw.hosts[start + 1]?.pid).not.toBe(hung?.pid);
    await session.dispose();
  });

  it('a script that throws gives PS_NO_OUTPUT with the error, and the same process serves the next query', async () => {
    fw.set({});
    const session = fw.session();
    const start = fw.hosts.length;
    const Sig = z.object({ sha256: z.string() });
    // get-file-signature stops on Get-FileHash of a file that is not there.
    const missing = path.join(dir, 'nicht da ü.ps1');
    const err = await session.query('get-file-signature', { path: missing }, Sig).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PS_NO_OUTPUT');
    expect(JSON.stringify((err as AppError).detail)).toContain('nicht da ü.ps1');
    const present = path.join(dir, 'da.ps1');
    writeFileSync(present, 'x');
    expect((await session.query('get-file-signature', { path: present }, Sig)).sha256).toMatch(
      /^[0-9A-F]{64}$/,
    );
    expect(fw.hosts.length).toBe(start + 1);
    await session.dispose();
  });

  it('1 MB of output comes back whole', async () => {
    const line = `${'0123456789abcdef'.repeat(6)}ü\u4e2d🙂`;
    const lines = Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, (_, i) => `${i} ${line}`);
    fw.set({ powercfg: { [SLEEP_QUERY]: { text: lines.join('\r\n') } } });
    const session = fw.session();
    const r = await session.query('get-power', {}, PowerRawSchema);
    const got = r.querySubSleep.split(/\r?\n/).filter((l) => l.length > 0);
    expect(got.length).toBe(lines.length);
    expect(got).toEqual(lines);
    expect(Buffer.byteLength(r.querySubSleep, 'utf8')).toBeGreaterThan(1024 * 1024);
    await session.dispose();
  });

  it('non-ASCII text round-trips both ways: ü, 中文, 🙂 in a parameter and in the output', async () => {
    const name = 'Instalación ü 中文 🙂.ps1';
    const file = path.join(dir, name);
    writeFileSync(file, 'x');
    fw.set({
      signatures: {
        [file]: {
          status: 'NotTrusted',
          statusMessage: 'Zertifikat nicht vertrauenswürdig – 証明書 🙂',
          subject: 'CN=Prüfer 中文 🙂',
          thumbprint: 'FF',
        },
      },
    });
    const session = fw.session();
    const Sig = z.object({
      sha256: z.string(),
      status: z.string(),
      statusMessage: z.string().nullable(),
      signer: z.string().nullable(),
    });
    const r = await session.query('get-file-signature', { path: file }, Sig);
    expect(r).toMatchObject({
      status: 'NotTrusted',
      statusMessage: 'Zertifikat nicht vertrauenswürdig – 証明書 🙂',
      signer: 'CN=Prüfer 中文 🙂',
    });
    // The path arrived byte-identical: the double recorded exactly what the script passed it.
    expect(fw.journal().find((j) => j.command === 'Get-AuthenticodeSignature')?.args[0]).toEqual([file]);
    await session.dispose();
  });
});
