// The Connect step for a hurried technician (issue 16 items 1, 2, 7, 11; issue 14 b and d) end to end: Chromium on the
// built renderer, window.xs4 bound to the real core over the XS4 Face simulator. A connection attempt is a draft: what
// worked stays saved until something new works, the real error is never hidden behind a dialog, focus never drops to
// <body>.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { screenshot } from './harness';
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

const SMALL = { width: 1024, height: 768 };
const EMAIL = 'technician@contoso.example';
const WRONG_TOKEN = 'wrong-token-typed-in-a-hurry';

// Runs in the page; typed without the DOM lib (the e2e tests are typechecked with Node's types only).
const IS_FOCUSED = (el: unknown): boolean =>
  el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

/** The tag of the focused element ("BODY" is what must never happen after a dialog closes). */
function focusedTag(w: WizardPage): Promise<string> {
  return w.page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { tagName: string } | null } }).document
        .activeElement?.tagName ?? 'NONE',
  );
}

function alert(w: WizardPage): Locator {
  return w.page.locator('.view [role="alert"]');
}

function certDialog(w: WizardPage, name = 'Trust this certificate?'): Locator {
  return w.page.getByRole('alertdialog', { name });
}

function connected(w: WizardPage): Locator {
  return w.page.getByText(/^Connected to /);
}

function continueButton(w: WizardPage): Locator {
  return w.page.locator('[data-continue]');
}

async function waitForAlert(w: WizardPage, code: RegExp | string): Promise<void> {
  await alert(w).waitFor({ timeout: 30_000 });
  await expect.poll(() => alert(w).getAttribute('data-code'), { timeout: 30_000 }).toMatch(code);
}

/** Types the address and token and presses Connect. */
async function attempt(w: WizardPage, url: string, token: string): Promise<void> {
  await w.fill(w.page.getByLabel('XS4 Face server address'), url);
  await w.fill(w.page.getByLabel('Access token'), token);
  await w.click(w.button('Connect'));
}

/** Welcome, a first connection (certificate trusted), Integrations with Space added, then back to Connect by the step list. */
async function connectedThenBack(w: WizardPage, e: SetupEnv): Promise<void> {
  await flow.welcome(w, false);
  await flow.connect(w, e, false);
  await flow.addSpaceIntegration(w, false);
  await w.atStep(flow.T.spaceDetails);
  await w.click(
    w.page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('button', { name: /Connect to XS4 Face/ }),
  );
  await w.atStep(flow.T.connect);
}

/** What the core keeps: the saved address, the stored token (as text, compared only) and the pins. */
async function saved(
  e: SetupEnv,
): Promise<{ url: string; token: string | null; pins: Record<string, string> }> {
  const s = await e.deps.settings.get();
  return { url: s.faceServerUrl, token: await e.deps.secrets.get('faceToken'), pins: s.pinnedFingerprints };
}

