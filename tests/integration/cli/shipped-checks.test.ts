// The shipped checks through xs4-setup against both simulators: doctor, collect, doctor --evidence and report, their
// exit codes, and no secret in any output. Runs on the sources (project core) and on the built executable (cli-exe).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFaceSimulator, type FaceSimulator } from '../../../scripts/sim/face-server';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { DoctorJsonSchema, type DoctorJson } from '../../../main/cli/doctor-json';
import { secretFingerprint } from '../../../main/core/secrets/fingerprint';
import { shippedCli } from '../../helpers/cli-launcher';
import { expectPublishedDoctorJson } from '../../helpers/doctor-json-schema';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = shippedCli();
const SHIP_KEY = 'CanaryShippedChecksKey0123456789ab';
const WRONG_KEY = 'CanaryWrongKey9876543210zyxw';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let face: FaceSimulator;
let policy: https.Server;
let space: SpaceSimulator;
let env: NodeJS.ProcessEnv;
let files: { token: string; key: string; wrong: string; ca: string };

function run(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(CLI.file, [...CLI.args, ...args], {
      cwd: ROOT,
      env: { ...env, ...extra },
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

const doc = (r: Ran): DoctorJson => DoctorJsonSchema.parse(expectPublishedDoctorJson(JSON.parse(r.stdout)));
const byId = (d: DoctorJson) => Object.fromEntries(d.checks.map((c) => [c.id, c]));
// The checks that talk to the servers; the rest read this Windows machine (they skip elsewhere, see below).
const network = (d: DoctorJson) =>
  d.checks.filter((c) => /^(face|enrollment)\.|^space\.(https|ship)$/.test(c.id));
const serverFlags = () => ['--face-url', face.url, '--space-url', `${space.url.replace(/\/$/, '')}/`];
const secrets = () => [SHIP_KEY, WRONG_KEY, face.token];

function expectNoSecret(...outputs: string[]): void {
  for (const out of outputs) for (const s of secrets()) expect(out).not.toContain(s);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-shipped-'));
  const ca = makeCa('Shipped checks CA');
  face = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    shipTimeoutMs: 2000,
  });
  space = await startSpaceSimulator({ state: { certificate: 'valid', key: SHIP_KEY } });
  face.setSpaceTrust({ ca: [space.caCert] });
  // The company's privacy-policy page the Enrollment Service links to (checked over HTTPS like the rest).
  const policyCert = makeCert({ issuer: ca, altNames: ['127.0.0.1'] });
  policy = https.createServer({ cert: policyCert.cert, key: policyCert.key }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Privacy policy</title><h1>Privacy policy</h1><p>Face templates open doors.</p>',
    );
  });
  await new Promise<void>((r) => policy.listen(0, '127.0.0.1', () => r()));
  const policyUrl = `https://127.0.0.1:${(policy.address() as AddressInfo).port}/privacy`;
  files = {
    token: join(work, 'token'),
    key: join(work, 'key'),
    wrong: join(work, 'wrong'),
    ca: join(work, 'ca.pem'),
  };
  await writeFile(files.ca, `${ca.cert}\n${space.caCert}\n`);
  await writeFile(files.token, face.token, { mode: 0o600 });
  await writeFile(files.key, SHIP_KEY, { mode: 0o600 });
  await writeFile(files.wrong, WRONG_KEY, { mode: 0o600 });
  env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    XS4_DATA_DIR: join(work, 'data'),
    NODE_EXTRA_CA_CERTS: files.ca,
  };
  // The site as a technician leaves it: linked with `setup`, XS4 Face reporting Connected.
  const profile = join(work, 'profile.json');
  await writeFile(
    profile,
    JSON.stringify({
      format: 'xs4-site-profile',
      version: 1,
      faceUrl: face.url,
      spaceUrl: serverFlags()[3],
      enrollment: { companyName: 'Hotel Miramar S.L.', privacyPolicyUrl: policyUrl },
    }),
  );
  const setup = await run([
    'setup',
    '--profile',
    profile,
    '--face-token-file',
    files.token,
    '--ship-key-file',
    files.key,
  ]);
  if (setup.code !== 0)
    throw new Error(`setup did not reach Connected (exit ${setup.code}):\n${setup.stdout}\n${setup.stderr}`);
});

