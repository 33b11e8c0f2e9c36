// One Microsoft sign-in for the app and the CLI: the app's sign-in service (in-process, as main/index.ts wires it on
// Windows) and the real CLI (spawned: tests/helpers/cli-with-test-auth.ts, or its executable in project cli-exe) over the
// same data folder, against the local OpenID provider and the XS4 Face simulator, Chromium playing the system browser.
// AES-GCM ciphers stand in for DPAPI (one key, as one Windows user has one) and for the app's safeStorage; the DPAPI
// cipher itself runs in real PowerShell in tests/powershell/dpapi-cipher.test.ts. Also the two moves of the update.
import { localRegionsFile } from '../../../scripts/sim/oidc/local-region';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startFaceSimulator, type FaceSimulator } from '../../../scripts/sim/face-server';
import { startOidcSimulator, type OidcSimulator } from '../../../scripts/sim/oidc/oidc-server';
import { createSignInService, type SignInService } from '../../../main/core/auth/sign-in-service';
import {
  APP_SIGN_IN_FILE,
  appSignInFiles,
  CLI_SIGN_IN_FILE,
  SHARED_SIGN_IN_FILE,
  signInFileCache,
} from '../../../main/core/auth/sign-in-file';
import { DoctorJsonSchema } from '../../../main/cli/doctor-json';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { testCipher } from '../../helpers/test-cipher';
import { testAuthCli } from '../../helpers/cli-launcher';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = testAuthCli();
const USER = 'technician@contoso.example';
// The DPAPI stand-in of the CLI (XS4_TEST_CIPHER_KEY) and of the app: the same Windows user, the same key.
const DPAPI_KEY = randomBytes(32).toString('hex');
const dpapi = testCipher(DPAPI_KEY);
// The app's safeStorage: a key only the app has.
const safeStorage = testCipher(randomBytes(32).toString('hex'));

let work: string;
let idp: OidcSimulator;
let face: FaceSimulator;
let browser: SystemBrowser;
let ca: ReturnType<typeof makeCa>;
let regionsFile: string;
let caFile: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function start(
  dataDir: string,
  args: string[],
): { child: ChildProcess; done: Promise<Ran>; output: () => string } {
  const child = spawn(CLI.file, [...CLI.args, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: work,
      XS4_DATA_DIR: dataDir,
      NODE_EXTRA_CA_CERTS: caFile,
      XS4_SIGNIN_REGIONS_FILE: regionsFile,
      XS4_TEST_CIPHER_KEY: DPAPI_KEY,
    },
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
const cli = (dataDir: string, args: string[]): Promise<Ran> => start(dataDir, args).done;

/** The app's sign-in service as main/index.ts wires it on Windows (DPAPI shared file, its safeStorage file moved in). */
function appService(dataDir: string): SignInService {
  return createSignInService({
    dataDir,
    ...appSignInFiles(safeStorage, dpapi),
    openBrowser: (u) => browser.open(u),
    env: { XS4_SIGNIN_REGIONS_FILE: regionsFile },
    extraCa: [ca.cert],
  });
}

/** A program of the version before: its own file, its own encryption, nothing moved. */
function earlierProgram(dataDir: string, file: string, cipher: typeof dpapi): SignInService {
  return createSignInService({
    dataDir,
    file,
    cipher,
    openBrowser: (u) => browser.open(u),
    env: { XS4_SIGNIN_REGIONS_FILE: regionsFile },
    extraCa: [ca.cert],
  });
}

async function signInThrough(service: SignInService): Promise<void> {
  browser.next({ kind: 'sign-in', email: USER });
  await (await service.forRegion(undefined)).signInInteractive({ faceUrl: face.url });
}

/** `xs4-setup doctor --json`: the face.signed-in check, passed with the saved sign-in (no token given). */
async function cliSignedInCheck(dataDir: string): Promise<{ status: string; summary: string } | undefined> {
  const d = await cli(dataDir, ['doctor', '--face-url', face.url, '--json']);
  const doc = DoctorJsonSchema.parse(JSON.parse(d.stdout));
  const check = doc.checks.find((c) => c.id === 'face.signed-in');
  return check && { status: check.status, summary: check.summary };
}

/** The sign-in files in a data folder (doctor may leave its history beside them). */
const filesIn = async (dir: string) => (await readdir(dir)).filter((f) => f.includes('sign-in')).sort();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-shared-sign-in-'));
  ca = makeCa('Shared sign-in CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  face = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    oidc: { issuer: idp.issuer, audience: idp.audience, ca: [ca.cert] },
  });
  browser = await launchSystemBrowser();
  caFile = join(work, 'ca.pem');
  await writeFile(caFile, `${ca.cert}\n`);
  regionsFile = join(work, 'regions.json');
  await writeFile(regionsFile, localRegionsFile(idp, face.url));
});

