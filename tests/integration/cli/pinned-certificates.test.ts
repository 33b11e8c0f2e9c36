// `xs4-setup doctor` with accepted fingerprints: --space-fingerprint lets the SHIP check send the key to a self-signed
// Space and verify it; a pinned certificate that changed (even to one this machine trusts) ends in exit 2 naming both
// fingerprints. Runs on the sources (project core) and on the built executable (project cli-exe).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { DoctorJsonSchema, type DoctorJson } from '../../../main/cli/doctor-json';
import { shippedCli } from '../../helpers/cli-launcher';
import { expectPublishedDoctorJson } from '../../helpers/doctor-json-schema';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = shippedCli();
const KEY = 'PinnedSpaceKey0123456789abcdefgh';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let keyFile: string;
let selfSigned: SpaceSimulator;
let issued: SpaceSimulator;
let env: NodeJS.ProcessEnv;

function run(args: string[]): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(CLI.file, [...CLI.args, ...args], {
      cwd: ROOT,
      env,
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
const parsed = (r: Ran): DoctorJson =>
  DoctorJsonSchema.parse(expectPublishedDoctorJson(JSON.parse(r.stdout)));
const check = (r: Ran, id: string) => parsed(r).checks.find((c) => c.id === id)!;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-pins-'));
  keyFile = join(work, 'ship.key');
  await writeFile(keyFile, KEY, { mode: 0o600 });
  selfSigned = await startSpaceSimulator({ state: { certificate: 'self-signed', key: KEY } });
  issued = await startSpaceSimulator({ state: { certificate: 'valid', key: KEY } });
  const caFile = join(work, 'ca.pem');
  await writeFile(caFile, issued.caCert);
  env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    XS4_DATA_DIR: join(work, 'data'),
    NODE_EXTRA_CA_CERTS: caFile,
  };
});
afterAll(async () => {
  await selfSigned?.close();
  await issued?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('xs4-setup doctor --space-fingerprint', () => {
  it('with the accepted fingerprint of a self-signed Space, the SHIP check sends the key and verifies it', async () => {
    const r = await run([
      'doctor',
      '--space-url',
      selfSigned.url,
      '--space-fingerprint',
      selfSigned.fingerprint256,
      '--ship-key-file',
      keyFile,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(check(r, 'space.ship')).toMatchObject({ status: 'pass', code: 'SHIP_OK' });
    expect(check(r, 'space.https')).toMatchObject({ status: 'warn', code: 'SPACE_HTTPS_PINNED' });
    expect(selfSigned.keyedRequests).toBe(1);
  });

  it('a pinned certificate that changed, even to one this machine trusts: exit 2 naming both fingerprints, key not sent', async () => {
    const before = issued.keyedRequests;
    const old = selfSigned.fingerprint256;
    const r = await run([
      'doctor',
      '--space-url',
      issued.url,
      '--space-fingerprint',
      old,
      '--ship-key-file',
      keyFile,
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(parsed(r).exitCode).toBe(2);
    expect(check(r, 'space.ship')).toMatchObject({ status: 'fail', code: 'SHIP_TLS_PIN_MISMATCH' });
    expect(check(r, 'space.https')).toMatchObject({ status: 'fail', code: 'SPACE_HTTPS_PIN_MISMATCH' });
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toContain(old);
    expect(r.stderr).toContain(issued.fingerprint256);
    expect(issued.keyedRequests).toBe(before);
  });

  it('a malformed fingerprint is refused naming the flag (exit 2, nothing run)', async () => {
    const r = await run(['doctor', '--space-url', issued.url, '--space-fingerprint', 'not-a-fingerprint']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'xs4-setup: --space-fingerprint: must be a SHA-256 fingerprint (64 hex digits, colons optional). [INVALID_INPUT]\n',
    );
  });
});