describe('Connect for a hurried technician (issue 16)', () => {
  it('item 1: certificate then wrong token — Trust closes the dialog, the 401 shows and takes focus, nothing is pinned; a slow trust shows elapsed seconds', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);

    // Empty token, nobody signed in: said at once, not after a certificate question.
    await attempt(w, env.face.url, '');
    await waitForAlert(w, 'FACE_NO_TOKEN');
    expect(await certDialog(w).count()).toBe(0);

    // A wrong token: the certificate is asked about first; the server answers slowly.
    await attempt(w, env.face.url, WRONG_TOKEN);
    const dialog = certDialog(w);
    await dialog.waitFor({ timeout: 30_000 });
    env.face.setFaults({ latencyMs: 3000 });
    await w.click(dialog.getByRole('button', { name: 'Trust this certificate' }));
    // While it waits, the dialog says what for and counts the seconds.
    const timer = dialog.getByRole('timer');
    await expect.poll(() => timer.textContent(), { timeout: 10_000 }).toMatch(/^[1-9]\d* s$/);
    expect(await dialog.getByRole('status').textContent()).toContain(new URL(env.face.url).host);

    // The real answer: 401, not hidden behind the dialog, and focused.
    await waitForAlert(w, 'FACE_UNAUTHORIZED');
    expect(await certDialog(w).count()).toBe(0);
    await expect.poll(() => alert(w).evaluate(IS_FOCUSED), { timeout: 10_000 }).toBe(true);
    // Nothing was saved: no address, no token, no pin.
    expect(await saved(env)).toEqual({ url: '', token: null, pins: {} });
    await alert(w).scrollIntoViewIfNeeded();
    await screenshot(w.page, '16-cert-then-wrong-token.png');

    // The right token: connects without asking about the certificate again, and only now is everything saved.
    env.face.setFaults({ latencyMs: 0 });
    await attempt(w, env.face.url, env.face.token);
    await connected(w).waitFor({ timeout: 30_000 });
    expect(await certDialog(w).count()).toBe(0);
    const after = await saved(env);
    expect(after.token).toBe(env.face.token);
    expect(Object.values(after.pins).map((p) => p.replace(/:/g, '').toUpperCase())).toEqual([
      env.face.fingerprint256.replace(/:/g, '').toUpperCase(),
    ]);
  });

  it('item 2: a failed reconnect (wrong token, wrong port) keeps the working address, token and pin; Continue waits for "Keep the working connection"; no empty address is recorded', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await connectedThenBack(w, env);
    const working = await saved(env);
    expect(working.url).not.toBe('');

    await attempt(w, env.face.url, WRONG_TOKEN);
    await waitForAlert(w, 'FACE_UNAUTHORIZED');
    expect(await saved(env)).toEqual(working);
    expect(await continueButton(w).isEnabled()).toBe(false);

    // A typo in the port, the token pasted again: nothing answers there.
    const port = new URL(env.face.url);
    port.port = '1';
    await attempt(w, port.toString(), env.face.token);
    await waitForAlert(w, /^FACE_UNREACHABLE/);
    expect(await saved(env)).toEqual(working);
    expect(await continueButton(w).isEnabled()).toBe(false);
    expect(await w.page.getByText('Connect again, or keep the working connection.').count()).toBe(1);
    const keep = w.button('Keep the working connection');
    expect(
      await w.page.getByRole('status').filter({ hasText: 'Nothing was changed' }).textContent(),
    ).toContain(working.url);
    await keep.scrollIntoViewIfNeeded();
    await screenshot(w.page, '16-reconnect-kept.png');

    // Keeping it connects again with what was saved: the address returns to the field, Continue goes on.
    await w.click(keep);
    await connected(w).waitFor({ timeout: 30_000 });
    expect(await w.page.getByLabel('XS4 Face server address').inputValue()).toBe(working.url);
    expect(await alert(w).count()).toBe(0);
    await w.continue();
    await w.atStep(flow.T.integrations);
    await expect.poll(() => w.spaceCardStatus(), { timeout: 30_000 }).toMatch(/^Status: /);
    expect(await alert(w).count()).toBe(0);
    const progress = await env.deps.setup.service.progress();
    // The step summary is a page catalog key (said in the Summary's language) with the working address, never an empty one.
    expect(progress.done.connect?.summary).toEqual({
      key: 'setup:connect.summary',
      params: { url: working.url },
    });
    expect(env.problems.errors).toEqual([]);
  });

  it('item 2 (reload): a reload while the certificate dialog is open keeps the address and asks again; the working connection stays', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await connectedThenBack(w, env);
    const working = await saved(env);
    // The same server by another name: a new address, a certificate not trusted for it yet.
    const other = new URL(env.face.url);
    other.hostname = 'localhost';
    await attempt(w, other.toString(), env.face.token);
    await certDialog(w).waitFor({ timeout: 30_000 });
    expect(await saved(env)).toEqual(working);

    await env.page.reload();
    await w.atStep(flow.T.connect).catch(() => undefined);
    // The question is asked again, for the address typed.
    await certDialog(w).waitFor({ timeout: 15_000 });
    expect(await w.page.getByLabel('XS4 Face server address').inputValue()).toBe(other.toString());
    expect(await saved(env)).toEqual(working);

    // Refused: the working connection is kept and Continue goes on with it.
    await env.page.keyboard.press('Escape');
    await waitForAlert(w, 'CERT_REFUSED');
    await w.click(w.button('Keep the working connection'));
    await connected(w).waitFor({ timeout: 30_000 });
    await w.continue();
    await w.atStep(flow.T.integrations);
    await expect.poll(() => w.spaceCardStatus(), { timeout: 30_000 }).toMatch(/^Status: /);
    expect(await alert(w).count()).toBe(0);
  });

  it('item 7: after a failed reconnect the green "Connected to …" is gone; only the new error shows', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await attempt(w, env.face.url, env.face.token);
    await w.click(certDialog(w).getByRole('button', { name: 'Trust this certificate' }));
    await connected(w).waitFor({ timeout: 30_000 });

    await attempt(w, env.face.url, WRONG_TOKEN);
    await waitForAlert(w, 'FACE_UNAUTHORIZED');
    expect(await connected(w).count()).toBe(0);
    expect(await w.page.locator('.view .notice--ok').count()).toBe(0);
  });

  it('item 11: focus goes to the error or the Connected notice after the certificate dialog closes (Escape, Do not trust, Trust), never to <body>', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);

    await attempt(w, env.face.url, WRONG_TOKEN);
    await certDialog(w).waitFor({ timeout: 30_000 });
    await env.page.keyboard.press('Escape');
    await waitForAlert(w, 'CERT_REFUSED');
    await expect.poll(() => alert(w).evaluate(IS_FOCUSED), { timeout: 10_000 }).toBe(true);

    await attempt(w, env.face.url, WRONG_TOKEN);
    await w.click(certDialog(w).getByRole('button', { name: 'Do not trust' }));
    await waitForAlert(w, 'CERT_REFUSED');
    await expect.poll(() => alert(w).evaluate(IS_FOCUSED), { timeout: 10_000 }).toBe(true);

    await attempt(w, env.face.url, WRONG_TOKEN);
    await w.click(certDialog(w).getByRole('button', { name: 'Trust this certificate' }));
    await waitForAlert(w, 'FACE_UNAUTHORIZED');
    await expect.poll(() => alert(w).evaluate(IS_FOCUSED), { timeout: 10_000 }).toBe(true);

    // A trusted certificate that connects: focus on the result.
    const other = new URL(env.face.url);
    other.hostname = 'localhost';
    await attempt(w, other.toString(), env.face.token);
    await w.click(certDialog(w).getByRole('button', { name: 'Trust this certificate' }));
    await connected(w).waitFor({ timeout: 30_000 });
    await expect.poll(() => focusedTag(w), { timeout: 10_000 }).not.toBe('BODY');
    await expect
      .poll(() => w.page.locator('.view .notice--ok').first().evaluate(IS_FOCUSED), { timeout: 10_000 })
      .toBe(true);
  });
});

