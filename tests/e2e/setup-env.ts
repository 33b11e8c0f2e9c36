// End-to-end environment for the wizard: both simulators and a privacy-policy page on 127.0.0.1 (real TLS), the
// real SetupService over them, the built renderer in Chromium with window.xs4 bound to the real core handlers; with
// `signIn`, the local OpenID provider too, the real sign-in service, and a second Chromium as the system browser.
import { localRegionsFile } from '../../scripts/sim/oidc/local-region';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startFaceSimulator, twoSitesState, type FaceSimulator } from '../../scripts/sim/face-server';
import { startOidcSimulator, type OidcSimulator } from '../../scripts/sim/oidc/oidc-server';
import { createSignInService, type SignInService } from '../../main/core/auth/sign-in-service';
import {
  startSpaceSimulator,
  type SpaceSimulator,
  type SpaceSimPatch,
} from '../../scripts/sim/space-simulator';
import { makeCa, makeCert } from '../../scripts/sim/certs';
import { createSetupService } from '../../main/core/setup/setup-service';
import { HistoryStore } from '../../main/core/history/history-store';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { createMemorySettingsStore } from '../../main/core/settings/settings-store';
import { createMemorySecretStore } from '../../main/core/secrets/memory-secret-store';
import { createTestDeps, type TestDeps } from '../helpers/core-deps';
import { launchSystemBrowser, type SystemBrowser } from '../helpers/system-browser';
import { testCipher } from '../helpers/test-cipher';
import {
  bindCore,
  createDialogDouble,
  launchChromium,
  startStaticServer,
  watchProblems,
  type DialogDouble,
  type PageProblems,
} from './harness';

export const POLICY_HTML = `<!doctype html><html lang="en"><head><title>Privacy policy</title></head><body>
<h1>Privacy policy of Hotel Miramar S.L.</h1>
<p>We process biometric data (a facial template computed from your photo) only to open the doors you are allowed to open.
Facial recognition is optional; you may use a card instead. Templates are deleted 30 days after your access ends.</p>
</body></html>`;

export interface SetupEnv {
  face: FaceSimulator;
  space: SpaceSimulator;
  page: Page;
  browser: Browser;
  deps: TestDeps;
  /** What the main process put on the clipboard (secrets copied without entering the page). */
  clipboard: string[];
  /** The system's file and folder dialogs: what the page asked for, and what the technician picks (Browse). */
  dialogs: DialogDouble;
  policyUrl: string;
  problems: PageProblems;
  /** With `signIn`: the local OpenID provider and the system browser the app opens. */
  idp: OidcSimulator | null;
  systemBrowser: SystemBrowser | null;
  /** Closes the page and opens the app again on the same data folder and stores: a restart. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export interface SetupEnvOptions {
  spaceState?: SpaceSimPatch;
  viewport?: { width: number; height: number };
  /** Deadline the Verify step's polling may use is the app's; the service polls this often. */
  pollMs?: number;
  /** Microsoft sign-in against the local OpenID provider (region "Local test region"), Chromium as the system browser. */
  signIn?: boolean;
  /** The account has two sites and three servers (one offline), as twoSitesState(). */
  twoSites?: boolean;
  /** How long a write may stay pending before the wizard offers Keep waiting (the app's default otherwise). */
  pendingDeadlineMs?: number;
}

/** The local OpenID provider as one region, the XS4 Face simulator as its API. */
async function startSignIn(
  dataDir: string,
): Promise<{ idp: OidcSimulator; ca: string; browser: SystemBrowser; regionsFile: string }> {
  const ca = makeCa('XS4 Test OpenID CA');
  const idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  const browser = await launchSystemBrowser();
  const regionsFile = join(dataDir, 'regions.json');
  return { idp, ca: ca.cert, browser, regionsFile };
}

async function writeRegions(file: string, idp: OidcSimulator, apiBase: string): Promise<void> {
  await writeFile(file, localRegionsFile(idp, apiBase));
}

