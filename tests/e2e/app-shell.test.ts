// The app shell in Chromium with window.xs4 bound to the real core: real app info, mode navigation, language switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  bindCore,
  launchChromium,
  ROOT,
  screenshot,
  startStaticServer,
  watchProblems,
  type PageProblems,
} from './harness';
import { createTestDeps, type TestDeps } from '../helpers/core-deps';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;
let page: Page;
let deps: TestDeps;
let problems: PageProblems;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
  // The real platform of this machine: on Linux the Windows steps must show as unavailable.
  deps = createTestDeps({
    app: { productName: 'XS4 Face Space Assistant', version, platform: process.platform, arch: process.arch },
  });
  page = await browser.newPage({ viewport: { width: 1180, height: 780 }, locale: 'en-US' });
  problems = watchProblems(page);
  await bindCore(page, deps);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('app shell', () => {
  it('shows what the core reports about this computer', async () => {
    // The facts about this computer are part of the Troubleshoot view.
    await page
      .getByRole('button', { name: /Troubleshoot/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe(version);
    expect(await page.locator('h1').textContent()).toBe('XS4 Face Space Assistant');
    const windows = await page.getByTestId('windows-features').textContent();
    expect(windows).toBe(
      process.platform === 'win32'
        ? 'Available on this computer'
        : 'Not available here: run the assistant on the Windows server that hosts Salto Space',
    );
    expect(await page.getByTestId('app-platform').textContent()).toContain(process.arch);
    expect(await page.locator('[aria-current="page"]').getAttribute('data-mode')).toBe('troubleshoot');
    await screenshot(page, '00-app-shell.png');
    await page.locator('[data-mode="setup"]').click();
  });

  it('runs under the production CSP without errors', async () => {
    expect(problems.errors).toEqual([]);
    expect(problems.console).toEqual([]);
    // And the CSP really applies: inline script is blocked.
    // (Page code as a string: this test is typechecked without the DOM lib.)
    const ran = await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      return window.__inlineRan === true;
    })()`);
    expect(ran).toBe(false);
  });

  it('switches mode from the navigation', async () => {
    await page.locator('[data-mode="troubleshoot"]').click();
    await expect.poll(() => page.locator('h2').textContent()).toBe('Troubleshoot');
    expect(await page.locator('[aria-current="page"]').getAttribute('data-mode')).toBe('troubleshoot');
    await page.locator('[data-mode="setup"]').click();
    await expect.poll(() => page.getByTestId('mode-setup').count()).toBe(1);
  });

  it('switches to Spanish, stores it in settings, and keeps it after a reload', async () => {
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.locator('[data-mode="setup"] .nav__label').textContent()).toBe('Configurar');
    expect((await deps.settings.get()).language).toBe('es');
    expect(await page.locator('h1').textContent()).toBe('Asistente XS4 Face para Space');
    await screenshot(page, '01-app-shell-es.png');
    await page.reload();
    await expect.poll(() => page.locator('[data-mode="setup"] .nav__label').textContent()).toBe('Configurar');
    await page.locator('select.langswitch__select').selectOption('en');
    await expect.poll(() => page.locator('[data-mode="setup"] .nav__label').textContent()).toBe('Set up');
    expect((await deps.settings.get()).language).toBe('en');
  });

  it('keeps keyboard focus visible', async () => {
    await page.locator('body').click();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      `document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'`,
    );
    expect(outline).toBe('solid');
  });

  it('window.xs4 enforces the contract from the page', async () => {
    const err = await page.evaluate(
      `window.xs4.settings.update({ language: 'xx' }).then(() => null, (e) => e)`,
    );
    expect(err).toMatchObject({ name: 'Xs4Error', code: 'INVALID_INPUT', detail: { field: 'language' } });
  });
});