describe('Connect with the Microsoft sign-in (issue 14 b, d)', () => {
  it('issue 14 (b): after the sign-in the site › server picker preselects a server (the first online one), so "Use this server" works at once', async () => {
    env = await startSetupEnv({ signIn: true, twoSites: true });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    env.systemBrowser!.next({ kind: 'sign-in', email: EMAIL });
    await w.click(w.button('Sign in with Microsoft'));
    await w.click(certDialog(w).getByRole('button', { name: 'Trust this certificate' }));
    const picker = w.page.getByRole('region', { name: 'Choose the XS4 Face server' });
    await picker.waitFor({ timeout: 30_000 });
    expect(await picker.getByRole('radio', { name: 'Reception server' }).isChecked()).toBe(true);
    expect(await picker.getByRole('radio', { name: 'Warehouse server' }).isChecked()).toBe(false);
    const use = picker.getByRole('button', { name: 'Use this server' });
    expect(await use.isEnabled()).toBe(true);
    await w.click(use);
    await connected(w).waitFor({ timeout: 30_000 });
    // Asked again later, the remembered one is the one checked.
    await w.click(w.button('Connect'));
    await connected(w).waitFor({ timeout: 30_000 });
    await picker.waitFor({ timeout: 30_000 });
    expect(await picker.getByRole('radio', { name: 'Reception server' }).isChecked()).toBe(true);
    await w.continue();
    await w.atStep(flow.T.integrations);
    expect(await w.page.getByTestId('face-choice').textContent()).toBe(
      'XS4 Face server: Main building › Reception server',
    );
  });

  it('issue 14 (d): Sign out clears the "Connected" notice on screen, and Continue waits for a new connection', async () => {
    env = await startSetupEnv({ signIn: true });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    env.systemBrowser!.next({ kind: 'sign-in', email: EMAIL });
    await w.click(w.button('Sign in with Microsoft'));
    await w.click(certDialog(w).getByRole('button', { name: 'Trust this certificate' }));
    await connected(w).waitFor({ timeout: 30_000 });
    await w.click(w.button('Sign out'));
    await w.button('Sign in with Microsoft').waitFor({ timeout: 15_000 });
    expect(await connected(w).count()).toBe(0);
    expect(await continueButton(w).isEnabled()).toBe(false);
    expect(await w.page.getByText('Signed out. The sign-in was removed from this computer.').count()).toBe(1);
    expect(await focusedTag(w)).not.toBe('BODY');
  });
});
