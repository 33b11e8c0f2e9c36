// The wizard's Microsoft sign-in, site › server choice and pending writes end to end: Chromium on the built renderer,
// window.xs4 bound to the real core, the real sign-in service against the local OpenID provider with a second Chromium
// as the system browser, and the XS4 Face simulator with two sites and three servers (one offline).
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './harness';
import { startSetupEnv, type SetupEnv } from './setup-env';
import { WizardPage } from './wizard-page';
import * as flow from './wizard-flow';

let env: SetupEnv | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await env?.page
      .screenshot({ path: `tests/e2e/.artifacts/fail-${ctx.task.id}.png`, fullPage: true })
      .catch(() => undefined);
  await env?.close();
  env = undefined;
});

const EMAIL = 'technician@contoso.example';

/** Trusts the simulator's self-signed certificate once (the dialog of the first contact). */
async function trust(w: WizardPage): Promise<void> {
  const dialog = w.page.getByRole('alertdialog', { name: 'Trust this certificate?' });
  await dialog.waitFor({ timeout: 30_000 });
  await w.click(dialog.getByRole('button', { name: 'Trust this certificate' }));
}

function picker(w: WizardPage) {
  return w.page.getByRole('region', { name: 'Choose the XS4 Face server' });
}

/** Chooses a server in the picker and waits until the wizard is connected to it. */
async function choose(w: WizardPage, server: string): Promise<void> {
  await w.check(picker(w).getByRole('radio', { name: server }));
  await w.click(picker(w).getByRole('button', { name: 'Use this server' }));
  await w.page.getByText(/^Connected to /).waitFor({ timeout: 30_000 });
}

function pendingPanel(w: WizardPage) {
  return w.page.getByRole('region', { name: 'Waiting for the XS4 Face server' });
}

describe('Microsoft sign-in in the wizard', () => {
  it('signs in through the system browser, picks the site and server, and goes on to Connected', async () => {
    env = await startSetupEnv({ signIn: true, twoSites: true });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    expect(await w.page.getByLabel('Region').inputValue()).toBe('local');
    await w.shot('02-connect-sign-in');
    env.systemBrowser!.next({ kind: 'sign-in', email: EMAIL });
    await w.click(w.button('Sign in with Microsoft'));
    await trust(w);
    // Signed in, and the account has several servers: the picker asks, nothing failed.
    await expect
      .poll(() => w.page.getByTestId('signed-in').textContent(), { timeout: 30_000 })
      .toBe(`Signed in as ${EMAIL} (Local test region) for ${new URL(env.face.url).origin}.`);
    await picker(w).waitFor({ timeout: 30_000 });
    expect(await w.page.locator('.view [role="alert"]').count()).toBe(0);
    const legends = await picker(w).locator('legend').allTextContents();
    expect(legends).toEqual(['Site: Main building', 'Site: Car park']);
    const warehouse = picker(w).locator('.picker__server', { hasText: 'Warehouse server' });
    expect(await warehouse.textContent()).toContain('Offline');
    await w.shot('02-connect-server-choice');
    // The page the system browser shows after the redirect, in the app's words.
    await env.systemBrowser!.settled();
    const done = env.systemBrowser!.lastPage()!;
    expect(await done.textContent('h1')).toBe('You are signed in');
    await done.setViewportSize({ width: 900, height: 500 });
    await done.screenshot({ path: join(SCREENSHOT_DIR, '02-sign-in-browser.png') });

    await choose(w, 'Gate server');
    expect(env.idp!.issued('authorization_code')).toBe(1);
    await w.continue();
    await flow.addSpaceIntegration(w, false);
    // Every later step names the server it works on; the writes reach that server only.
    expect(await w.page.getByTestId('face-choice').textContent()).toBe(
      'XS4 Face server: Car park › Gate server',
    );
    expect(env.face.serverState('site-2', 'face-3').integrations).toContain('salto-space');
    expect(env.face.serverState('site-1', 'face-1').integrations).toEqual([]);
    await flow.spaceDetails(w, env, false);
    await flow.shipKey(w, env, { shot: false });
    await flow.installScript(w, false);
    await flow.spaceSettings(w, false);
    await flow.faceRecognition(w, env, false);
    await flow.enrollment(w, env, false);
    await flow.verifyConnected(w, false);
    expect(env.problems.errors).toEqual([]);
  });

  it('signs in with a code on another device, shows who is signed in, and signs out', async () => {
    env = await startSetupEnv({ signIn: true });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    await w.click(w.button('Use a code on another device'));
    const box = w.page.getByRole('region', { name: 'Sign in on another device' });
    const code = box.getByTestId('device-code');
    await code.waitFor({ timeout: 30_000 });
    const userCode = ((await code.textContent()) ?? '').trim();
    const uri = /open (\S+) and enter this code/.exec((await box.textContent()) ?? '')?.[1];
    expect(uri).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);
    expect(await box.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    await w.shot('02-connect-device-code');
    await env.systemBrowser!.approveDeviceCode(uri!, userCode, EMAIL);
    await trust(w);
    await w.page.getByText(/^Connected to /).waitFor({ timeout: 30_000 });
    expect(await w.page.getByTestId('signed-in').textContent()).toContain(EMAIL);
    // One server: chosen for the technician, no picker.
    expect(await picker(w).count()).toBe(0);
    await w.click(w.button('Sign out'));
    await w.button('Sign in with Microsoft').waitFor({ timeout: 15_000 });
    expect(await w.page.getByTestId('signed-in').count()).toBe(0);
    expect(await env.deps.signIn.current()).toBeNull();
  });

  it('Cancel stops a browser sign-in the technician abandoned', async () => {
    env = await startSetupEnv({ signIn: true });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    env.systemBrowser!.next({ kind: 'walk-away' });
    await w.click(w.button('Sign in with Microsoft'));
    await w.page
      .getByText(/Finish signing in in the browser window that opened/)
      .waitFor({ timeout: 15_000 });
    await w.click(w.button('Cancel'));
    const alert = w.page.locator('.view [role="alert"]');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.getAttribute('data-code')).toBe('AUTH_CANCELLED');
    // The core's sentence by its catalog key (no copy in the page's catalogs), and a remedy for the app, not the CLI.
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('The sign-in was cancelled.');
    expect(said).toContain('Start the sign-in again when ready.');
    expect(said).not.toMatch(/xs4-setup|--device-code/);
    expect(await w.page.getByTestId('signed-in').count()).toBe(0);
  });
});

