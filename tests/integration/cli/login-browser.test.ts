// `xs4-setup login` with the system browser: the CLI's real commands spawned (through tsx, or as the built executable in
// project cli-exe: tests/helpers/cli-launcher.ts) with a test cipher for the saved sign-in; the URL the OS opener would
// get is handed to Chromium, which plays the browser. The saved sign-in is then used by `logout` and `doctor`. Timeouts
// and refusals print what to do.
import { localRegionsFile } from '../../../scripts/sim/oidc/local-region';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startOidcSimulator, type OidcSimulator } from '../../../scripts/sim/oidc/oidc-server';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { testAuthCli } from '../../helpers/cli-launcher';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = testAuthCli();

let work: string;
let idp: OidcSimulator;
let browser: SystemBrowser;
let opener: Server;
let ca: ReturnType<typeof makeCa>;
let env: NodeJS.ProcessEnv;
const key = randomBytes(32).toString('hex');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-login-browser-'));
  ca = makeCa('CLI browser login CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  browser = await launchSystemBrowser();
  const regions = join(work, 'regions.json');
  await writeFile(regions, localRegionsFile(idp, 'https://127.0.0.1:8443/'));
  // The system browser as the CLI sees it: the URL is posted here and Chromium opens it.
  opener = createServer((req, res) => {
    let url = '';
    req.on('data', (c: Buffer) => (url += c.toString('utf8')));
    req.on('end', () => {
      browser.open(url).then(
        () => res.writeHead(204).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((ok) => opener.listen(0, '127.0.0.1', ok));
  const caFile = join(work, 'ca.pem');
  await writeFile(caFile, ca.cert);
  env = {
    PATH: process.env['PATH'] ?? '',
    HOME: work,
    XS4_DATA_DIR: join(work, 'data'),
    XS4_SIGNIN_REGIONS_FILE: regions,
    NODE_EXTRA_CA_CERTS: caFile,
    XS4_TEST_CIPHER_KEY: key,
    XS4_TEST_BROWSER_URL: `http://127.0.0.1:${(opener.address() as AddressInfo).port}/`,
  };
});
afterAll(async () => {
  await new Promise((ok) => (opener ? opener.close(ok) : ok(undefined)));
  await browser?.close();
  await idp?.close();
  await rm(work, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

// Each case spawns the CLI one to three times (a fresh Node or executable start each).
describe('xs4-setup login (system browser)', () => {
  it('signs in through the browser, then logout removes it', async () => {
    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    const r = await run(['login', '--region', 'local']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Your browser opens for the sign-in');
    expect(r.stdout).toContain(
      'Signed in as technician@contoso.example (Local test region); tokens are used only for https://127.0.0.1:8443.',
    );
    const out = await run(['logout']);
    expect(out.stdout).toContain('Signed out technician@contoso.example');
  }, 90_000);

  it('a browser left alone ends at --timeout-ms with exit 2 and what to do', async () => {
    browser.next({ kind: 'walk-away' });
    const r = await run(['login', '--timeout-ms', '10000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was not finished within 10 s');
    expect(r.stderr).toContain('[AUTH_BROWSER_TIMEOUT]');
    expect(r.stderr).toContain('What to do: Run xs4-setup login again');
  }, 60_000);

  it('an account of another organisation is refused with what to do', async () => {
    browser.next({ kind: 'sign-in', email: 'visitor@fabrikam.example' });
    const r = await run(['login']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[AUTH_WRONG_TENANT]');
    expect(r.stderr).toContain('What to do: Sign out, then sign in with the work account');
  }, 60_000);

  it('a saved sign-in revoked at the provider: doctor says so and what to do (sign in again)', async () => {
    idp.setAccessTokenTtl(60);
    try {
      browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
      expect((await run(['login'])).code).toBe(0);
      await idp.revokeAll();
      // A 60 s token is inside the renewal margin, so doctor must refresh it: the provider refuses.
      const r = await run(['doctor', '--face-url', 'https://127.0.0.1:8443/']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('[AUTH_SESSION_REVOKED]');
      expect(r.stderr).toContain('What to do: Sign in again (xs4-setup login');
    } finally {
      idp.setAccessTokenTtl(3600);
    }
  }, 120_000);

  it('bad flags are usage errors naming the flag', async () => {
    expect((await run(['login', '--timeout-ms', 'soon'])).stderr).toContain(
      '--timeout-ms: must be a whole number',
    );
    expect((await run(['login', '--face-url', 'http://face.example/'])).stderr).toContain(
      'xs4-setup: --face-url: must be an https:// URL. [INVALID_INPUT]',
    );
    expect((await run(['logout', '--region', 'local'])).stderr).toContain('logout: unknown flag --region');
  }, 90_000);
});
