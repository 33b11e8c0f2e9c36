// `xs4-setup doctor --json` against servers that behave like broken or badly configured real ones: each ends in a
// failure that tells the truth, within the timeout, with bounded memory. Runs on the sources (project core) and on the
// built executable (project cli-exe, see tests/helpers/cli-launcher.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { DoctorJsonSchema, type DoctorJson } from '../../../main/cli/doctor-json';
import { shippedCli } from '../../helpers/cli-launcher';
import { expectPublishedDoctorJson } from '../../helpers/doctor-json-schema';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = shippedCli();
const KEY = 'HostileServersKey0123456789abcdef';
const TIMEOUT_MS = 3000;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Highest resident memory of the child seen while it ran (Linux only; null elsewhere). */
  peakRssMb: number | null;
}

let work: string;
let keyFile: string;
let env: NodeJS.ProcessEnv;
let space: SpaceSimulator;
const servers: https.Server[] = [];
const ca = makeCa('Hostile servers CA');

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function doctor(spaceUrl: string): Promise<Ran> {
  const args = [
    'doctor',
    '--space-url',
    spaceUrl,
    '--ship-key-file',
    keyFile,
    '--timeout-ms',
    String(TIMEOUT_MS),
    '--json',
  ];
  return new Promise((done, fail) => {
    const t0 = Date.now();
    const child = spawn(CLI.file, [...CLI.args, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peak: number | null = null;
    const sample = setInterval(() => {
      const r = child.pid === undefined ? null : rssMb(child.pid);
      if (r !== null) peak = Math.max(peak ?? 0, r);
    }, 20);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(sample);
      done({ code, stdout, stderr, ms: Date.now() - t0, peakRssMb: peak });
    });
  });
}

const parsed = (r: Ran): DoctorJson =>
  DoctorJsonSchema.parse(expectPublishedDoctorJson(JSON.parse(r.stdout)));
const check = (r: Ran, id: string) => parsed(r).checks.find((c) => c.id === id)!;

/** An HTTPS server (certificate from the test CA) answering every SHIP POST with `answer`. */
async function hostile(answer: (res: import('node:http').ServerResponse) => void): Promise<string> {
  const pem = makeCert({ issuer: ca, altNames: ['127.0.0.1', 'localhost'] });
  const s = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  s.on('clientError', () => {});
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `https://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-hostile-'));
  keyFile = join(work, 'ship.key');
  await writeFile(keyFile, KEY, { mode: 0o600 });
  space = await startSpaceSimulator({ state: { certificate: 'valid', key: KEY } });
  const caFile = join(work, 'ca.pem');
  await writeFile(caFile, `${ca.cert}\n${space.caCert}\n`);
  env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    XS4_DATA_DIR: join(work, 'data'),
    NODE_EXTRA_CA_CERTS: caFile,
  };
});

afterAll(async () => {
  await space?.close();
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  if (work) await rm(work, { recursive: true, force: true });
});

describe('xs4-setup doctor --json against hostile and misconfigured servers', () => {
  it('SHIP without authentication is not a pass: a failure with an authentication code', async () => {
    space.setState({ auth: 'none', licence: 'present', certificate: 'valid', charset: 'utf-8' });
    const r = await doctor(space.url);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const ship = check(r, 'space.ship');
    expect(ship).toMatchObject({ status: 'fail', code: 'SHIP_NO_AUTHENTICATION' });
    expect(ship.remedy).toContain('custom authentication');
  });

  it('an ISO-8859-1 licence exception is a licence failure whose text reads correctly', async () => {
    space.setState({ auth: 'custom', licence: 'missing', defaultLanguage: 'spa', charset: 'iso-8859-1' });
    const r = await doctor(space.url);
    expect(r.code).toBe(1);
    const ship = check(r, 'space.ship');
    expect(ship).toMatchObject({ status: 'fail', code: 'SHIP_LICENCE_MISSING' });
    expect(ship.detail).toContain('Licencia no válida para esta opción');
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('a malformed certificate is a clear TLS failure within the timeout, not a crash', async () => {
    space.setState({
      licence: 'present',
      defaultLanguage: 'eng',
      charset: 'utf-8',
      certificate: 'malformed',
    });
    const r = await doctor(space.url);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(check(r, 'space.https')).toMatchObject({ status: 'fail', code: 'SPACE_HTTPS_CERT_MALFORMED' });
    expect(check(r, 'space.https').summary).toContain('valid_from');
    expect(check(r, 'space.ship')).toMatchObject({ status: 'fail', code: 'SHIP_TLS_MALFORMED_CERTIFICATE' });
    expect(r.ms).toBeLessThan(TIMEOUT_MS * 4);
    space.setState({ certificate: 'valid' });
  });

  it('a body that never ends is a failure within the timeout', async () => {
    const url = await hostile((res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.saltosystems.ship.v1+xml' });
      res.write('<?xml version="1.0"?><RequestResponse>');
      const t = setInterval(() => {
        if (!res.write(' ')) return;
      }, 50);
      res.on('close', () => clearInterval(t));
    });
    const r = await doctor(url);
    expect(r.code).toBe(1);
    expect(check(r, 'space.ship')).toMatchObject({ status: 'fail', code: 'SHIP_NO_ANSWER' });
    expect(r.ms).toBeLessThan(TIMEOUT_MS * 4);
  });

  it('a 100 MB body is a failure within the timeout, with bounded memory', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const url = await hostile((res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.saltosystems.ship.v1+xml' });
      let sent = 0;
      const more = (): void => {
        while (sent < 100 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => {});
      more();
    });
    const small = await doctor(space.url);
    const r = await doctor(url);
    expect(r.code).toBe(1);
    expect(check(r, 'space.ship')).toMatchObject({ status: 'fail', code: 'SHIP_RESPONSE_TOO_LARGE' });
    expect(r.ms).toBeLessThan(TIMEOUT_MS * 4);
    if (process.platform === 'linux') {
      // Compared in the same run with a doctor against a small answer: 100 MB never lands in memory.
      expect(r.peakRssMb).not.toBeNull();
      expect(r.peakRssMb!).toBeLessThan(small.peakRssMb! + 40);
    }
  });
});
