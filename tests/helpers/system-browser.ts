// Debian Chromium (playwright-core) playing the technician's system browser for sign-in tests: it opens the URL the
// app hands to "the system browser" and a scripted person signs in, consents, cancels or walks away.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SIM_PASSWORD } from '../../scripts/sim/oidc/oidc-server';

const CHROMIUM = '/usr/bin/chromium';

export type Person =
  | { kind: 'sign-in'; email: string; consent?: 'accept' | 'cancel'; password?: string }
  | { kind: 'cancel-at-login' }
  /** Opens the page and does nothing (the technician closed the window or walked away). */
  | { kind: 'walk-away' };

export interface SystemBrowser {
  /** The OpenBrowser function handed to the app. */
  open(url: string): Promise<void>;
  /** Who acts on the next page opened. */
  next(person: Person): void;
  /** Resolves when the scripted person has finished (or failed) on the last page opened. */
  settled(): Promise<void>;
  /** URLs opened so far. */
  opened: string[];
  /** Pages the person saw, for screenshots. */
  lastPage(): Page | undefined;
  /** Enters a device code at the verification URL, signs in and consents. */
  approveDeviceCode(verificationUri: string, userCode: string, email: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchSystemBrowser(): Promise<SystemBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never "playwright install").`);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  /** Each sign-in gets a fresh profile (no provider session left from an earlier test). */
  async function freshPage(): Promise<Page> {
    // The provider's certificate comes from a throw-away CA; trusting it is not what these tests are about.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    contexts.push(context);
    // Nothing but loopback: a page that tried to load anything else would fail here, loudly.
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || u.protocol === 'data:')
        return route.continue();
      return route.abort('blockedbyclient');
    });
    return context.newPage();
  }
  const opened: string[] = [];
  let person: Person = { kind: 'walk-away' };
  let running: Promise<void> = Promise.resolve();
  let last: Page | undefined;

  async function act(page: Page, who: Person): Promise<void> {
    if (who.kind === 'walk-away') return;
    await page.waitForSelector('input[name=login]');
    if (who.kind === 'cancel-at-login') {
      await page.click('button:has-text("Cancel")');
      await page.waitForLoadState('load');
      return;
    }
    await page.fill('input[name=login]', who.email);
    await page.fill('input[name=password]', who.password ?? SIM_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Sign in")')]);
    if (await page.locator('h1:has-text("Permissions requested")').count()) {
      await Promise.all([
        page.waitForNavigation(),
        page.click(who.consent === 'cancel' ? 'button:has-text("Cancel")' : 'button:has-text("Accept")'),
      ]);
    }
    await page.waitForLoadState('load');
  }

  return {
    opened,
    async open(url) {
      opened.push(url);
      const page = await freshPage();
      last = page;
      const who = person;
      person = { kind: 'walk-away' };
      await page.goto(url);
      running = act(page, who);
      running.catch(() => {});
    },
    next(p) {
      person = p;
    },
    settled: () => running,
    lastPage: () => last,
    async approveDeviceCode(verificationUri, userCode, email) {
      const page = await freshPage();
      last = page;
      await page.goto(verificationUri);
      await page.fill('input[name=user_code]', userCode);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Next")')]);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Continue")')]);
      await act(page, { kind: 'sign-in', email });
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
    },
  };
}
