// `xs4-setup login --device-code` / `logout` end to end: the real CLI (spawned through tsx, or as the built executable in
// project cli-exe: tests/helpers/cli-launcher.ts) against the local OpenID provider, a person approving the code in
// Chromium, then `setup` and `doctor` on the saved sign-in (two sites, three servers; the chosen one by flags), and a
// write that stays pending for a while. The shipped CLI itself runs MSAL's device code flow and stops on Ctrl+C.
import { localRegionsFile } from '../../../scripts/sim/oidc/local-region';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFaceSimulator, twoSitesState, type FaceSimulator } from '../../../scripts/sim/face-server';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startOidcSimulator, type OidcSimulator } from '../../../scripts/sim/oidc/oidc-server';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { DoctorJsonSchema } from '../../../main/cli/doctor-json';
import { shippedCli, testAuthCli, type CliCommand } from '../../helpers/cli-launcher';

const ROOT = resolve(import.meta.dirname, '../../..');
// The CLI with a test cipher for the saved sign-in (DPAPI is Windows-only); everything else as shipped.
const TEST_AUTH_CLI = testAuthCli();
const SHIP_KEY = 'LoginTestShipKey0123456789abcdef';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;
let env: NodeJS.ProcessEnv;
let idp: OidcSimulator;
let face: FaceSimulator;
let space: SpaceSimulator;
let browser: SystemBrowser;
let profileFile: string;
let keyFile: string;