afterAll(async () => {
  await face?.close();
  await space?.close();
  policy?.closeAllConnections();
  policy?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('xs4-setup doctor with the shipped checks, against both simulators', () => {
  it('passes every XS4 Face and Space check of a linked site; fingerprints only; exit code matches the verdicts', async () => {
    const r = await run([
      'doctor',
      ...serverFlags(),
      '--ship-key-file',
      files.key,
      '--face-token-file',
      files.token,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    const d = doc(r);
    expect(network(d).length).toBeGreaterThanOrEqual(4);
    expect(
      network(d)
        .filter((c) => c.status !== 'pass')
        .map((c) => `${c.id}: ${c.status} ${c.summary}`),
    ).toEqual([]);
    expect(byId(d)['face.space-integration']?.status).toBe('pass');
    expect(d.inputs.shipKeyFingerprint).toBe(secretFingerprint(SHIP_KEY));
    expect(d.inputs.faceTokenFingerprint).toBe(secretFingerprint(face.token));
    if (process.platform !== 'win32') {
      for (const c of d.checks.filter((x) => !network(d).includes(x)))
        expect(c).toMatchObject({ status: 'skip', code: 'CHECK_WINDOWS_ONLY' });
    }
    if (process.platform !== 'win32') expect(r.code).toBe(0);
    expect(r.code).toBe(d.counts.fail > 0 ? 1 : 0);
    expect(d.exitCode).toBe(r.code);
    expectNoSecret(r.stdout, r.stderr);
  });

  it('exits 1 when SHIP refuses the key, naming the check, with neither key nor token in the table', async () => {
    const r = await run([
      'doctor',
      ...serverFlags(),
      '--ship-key-file',
      files.wrong,
      '--face-token-file',
      files.token,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}\S/);
    expect(r.stdout).toContain('SHIP');
    expectNoSecret(r.stdout, r.stderr);
  });

  it('exits 1 when the site CA is not trusted (no NODE_EXTRA_CA_CERTS): the key is not sent, the token not used', async () => {
    const r = await run(
      ['doctor', ...serverFlags(), '--ship-key-file', files.key, '--face-token-file', files.token, '--json'],
      {
        NODE_EXTRA_CA_CERTS: '',
      },
    );
    expect(r.code).toBe(1);
    const d = byId(doc(r));
    expect(d['face.reachable']).toMatchObject({ status: 'warn', code: 'FACE_TLS_UNTRUSTED' });
    expect(d['face.signed-in']).toMatchObject({ status: 'fail', code: 'FACE_TLS_UNTRUSTED' });
    expect(d['space.ship']).toMatchObject({ status: 'fail', code: 'SHIP_TLS_UNTRUSTED' });
    expect(d['space.ship']!.summary).toContain('the key was not sent');
    expectNoSecret(r.stdout, r.stderr);
  });

  it('exits 2 with one line naming the flag on bad input, printing nothing on stdout', async () => {
    const r = await run(['doctor', '--space-url', 'ftp://space']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('xs4-setup: --space-url: scheme must be https or http, not ftp. [INVALID_INPUT]\n');
  });
});

describe('xs4-setup collect, doctor --evidence, report with the shipped checks', () => {
  it('collects a bundle that evaluates offline to the live verdicts, and reports it; no secret anywhere', async () => {
    const out = join(work, 'bundle');
    const flags = [...serverFlags(), '--ship-key-file', files.wrong, '--face-token-file', files.token];
    const c = await run(['collect', '--out', out, ...flags]);
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('Wrote evidence bundle');
    const live = doc(await run(['doctor', ...flags, '--json']));
    const offline = await run(['doctor', '--evidence', out, '--json'], { NODE_EXTRA_CA_CERTS: '' });
    expect(offline.code).toBe(1);
    const o = doc(offline);
    expect(o.mode).toBe('evidence');
    const verdicts = (d: DoctorJson) => network(d).map((x) => [x.id, x.status, x.code ?? '']);
    expect(verdicts(o)).toEqual(verdicts(live));
    expect(o.inputs.shipKeyFingerprint).toBe(secretFingerprint(WRONG_KEY));

    const html = join(work, 'report.html');
    const rep = await run(['report', '--evidence', out, '--out', html]);
    expect(rep).toMatchObject({ code: 0, stderr: '' });
    const page = await readFile(html, 'utf8');
    expect(page).toContain(byId(o)['space.ship']!.title);
    expect(page).not.toMatch(/<script/i);
    const bundleText: string[] = [];
    for (const f of await readdir(out, { recursive: true })) {
      if (/\.(json|txt)$/.test(f)) bundleText.push(await readFile(join(out, f), 'utf8'));
    }
    expect(bundleText.length).toBeGreaterThan(1);
    expectNoSecret(page, c.stdout, offline.stdout, ...bundleText);
  });
});