afterAll(async () => {
  await browser?.close();
  await face?.close();
  await idp?.close();
  await rm(work, { recursive: true, force: true });
});

describe('the app and the CLI share one sign-in', () => {
  it('the app signs in; the CLI uses that sign-in; `logout` in the CLI signs the app out', async () => {
    const dataDir = join(work, 'app-first');
    const app = appService(dataDir);
    await signInThrough(app);
    const provider = await app.tokenProviderFor(face.url);
    expect(await provider!.getToken()).toMatch(/^eyJ/);
    expect(await filesIn(dataDir)).toEqual([SHARED_SIGN_IN_FILE]);

    // The CLI was never signed in: it is signed in with the app's sign-in, for the server it was made for.
    const check = await cliSignedInCheck(dataDir);
    expect(check?.status).toBe('pass');
    expect(check?.summary).toContain(`Signed in as ${USER}`);

    const out = await cli(dataDir, ['logout']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Signed out ${USER}`);
    // The app is signed out: nobody is shown, no provider is made, and the one it held gets no token any more.
    expect(await app.current()).toBeNull();
    expect(await app.tokenProviderFor(face.url)).toBeNull();
    await expect(provider!.getToken()).rejects.toMatchObject({ code: 'AUTH_NOT_SIGNED_IN' });
  }, 180_000);

  it('the CLI signs in (device code); the app shows it; signing out in the app signs the CLI out', async () => {
    const dataDir = join(work, 'cli-first');
    const login = start(dataDir, ['login', '--device-code', '--face-url', face.url]);
    for (let until = Date.now() + 60_000; !/enter the code/.test(login.output());) {
      if (Date.now() > until) throw new Error(`no code printed:\n${login.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const m = /open (https:\/\/\S+) on any device and enter the code ([A-Z]{4}-[A-Z]{4})/.exec(
      login.output(),
    )!;
    await browser.approveDeviceCode(m[1]!, m[2]!, USER);
    expect((await login.done).code).toBe(0);

    const app = appService(dataDir);
    expect(await app.current()).toMatchObject({ username: USER, origin: new URL(face.url).origin });
    expect(await (await app.tokenProviderFor(face.url))!.getToken()).toMatch(/^eyJ/);
    expect(await app.signOut()).toBe(true);
    expect((await cli(dataDir, ['logout'])).stdout).toContain('Nobody was signed in.');
  }, 180_000);
});

describe('the update signs nobody out', () => {
  it('a CLI sign-in from before (sign-in-cli.json) becomes the shared one: the CLI and then the app use it', async () => {
    const dataDir = join(work, 'earlier-cli');
    await signInThrough(earlierProgram(dataDir, CLI_SIGN_IN_FILE, dpapi));
    expect(await filesIn(dataDir)).toEqual([CLI_SIGN_IN_FILE]);

    const check = await cliSignedInCheck(dataDir);
    expect(check?.status).toBe('pass');
    expect(check?.summary).toContain(`Signed in as ${USER}`);
    expect(await filesIn(dataDir)).toEqual([SHARED_SIGN_IN_FILE]);
    expect(await appService(dataDir).current()).toMatchObject({ username: USER });
  }, 180_000);

  it('an app sign-in from before (sign-in.json, safeStorage) is moved by the app into DPAPI; the CLI then reads it', async () => {
    const dataDir = join(work, 'earlier-app');
    await signInThrough(earlierProgram(dataDir, APP_SIGN_IN_FILE, safeStorage));
    expect(await filesIn(dataDir)).toEqual([APP_SIGN_IN_FILE]);

    const app = appService(dataDir);
    expect(await app.current()).toMatchObject({ username: USER });
    expect(await filesIn(dataDir)).toEqual([SHARED_SIGN_IN_FILE]);
    // The CLI has no safeStorage: it reads the sign-in only because the app saved it again with DPAPI.
    const check = await cliSignedInCheck(dataDir);
    expect(check?.status).toBe('pass');
    expect((await cli(dataDir, ['logout'])).stdout).toContain(`Signed out ${USER}`);
    expect(await app.current()).toBeNull();
  }, 180_000);

  it("the CLI first after the update leaves the app's sign-in.json to the app, and `logout` removes it", async () => {
    const dataDir = join(work, 'earlier-app-cli-first');
    await signInFileCache({
      dataDir,
      file: APP_SIGN_IN_FILE,
      cipher: safeStorage,
      earlier: [],
      surface: 'app',
    }).write({
      version: 1,
      binding: {
        regionId: 'local',
        origin: new URL(face.url).origin,
        username: USER,
        signedInAt: new Date().toISOString(),
      },
      msal: '',
    });
    const out = await cli(dataDir, ['logout']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Signed out');
    expect(await filesIn(dataDir)).not.toContain(APP_SIGN_IN_FILE);
    expect(await appService(dataDir).current()).toBeNull();
  }, 120_000);
});
