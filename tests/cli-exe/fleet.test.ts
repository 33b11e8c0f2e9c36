// The fleet examples of docs/fleet.md, run for real: the RMM PowerShell script and the script of the Ansible win_shell
// task, in pwsh, against a simulated linked site, with the Linux xs4-setup executable standing in for xs4-setup.exe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { load } from 'js-yaml';
import { startSimulatedSite, type SimulatedSite } from '../../scripts/fleet/simulated-site';
import { REPO } from '../../scripts/package/node-binary.mjs';
import { builtExecutables } from '../helpers/cli-launcher';
import { expectPublishedDoctorJson } from '../helpers/doctor-json-schema';
import { findPwsh } from '../helpers/pwsh';

const RMM_SCRIPT = join(REPO, 'docs', 'fleet', 'Invoke-Xs4FleetCheck.ps1');
const PLAYBOOK = join(REPO, 'docs', 'fleet', 'xs4-doctor.ansible.yml');
const FLEET_DOC = join(REPO, 'docs', 'fleet.md');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let site: SimulatedSite;
let exe: string;

function pwsh(args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(findPwsh(), ['-NoProfile', '-NonInteractive', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: work,
        XS4_DATA_DIR: join(work, 'data'),
        NODE_EXTRA_CA_CERTS: site.files.ca,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Names of the files in a zip (central directory), and the text of one of them. */
function zipEntries(file: string): Map<string, string> {
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  const entries = new Map<string, string>();
  for (let i = 0, at = buf.readUInt32LE(end + 16); i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen).replaceAll('\\', '/');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    entries.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function allText(dir: string): string {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'latin1'))
    .join('\n');
}

function expectNoSecret(...texts: string[]): void {
  for (const t of texts) for (const s of Object.values(site.secrets)) expect(t).not.toContain(s);
}

beforeAll(async () => {
  exe = builtExecutables().shipped;
  work = mkdtempSync(join(tmpdir(), 'xs4-fleet-'));
  site = await startSimulatedSite(join(work, 'site'));
});
afterAll(async () => {
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('docs/fleet/Invoke-Xs4FleetCheck.ps1 (RMM), pwsh + xs4-setup executable', () => {
  const rmm = (outDir: string, shipKey: string, xs4Setup = exe) =>
    pwsh(
      [
        '-File',
        RMM_SCRIPT,
        '-FaceUrl',
        site.faceUrl,
        '-SpaceUrl',
        site.spaceUrl,
        '-OutDir',
        outDir,
        '-Xs4Setup',
        xs4Setup,
      ],
      {
        XS4_SHIP_KEY: shipKey,
        XS4_FACE_TOKEN: site.secrets.faceToken,
      },
    );

  it('exits 0 on a healthy site and leaves doctor.json (the published schema), the evidence and its zip', async () => {
    const out = join(work, 'rmm-ok');
    const r = await rmm(out, site.secrets.shipKey);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^xs4-fleet: OK on \S+: 0 failed, 0 warnings, 7 passed, 6 skipped; results in .*rmm-ok\r?\n$/,
    );
    const doc = expectPublishedDoctorJson(JSON.parse(readFileSync(join(out, 'doctor.json'), 'utf8'))) as {
      mode: string;
      exitCode: number;
    };
    expect(doc).toMatchObject({ mode: 'evidence', exitCode: 0 });
    expect(existsSync(join(out, 'evidence', 'manifest.json'))).toBe(true);
    const zipped = zipEntries(join(out, 'evidence.zip'));
    expect(JSON.parse(zipped.get('manifest.json')!)).toMatchObject({ format: 'xs4-evidence-bundle' });
    expectNoSecret(r.stdout, allText(out), ...zipped.values());
  });

  it('exits 1 naming the failed check when SHIP refuses the key, results written all the same, a rerun replacing them', async () => {
    const out = join(work, 'rmm-ok');
    const r = await rmm(out, site.secrets.wrongShipKey);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^xs4-fleet: FAIL on \S+: 1 failed \(space\.ship\), /);
    const doc = JSON.parse(readFileSync(join(out, 'doctor.json'), 'utf8')) as {
      exitCode: number;
      counts: { fail: number };
    };
    expect(doc).toMatchObject({ exitCode: 1, counts: { fail: 1 } });
    expectNoSecret(r.stdout, r.stderr, allText(out));
  });

  it('exits 2 with one line when xs4-setup cannot be found', async () => {
    const r = await rmm(join(work, 'rmm-none'), site.secrets.shipKey, join(work, 'no-such-xs4-setup'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xs4-fleet: xs4-setup not found .* pass -Xs4Setup <full path>\.\r?\n$/);
  });
});

describe('docs/fleet/xs4-doctor.ansible.yml (win_shell), YAML + its script in pwsh', () => {
  type Task = Record<string, unknown> & { name: string };
  let tasks: Task[];
  let vars: Record<string, string>;
  beforeAll(() => {
    const [play] = load(readFileSync(PLAYBOOK, 'utf8')) as Array<{
      hosts: string;
      vars: Record<string, string>;
      tasks: Task[];
    }>;
    tasks = play!.tasks;
    vars = play!.vars;
  });

  it('is a play whose run task hides its secrets, fetches both files and then fails the host on exit 1', () => {
    const run = tasks[0]!;
    expect(Object.keys(run)).toContain('ansible.windows.win_shell');
    expect(run).toMatchObject({ register: 'xs4', failed_when: 'xs4.rc not in [0, 1]', no_log: true });
    expect(run['environment']).toMatchObject({
      XS4_SHIP_KEY: '{{ vault_xs4_ship_key }}',
      XS4_FACE_TOKEN: '{{ vault_xs4_face_token }}',
      XS4_FLEET_OUT: '{{ xs4_out }}',
    });
    const fetched = tasks
      .filter((t) => t['ansible.builtin.fetch'])
      .map((t) => (t['ansible.builtin.fetch'] as { src: string }).src);
    expect(fetched).toEqual(['{{ xs4_out }}\\doctor.json', '{{ xs4_out }}\\evidence.zip']);
    expect(tasks.at(-1)).toMatchObject({ when: 'xs4.rc == 1' });
    expect(Object.keys(tasks.at(-1)!)).toContain('ansible.builtin.fail');
    expect(vars['xs4_out']).toMatch(/^C:\\ProgramData\\/);
  });

  it('its script writes exactly the files the fetch tasks take, and returns xs4-setup’s exit code (0, then 1)', async () => {
    const script = join(work, 'win-shell.ps1');
    writeFileSync(script, tasks[0]!['ansible.windows.win_shell'] as string);
    // What the task's environment gives it, with the Linux executable standing in for xs4-setup.exe on PATH.
    const out = join(work, 'ansible-out');
    const env = {
      XS4_SETUP: exe,
      XS4_FLEET_OUT: out,
      XS4_FACE_URL: site.faceUrl,
      XS4_SPACE_URL: site.spaceUrl,
      XS4_FACE_TOKEN: site.secrets.faceToken,
    };
    const ok = await pwsh(['-File', script], { ...env, XS4_SHIP_KEY: site.secrets.shipKey });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['doctor.json', 'evidence', 'evidence.zip']);
    expectPublishedDoctorJson(JSON.parse(readFileSync(join(out, 'doctor.json'), 'utf8')));
    const bad = await pwsh(['-File', script], { ...env, XS4_SHIP_KEY: site.secrets.wrongShipKey });
    expect(bad.code).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'doctor.json'), 'utf8'))).toMatchObject({ exitCode: 1 });
    expectNoSecret(ok.stdout, bad.stdout, bad.stderr, allText(out));
  });
});

describe('docs/fleet.md', () => {
  it('shows both examples exactly as tested', () => {
    const doc = readFileSync(FLEET_DOC, 'utf8');
    expect(doc).toContain(readFileSync(RMM_SCRIPT, 'utf8').trimEnd());
    expect(doc).toContain(readFileSync(PLAYBOOK, 'utf8').trimEnd());
  });
});