function start(
  args: string[],
  cli: CliCommand = TEST_AUTH_CLI,
  extraEnv: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<Ran>; output: () => string } {
  const child = spawn(cli.file, [...cli.args, ...args], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Ran>((ok, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => ok({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done, output: () => stdout };
}
const cli = (args: string[]): Promise<Ran> => start(args).done;

async function waitFor(output: () => string, re: RegExp, ms = 60_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = re.exec(output());
    if (m) return m;
    if (Date.now() > until) throw new Error(`not printed: ${re} in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-login-'));
  const ca = makeCa('Login test CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  space = await startSpaceSimulator({ state: { certificate: 'valid', key: SHIP_KEY } });
  face = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    initialState: twoSitesState(),
    oidc: { issuer: idp.issuer, audience: idp.audience, ca: [ca.cert] },
    shipTimeoutMs: 2000,
  });
  face.setSpaceTrust({ ca: [space.caCert] });
  browser = await launchSystemBrowser();
  const caFile = join(work, 'ca.pem');
  await writeFile(caFile, `${ca.cert}\n${space.caCert}\n`);
  const regionsFile = join(work, 'regions.json');
  await writeFile(regionsFile, localRegionsFile(idp, face.url));
  keyFile = join(work, 'key');
  await writeFile(keyFile, SHIP_KEY, { mode: 0o600 });
  profileFile = join(work, 'profile.json');
  await writeFile(
    profileFile,
    JSON.stringify({
      format: 'xs4-site-profile',
      version: 1,
      faceUrl: face.url,
      spaceUrl: `${space.url.replace(/\/$/, '')}/`,
    }),
  );
  env = {
    PATH: process.env['PATH'] ?? '',
    HOME: work,
    XS4_DATA_DIR: join(work, 'data'),
    NODE_EXTRA_CA_CERTS: caFile,
    XS4_SIGNIN_REGIONS_FILE: regionsFile,
    XS4_TEST_CIPHER_KEY: randomBytes(32).toString('hex'),
  };
});

afterAll(async () => {
  await browser?.close();
  await face?.close();
  await space?.close();
  await idp?.close();
  await rm(work, { recursive: true, force: true });
});

describe('xs4-setup login / logout', () => {
  it('setup without a sign-in or token says to sign in first (exit 2)', async () => {
    const r = await cli(['setup', '--profile', profileFile, '--ship-key-file', keyFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sign in first (xs4-setup login');
  });

  it('an unknown region is named with the ones there are (exit 2)', async () => {
    const r = await cli(['login', '--region', 'mars', '--device-code']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Sign-in region: must be one of eu, us, apac, local');
    expect(r.stderr).toContain('What to do:');
  });

  it('a region whose Microsoft app registration is not public yet is refused by name', async () => {
    const r = await cli(['login', '--region', 'eu', '--device-code']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[AUTH_REGION_NOT_CONFIGURED]');
  });

  it('device code: the code is approved in a browser; setup and doctor then work on the saved sign-in', async () => {
    const login = start(['login', '--device-code', '--face-url', face.url]);
    const m = await waitFor(
      login.output,
      /open (https:\/\/\S+) on any device and enter the code ([A-Z]{4}-[A-Z]{4})/,
    );
    await browser.approveDeviceCode(m[1]!, m[2]!, 'technician@contoso.example');
    const done = await login.done;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(
      `Signed in as technician@contoso.example (Local test region); tokens are used only for ${new URL(face.url).origin}.`,
    );
    // The saved sign-in is encrypted: neither the account nor a token is readable in the file.
    const saved = await readFile(join(work, 'data', 'microsoft-sign-in.json'), 'utf8');
    expect(saved).not.toContain('technician@contoso.example');
    expect(saved).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);

    // Several servers and none chosen: the error lists each with its state and the flags that choose it.
    const unchosen = await cli(['setup', '--profile', profileFile, '--ship-key-file', keyFile]);
    expect(unchosen.code).toBe(2);
    expect(unchosen.stderr).toContain(
      'This account manages 3 XS4 Face servers; choose one. [FACE_SERVER_NOT_SELECTED]',
    );

    // The chosen server (by the Console's names), and a write that stays pending for a few seconds.
    face.setFaults({ pendingMs: 2500 });
    const r = await cli([
      'setup',
      '--profile',
      profileFile,
      '--ship-key-file',
      keyFile,
      '--face-site',
      'Car park',
      '--face-server',
      'Gate server',
    ]);
    face.clearFaults();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('signed in as technician@contoso.example (Microsoft account)');
    expect(r.stdout).toContain('XS4 Face server: Car park › Gate server (online, 0 pending messages)');
    expect(r.stdout).toMatch(
      /accepted by XS4 Face, waiting for the XS4 Face server to receive it \(\d+ s of 60 s; Ctrl\+C stops\)/,
    );
    expect(r.stdout).toMatch(/Salto Space: (No status|Connected|Unauthorized|Disconnected)\n/);
    expect(r.stdout).not.toMatch(/: (unconfigured|connected|unauthorized|disconnected)\n/);
    expect(r.stdout).toContain('Done: XS4 Face reports the Space integration as Connected.');
    expect(face.serverState('site-2', 'face-3').space.shipApiKey).toBe(SHIP_KEY);
    expect(face.serverState('site-1', 'face-1').space.shipApiKey).toBeNull();
    const state = JSON.parse(await readFile(join(work, 'data', 'setup-state.json'), 'utf8')) as {
      face: unknown;
    };
    expect(state.face).toEqual({
      siteId: 'site-2',
      serverId: 'face-3',
      siteName: 'Car park',
      serverName: 'Gate server',
    });

    const d = await cli([
      'doctor',
      '--face-url',
      face.url,
      '--space-url',
      space.url,
      '--ship-key-file',
      keyFile,
      '--face-site',
      'site-2',
      '--face-server',
      'face-3',
      '--json',
    ]);
    const doc = DoctorJsonSchema.parse(JSON.parse(d.stdout));
    const signedIn = doc.checks.find((c) => c.id === 'face.signed-in');
    expect(signedIn?.status).toBe('pass');
    expect(signedIn?.summary).toContain(
      'Signed in as technician@contoso.example; working on Car park › Gate server',
    );

    const out = await cli(['logout']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Signed out technician@contoso.example');
    const again = await cli(['logout']);
    expect(again.stdout).toContain('Nobody was signed in.');
    const after = await cli(['setup', '--profile', profileFile, '--ship-key-file', keyFile]);
    expect(after.code).toBe(2);
    // Seven CLI runs, each a fresh process (through tsx, or the executable).
  }, 240_000);

  it('a write the XS4 Face server does not receive in time ends with a clear exit 1', async () => {
    const login = start(['login', '--device-code', '--face-url', face.url]);
    const m = await waitFor(
      login.output,
      /open (https:\/\/\S+) on any device and enter the code ([A-Z]{4}-[A-Z]{4})/,
    );
    await browser.approveDeviceCode(m[1]!, m[2]!, 'technician@contoso.example');
    expect((await login.done).code).toBe(0);
    // The Warehouse server is offline: XS4 Face accepts the write and keeps it as a pending message.
    const r = await cli([
      'setup',
      '--profile',
      profileFile,
      '--ship-key-file',
      keyFile,
      '--face-site',
      'site-1',
      '--face-server',
      'face-2',
      '--pending-timeout-ms',
      '3000',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('XS4 Face server: Main building › Warehouse server (offline');
    expect(r.stdout).toContain('waiting for the XS4 Face server to receive it');
    expect(r.stderr).toContain('[FACE_WRITE_PENDING]');
  }, 120_000);

  it('the shipped xs4-setup runs MSAL’s device code flow itself, and Ctrl+C stops it (exit 130, nothing saved)', async () => {
    // The product's own wiring (DPAPI off Windows: nothing could be saved), in a data folder of its own.
    const dataDir = join(work, 'shipped-data');
    const login = start(['login', '--device-code', '--face-url', face.url], shippedCli(), {
      XS4_DATA_DIR: dataDir,
    });
    // The code is shown only after MSAL read the provider's discovery and asked for a device code, over TLS.
    await waitFor(login.output, /open (https:\/\/\S+) on any device and enter the code ([A-Z]{4}-[A-Z]{4})/);
    login.child.kill('SIGINT');
    const r = await login.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('[AUTH_CANCELLED]');
    expect(r.stderr).toContain('What to do: Start the sign-in again when ready.');
    await expect(readFile(join(dataDir, 'microsoft-sign-in.json'), 'utf8')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  }, 120_000);
});