async function startPolicyServer(): Promise<{ url: string; ca: string; server: Server }> {
  const ca = makeCa('XS4 Test Policy CA');
  const cert = makeCert({ commonName: '127.0.0.1', altNames: ['127.0.0.1', 'localhost'], issuer: ca });
  const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    res.writeHead(req.url === '/privacy' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/privacy' ? POLICY_HTML : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}/privacy`, ca: ca.cert, server };
}

export async function startSetupEnv(options: SetupEnvOptions = {}): Promise<SetupEnv> {
  // Space with a certificate from the simulator's CA, trusted by XS4 Face (the simulator) and by our checks,
  // as on a site with an internal CA.
  const dataDir = await mkdtemp(join(tmpdir(), 'xs4-e2e-'));
  const auth = options.signIn === true ? await startSignIn(dataDir) : null;
  const space = await startSpaceSimulator({ state: { certificate: 'valid', ...options.spaceState } });
  const face = await startFaceSimulator({
    spaceTrust: { ca: [space.caCert] },
    shipTimeoutMs: 2000,
    ...(options.twoSites === true ? { initialState: twoSitesState() } : {}),
    ...(auth !== null
      ? { oidc: { issuer: auth.idp.issuer, audience: auth.idp.audience, ca: [auth.ca] } }
      : {}),
  });
  if (auth !== null) await writeRegions(auth.regionsFile, auth.idp, face.url);
  const policy = await startPolicyServer();
  const settings = createMemorySettingsStore();
  const secrets = createMemorySecretStore();
  const history = new HistoryStore({ dataDir });
  const windows = createWindowsRun({});
  const clipboard: string[] = [];
  const dialogs = createDialogDouble();
  // One sign-in service for the whole run, as the app has one per computer (a reopened page finds it signed in).
  const signIn: SignInService | null =
    auth === null
      ? null
      : createSignInService({
          dataDir,
          file: 'sign-in.json',
          cipher: testCipher(randomBytes(32).toString('hex')),
          openBrowser: (u) => auth.browser.open(u),
          env: { XS4_SIGNIN_REGIONS_FILE: auth.regionsFile },
          extraCa: [auth.ca],
        });
  const makeDeps = (): TestDeps =>
    createTestDeps({
      app: {
        productName: 'XS4 Face Space Assistant',
        version: '0.1.0',
        platform: process.platform,
        arch: process.arch,
      },
      settings,
      secrets,
      clock: () => new Date(),
      setup: {
        service: createSetupService({
          dataDir,
          settings,
          secrets,
          history,
          checks: (w) => allChecks(w),
          windows: windows.deps,
          platform: process.platform,
          now: () => new Date(),
          extraCa: [space.caCert, policy.ca],
          timeouts: { requestMs: 5000, checkMs: 5000, pollMs: options.pollMs ?? 250 },
          ...(signIn !== null ? { faceTokenProvider: (u: string) => signIn.tokenProviderFor(u) } : {}),
          ...(options.pendingDeadlineMs !== undefined
            ? { facePendingDeadlineMs: options.pendingDeadlineMs }
            : {}),
        }),
        clipboard: {
          writeText: (t) => void clipboard.push(t),
          writeSecret: (t) => void clipboard.push(t),
        },
        history,
      },
      ...(signIn !== null ? { signIn } : {}),
      dialogs,
    });

  const server = await startStaticServer();
  const browser = await launchChromium();
  const open = async (): Promise<{ page: Page; deps: TestDeps; problems: PageProblems }> => {
    const page = await browser.newPage({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: 'en-US',
    });
    const problems = watchProblems(page);
    const deps = makeDeps();
    await bindCore(page, deps);
    await page.goto(server.url);
    return { page, deps, problems };
  };
  const first = await open();
  const env: SetupEnv = {
    face,
    space,
    browser,
    clipboard,
    dialogs,
    policyUrl: policy.url,
    idp: auth?.idp ?? null,
    systemBrowser: auth?.browser ?? null,
    ...first,
    async reopen() {
      await env.page.close();
      Object.assign(env, await open());
    },
    async close() {
      await browser.close();
      await auth?.browser.close();
      await auth?.idp.close();
      await server.close();
      await windows.dispose();
      await face.close();
      await space.close();
      await new Promise<void>((resolve) => policy.server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return env;
}
