// End to end on the packaged app (Windows workflow, job package-and-e2e): the installed shape, the window lockdown and the fuses,
// exercised through the real Electron binary with Playwright's _electron.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { launchPackagedApp, packagedExecutable, PRODUCT_NAME, REPO } from './packaged-app';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('packaged app', () => {
  let app: ElectronApplication;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await launchPackagedApp();
    page = await app.firstWindow();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs from the asar as a packaged app with the release version', async () => {
    const info = await app.evaluate(({ app: electronApp }) => ({
      packaged: electronApp.isPackaged,
      version: electronApp.getVersion(),
      name: electronApp.getName(),
      appPath: electronApp.getAppPath(),
    }));
    expect(info.packaged).toBe(true);
    expect(info.version).toBe(pkg.version);
    expect(info.appPath.replaceAll('\\', '/')).toMatch(/\/resources\/app\.asar$/);
  });

  it('shows the one window, served from app:// with the product title', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/xs4\//);
    expect(await page.title()).toBe(PRODUCT_NAME);
    await expect(page.locator('#root > *').first().isVisible()).resolves.toBe(true);
  });

  it('gives the page the window.xs4 bridge and nothing of Node', async () => {
    const surface = await page.evaluate(() => {
      const w = globalThis as unknown as { xs4?: unknown; require?: unknown; process?: unknown };
      return { bridge: typeof w.xs4, require: typeof w.require, process: typeof w.process };
    });
    expect(surface).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
  });

  it('refuses navigation away from app:// and new windows', async () => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.invalid/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    await page.evaluate(() => {
      (globalThis as unknown as { open(url: string, target: string): unknown }).open(
        'https://example.invalid/',
        '_blank',
      );
    });
    await page.waitForTimeout(1000);
    expect(app.windows()).toHaveLength(1);
  });

  it('has the PowerShell scripts beside the asar', async () => {
    const resources = await app.evaluate(() => process.resourcesPath);
    const scripts = readdirSync(join(resources, 'powershell')).filter((f) => f.endsWith('.ps1'));
    expect(scripts.length).toBeGreaterThan(0);
  });

  it('logged no renderer errors while starting', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('the real IPC pipe and DPAPI, through window.xs4 of the packaged app', () => {
  let app: ElectronApplication;
  let page: Page;
  type Bridge = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  /** Calls window.xs4.<ns>.<method>(input) in the page; returns { ok, value } or { ok: false, error }. */
  const call = (ns: string, method: string, input?: unknown) =>
    page.evaluate(
      async ([n, m, i]) => {
        const xs4 = (globalThis as unknown as { xs4: Bridge }).xs4;
        try {
          return { ok: true as const, value: await xs4[n as string]![m as string]!(i) };
        } catch (error) {
          return { ok: false as const, error: error as { code?: string; message?: string } };
        }
      },
      [ns, method, input] as const,
    );

  beforeAll(async () => {
    app = await launchPackagedApp();
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    if (page) await call('secrets', 'clear', { name: 'shipApiKey' });
    await app?.close();
  });

  it('app.info answers over IPC with the packaged version and platform', async () => {
    const result = await call('app', 'info');
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatchObject({
      productName: PRODUCT_NAME,
      version: pkg.version,
      platform: process.platform,
    });
  });

  it('bad input is refused in the main process with INVALID_INPUT naming the field', async () => {
    const result = await call('settings', 'update', { faceServerUrl: 'ftp://face.example' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect(!result.ok && result.error.message).toContain('faceServerUrl');
  });

  it('a secret set through the UI is kept encrypted on disk (DPAPI), never in plain text', async () => {
    const secret = `e2e-${randomUUID()}`;
    expect((await call('secrets', 'set', { name: 'shipApiKey', value: secret })).ok).toBe(true);
    expect(await call('secrets', 'has', { name: 'shipApiKey' })).toEqual({ ok: true, value: true });
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    const onDisk = readFileSync(join(userData, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain(secret);
    expect((await call('secrets', 'clear', { name: 'shipApiKey' })).ok).toBe(true);
    expect(await call('secrets', 'has', { name: 'shipApiKey' })).toEqual({ ok: true, value: false });
  });
});

describe('fuses of the packaged binary', () => {
  // Both probes start the exe directly: Playwright strips NODE_OPTIONS from the environment it passes on.
  const runWith = (env: Record<string, string>, args: string[]) =>
    spawnSync(packagedExecutable(), args, {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 15_000,
      killSignal: 'SIGKILL',
    });

  it('will not run as plain Node even when ELECTRON_RUN_AS_NODE is set', () => {
    const result = runWith({ ELECTRON_RUN_AS_NODE: '1' }, ['-e', 'console.log("RAN AS NODE")']);
    expect(`${result.stdout}${result.stderr}`).not.toContain('RAN AS NODE');
  });

  it('ignores NODE_OPTIONS (no --require injection into the main process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs4-node-options-'));
    const out = join(dir, 'injected.txt');
    const probe = join(REPO, 'tests', 'e2e-electron', 'node-options-probe.cjs');
    runWith({ NODE_OPTIONS: `--require "${probe}"`, XS4_NODE_OPTIONS_PROBE_OUT: out }, []);
    expect(existsSync(out)).toBe(false);
  });
});
