// A Windows that replays fixtures: a scenario file read by the PowerShell doubles in fake-windows/, the production
// PsSession over the production node-powershell host with those doubles loaded once per process, and the journal of calls.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNodePowerShellHost } from '../../../main/core/windows/node-powershell-host';
import { PsSession, type PsHost } from '../../../main/core/windows/ps-session';
import { ps } from './powershell';

export const FAKE_WINDOWS_DIR = path.resolve(import.meta.dirname, '..', 'fake-windows');
export const FAKE_MODULES_DIR = path.join(FAKE_WINDOWS_DIR, 'modules');
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures');

export interface FakeAdapter {
  Name: string;
  InterfaceDescription?: string;
  ifIndex: number;
  Status: string;
  virtual?: boolean;
  ipv4?: string[];
  defaultRoute?: boolean;
  /** null: Windows reports no power management for it. */
  allowTurnOff: string | null;
}

export interface FakeRule {
  Name: string;
  DisplayName?: string;
  Enabled: string;
  Direction: string;
  Action: string;
  Profile: string;
  Protocol: string;
  LocalPort: string[];
  Program?: string;
  Service?: string;
}

export interface FakeScenario {
  fixturesDir?: string;
  journal?: string;
  /** By the arguments joined with one space, e.g. "/query SCHEME_CURRENT SUB_SLEEP". */
  powercfg?: Record<string, { file?: string; text?: string; exitCode?: number; hangSeconds?: number }>;
  /** AC values set by the fake /setacvalueindex, by setting GUID (written by the doubles). */
  powercfgAc?: Record<string, number>;
  /** A wildcard of arguments on which the fake powercfg's set commands fail. */
  powercfgFailOn?: string;
  /** Registry keys by full PowerShell path (HKLM:\...), each with its values. */
  registry?: Record<string, { values?: Record<string, unknown> }>;
  files?: Record<
    string,
    { versionInfo: { major: number; minor: number; build: number; private: number; product: string } }
  >;
  /** ACLs by path: owner SID and access rules (rights as the FileSystemRights number). */
  acl?: Record<
    string,
    {
      owner: string;
      access: Array<{ sid: string; rights: number; type: 'Allow' | 'Deny'; inheritOnly?: boolean }>;
    }
  >;
  services?: Array<{
    Name: string;
    State: string;
    StartMode: string;
    StartName: string | null;
    PathName: string | null;
    DelayedAutoStart?: boolean;
  }>;
  cimError?: string;
  /** Get-CimInstance throws this (a terminating error inside the script). */
  cimThrow?: string;
  adapters?: FakeAdapter[];
  adapterError?: string;
  firewall?: {
    profiles?: Array<{ Name: string; Enabled: string }>;
    connectionProfiles?: string[];
    rules?: FakeRule[];
    error?: string;
  };
  /** Get-FileHash answers from the scenario (and journals its path) instead of hashing a file. */
  fakeFileHash?: boolean;
  signatures?: Record<
    string,
    { status: string; statusMessage: string; subject?: string; thumbprint?: string }
  >;
}

export interface JournalEntry {
  command: string;
  args: Array<string[] | null>;
}

/** The doubles' environment for a fresh process (the elevated wrapper's): the scenario and the fake modules. */
export function fakeProcessEnv(scenarioPath: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XS4_FAKE_SCENARIO: scenarioPath,
    PSModulePath: [FAKE_MODULES_DIR, process.env.PSModulePath ?? ''].filter(Boolean).join(path.delimiter),
    TERM: 'dumb',
  };
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** The text a fresh session runs once: where the scenario is, then the doubles, dot-sourced into the global scope. */
export function preludeCommand(scenarioPath: string): string {
  return [
    `$env:XS4_FAKE_SCENARIO = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(scenarioPath)}'))`,
    `. ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(path.join(FAKE_WINDOWS_DIR, 'FakeWindows.ps1'))}')))`,
    "'XS4FAKE:ready'",
  ].join('\n');
}

export class FakeWindows {
  readonly dir: string;
  readonly scenarioPath: string;
  readonly journalPath: string;
  /** Every host the factory made (one per PowerShell process). */
  readonly hosts: PsHost[] = [];

  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-fakewin-'));
    this.scenarioPath = path.join(this.dir, 'scenario.json');
    this.journalPath = path.join(this.dir, 'journal.jsonl');
    this.set({});
  }

  /** Replaces the scenario; fixtures are read from tests/fixtures and every call is journaled. */
  set(s: FakeScenario): void {
    const full: FakeScenario = {
      fixturesDir: FIXTURES_DIR,
      journal: this.journalPath,
      powercfg: {},
      registry: {},
      files: {},
      acl: {},
      services: [],
      adapters: [],
      firewall: { profiles: [], connectionProfiles: [], rules: [] },
      signatures: {},
      ...s,
    };
    writeFileSync(this.scenarioPath, JSON.stringify(full, null, 1), 'utf8');
    rmSync(this.journalPath, { force: true });
  }

  /** The scenario as the doubles left it (the elevated ones change it). */
  read(): FakeScenario {
    return JSON.parse(readFileSync(this.scenarioPath, 'utf8')) as FakeScenario;
  }

  journal(): JournalEntry[] {
    if (!existsSync(this.journalPath)) return [];
    // Each argument is "<items>:<codes>;<codes>" (see Write-Xs4FakeJournal): exact for any string.
    const decode = (arg: string | null): string[] | null => {
      if (arg === null) return null;
      const colon = arg.indexOf(':');
      const count = Number(arg.slice(0, colon));
      const items = count === 0 ? [] : arg.slice(colon + 1).split(';');
      return items.map((codes) => (codes === '' ? '' : String.fromCharCode(...codes.split(',').map(Number))));
    };
    return readFileSync(this.journalPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => {
        const raw = JSON.parse(l) as { command: string; args: Array<string | null> | string | null };
        const args = raw.args === null ? [] : Array.isArray(raw.args) ? raw.args : [raw.args];
        return { command: raw.command, args: args.map(decode) };
      });
  }

  /** The production host (node-powershell, real PowerShell) with the doubles loaded before its first query. */
  hostFactory = (): PsHost => {
    const host = createNodePowerShellHost(ps());
    this.hosts.push(host);
    let primed: Promise<void> | undefined;
    const prime = (): Promise<void> =>
      (primed ??= host.invoke(preludeCommand(this.scenarioPath)).then((r) => {
        if (!r.stdout.includes('XS4FAKE:ready'))
          throw new Error(`fake Windows did not load: ${r.stdout} ${r.stderr}`);
      }));
    return {
      ...(host.pid !== undefined ? { pid: host.pid } : {}),
      async invoke(command) {
        await prime();
        return host.invoke(command);
      },
      dispose: () => host.dispose(),
    };
  };

  session(opts: { timeoutMs?: number } = {}): PsSession {
    return new PsSession({
      hostFactory: this.hostFactory,
      resourcesDir: 'resources',
      timeoutMs: opts.timeoutMs ?? 60_000,
    });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