describe('a write the XS4 Face server has not received', () => {
  it('is shown as waiting with its elapsed time; Keep waiting finishes it, Stop leaves it queued', async () => {
    env = await startSetupEnv({ twoSites: true, pendingDeadlineMs: 4000 });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    await w.fill(w.page.getByLabel('Access token'), env.face.token);
    await w.click(w.button('Connect'));
    await trust(w);
    await picker(w).waitFor({ timeout: 30_000 });
    // The offline server: its writes stay pending until it is back.
    await choose(w, 'Warehouse server');
    await w.continue();
    await w.atStep(flow.T.integrations);
    await w.click(w.button('Add integration'));
    const dialog = w.page.getByRole('dialog', { name: 'Add integration' });
    await w.click(dialog.getByRole('switch', { name: /Salto Space/ }));
    await w.click(dialog.getByRole('button', { name: 'Continue' }));

    const panel = pendingPanel(w);
    await panel.getByRole('timer').waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('waiting for the XS4 Face server to receive it');
    await expect
      .poll(() => panel.getByRole('timer').textContent(), { timeout: 10_000 })
      .toMatch(/^Waiting for [1-9] s\.$/);
    await w.shot('03-integrations-pending');
    // The deadline passes: Keep waiting or Stop.
    await panel.getByRole('button', { name: 'Keep waiting' }).waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toMatch(/has not received the change yet \(waited \d+ s\)/);
    await w.shot('03-integrations-pending-left');
    await w.click(panel.getByRole('button', { name: 'Keep waiting' }));
    await panel.getByRole('timer').waitFor({ timeout: 15_000 });
    env.face.setServerOnline('site-1', 'face-2', true);
    await w.page
      .getByText('The XS4 Face server received the change, and it was read back.')
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => w.spaceCardStatus(), { timeout: 15_000 }).toMatch(/^Status: /);
    // Sent once, received once.
    expect(env.face.hits('integrations.add')).toBe(1);
    expect(env.face.serverState('site-1', 'face-2').integrations).toContain('salto-space');

    // Offline again: Stop during the wait, then Stop for good.
    env.face.setServerOnline('site-1', 'face-2', false);
    await w.continue();
    await w.atStep(flow.T.spaceDetails);
    await w.fill(w.page.getByLabel('Space server name or IP address'), '127.0.0.1');
    await w.fill(w.page.getByLabel('Port'), String(env.space.port));
    await w.click(w.button('Save to XS4 Face'));
    await pendingPanel(w).getByRole('timer').waitFor({ timeout: 15_000 });
    await w.click(pendingPanel(w).getByRole('button', { name: 'Stop' }));
    await pendingPanel(w).getByRole('button', { name: 'Keep waiting' }).waitFor({ timeout: 15_000 });
    await w.click(pendingPanel(w).getByRole('button', { name: 'Stop' }));
    await w.page
      .getByText(/^Stopped waiting\. The change stays queued in XS4 Face/)
      .waitFor({ timeout: 15_000 });
    expect(await w.page.locator('.view [role="alert"]').count()).toBe(0);
    // Not applied, not claimed: Continue still waits for saved details.
    expect(await w.page.locator('[data-continue]').isEnabled()).toBe(false);
  });
});
