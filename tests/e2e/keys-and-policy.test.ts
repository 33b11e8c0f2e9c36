// Issue 16, items 3, 4 and 10 end to end: a new SHIP key is never written without asking (it invalidates what Space
// has), the privacy policy is checked before it is saved (a 404 is refused, failures listed first), and the Install
// Script step off Windows says plainly that it cannot run here. Chromium at 1024×768 against both simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { startSetupEnv, type SetupEnv } from './setup-env';
import { WizardPage } from './wizard-page';
import { screenshot } from './harness';
import * as flow from './wizard-flow';
import { faceKeyFingerprint } from '../../main/core/secrets/fingerprint';
import { en } from '../../messages/render';
import type { Sayable } from '../../contract/text';

const SMALL_SCREEN = { width: 1024, height: 768 };

let env: SetupEnv | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await env?.page
      .screenshot({ path: `tests/e2e/.artifacts/fail-${ctx.task.id}.png`, fullPage: true })
      .catch(() => undefined);
  await env?.close();
  env = undefined;
});

/** Steps 1–5 without screenshots; Space's SHIP tab holds the generated key. */
async function throughShipKey(w: WizardPage, e: SetupEnv): Promise<string> {
  await flow.welcome(w, false);
  await flow.connect(w, e, false);
  await flow.addSpaceIntegration(w, false);
  await flow.spaceDetails(w, e, false);
  return flow.shipKey(w, e, { shot: false });
}

/** The history as the Summary lists it, read through the page's own door. */
/** The history as the page's API returns it, each summary said in English (the history keeps catalog keys). */
async function historyTargets(w: WizardPage): Promise<Array<{ target: string; summary: string }>> {
  const list = await w.page.evaluate(() =>
    (
      globalThis as unknown as {
        xs4: { history: { list(): Promise<Array<{ target: string; summary: Sayable }>> } };
      }
    ).xs4.history.list(),
  );
  return list.map((h) => ({ target: h.target, summary: en(h.summary) }));
}

/** True when the whole element is inside the viewport (not below the fold). Runs in the page. */
const IN_VIEW = (el: unknown): boolean => {
  const box = (el as { getBoundingClientRect(): { top: number; bottom: number } }).getBoundingClientRect();
  const height = (globalThis as unknown as { innerHeight: number }).innerHeight;
  return box.top >= 0 && box.bottom <= height;
};

describe('keys and policy (issue 16)', () => {
  it('item 3: a second "Generate and save" asks before it replaces the SHIP API key and says to retype it in Space\'s SHIP tab', async () => {
    env = await startSetupEnv({ viewport: SMALL_SCREEN });
    const w = new WizardPage(env.page);
    const first = await throughShipKey(w, env);
    await w.click(w.button('Back'));
    await w.atStep(flow.T.shipKey);
    const writes = env.face.hits('space.put');

    await w.click(w.button('Generate and save'));
    const dialog = w.page.getByRole('alertdialog', { name: 'Replace the SHIP API key?' });
    await dialog.waitFor({ timeout: 15_000 });
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(faceKeyFingerprint(first));
    expect(text).toContain('Unauthorized');
    expect(text).toContain('Then retype the new key in Space: General options › SHIP tab');
    await screenshot(w.page, '16-ship-key-replace-confirm.png');

    // Cancel (the focused button): nothing is written, XS4 Face keeps the key Space has.
    await w.click(dialog.getByRole('button', { name: 'Cancel' }));
    await dialog.waitFor({ state: 'detached' });
    expect(env.face.serverState().space.shipApiKey).toBe(first);
    expect(env.face.hits('space.put')).toBe(writes);

    // A typed key that differs asks too.
    await w.check(w.page.getByLabel('Enter a key'));
    await w.fill(w.page.getByLabel('Key', { exact: true }), 'AnotherKeyTypedByHand0123');
    await w.click(w.button('Save key'));
    await dialog.waitFor({ timeout: 15_000 });
    await w.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(env.face.serverState().space.shipApiKey).toBe(first);

    // Confirmed: replaced, and the step says where the new key must be typed.
    await w.check(w.page.getByLabel(/Generate a new key/));
    await w.click(w.button('Generate and save'));
    await dialog.waitFor({ timeout: 15_000 });
    await w.click(dialog.getByRole('button', { name: 'Replace the key' }));
    await w.page.getByText(/^The SHIP API key was replaced\./).waitFor({ timeout: 30_000 });
    const second = env.face.serverState().space.shipApiKey;
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(
      await w.page
        .getByText(/^Fingerprint /)
        .first()
        .textContent(),
    ).toContain(faceKeyFingerprint(second!));

    // The Authentication key reset asks in the same words: what must be retyped, and where.
    await w.click(w.button(/Reset Authentication API key/));
    const reset = w.page.getByRole('alertdialog', { name: 'Reset the Authentication API key?' });
    await reset.waitFor({ timeout: 15_000 });
    expect(await reset.textContent()).toContain(
      'Then retype the new key in Space: General options › Face recognition tab',
    );
    await w.click(reset.getByRole('button', { name: 'Cancel' }));
    expect(env.problems.errors).toEqual([]);
  });

  it('item 4: a privacy policy that answers 404 is checked before it is saved, refused, and its failure is listed first', async () => {
    env = await startSetupEnv({ viewport: SMALL_SCREEN });
    const w = new WizardPage(env.page);
    await throughShipKey(w, env);
    await flow.installScript(w, false);
    await flow.spaceSettings(w, false);
    await flow.faceRecognition(w, env, false);
    await w.atStep(flow.T.enrollment);
    const missing = env.policyUrl.replace(/\/privacy$/, '/old-privacy');
    await w.fill(w.page.getByLabel('Company name'), 'Hotel Miramar S.L.');
    await w.fill(w.page.getByLabel('Privacy policy URL'), missing);
    await w.click(w.button('Save and check the policy'));

    const refused = w.page.getByTestId('policy-refused');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('Not saved');
    // Nothing reached XS4 Face, and the history has no write of it.
    expect(env.face.serverState().enrollment).toEqual({ companyName: '', privacyPolicyUrl: '' });
    expect((await historyTargets(w)).map((h) => h.target)).not.toContain('face:enrollment');
    // Failures first: the first card is the failing policy, in view at 1024×768.
    const first = w.page.locator('.view .checks .check').first();
    expect(await first.getAttribute('data-check')).toBe('enrollment.privacy-policy');
    expect(await first.getByRole('img').getAttribute('aria-label')).toBe('Status: Fail');
    expect(await first.textContent()).toContain('HTTP 404');
    await expect
      .poll(() => first.locator('.check__summary').evaluate(IN_VIEW), { timeout: 5_000 })
      .toBe(true);
    // Not "Continue anyway": nothing was saved, so the step cannot be left as if it had been.
    const next = w.page.locator('[data-continue]');
    expect(await next.textContent()).toBe('Continue');
    expect(await next.isDisabled()).toBe(true);
    await screenshot(w.page, '16-policy-404-refused.png');

    // Saving it anyway is a decision, asked for with the failure in front of the technician, and recorded as such.
    await w.click(w.button('Save anyway…'));
    const dialog = w.page.getByRole('alertdialog', { name: 'Save a privacy policy that fails its check?' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toContain(missing);
    await w.click(dialog.getByRole('button', { name: 'Save anyway' }));
    await expect
      .poll(() => env!.face.serverState().enrollment.privacyPolicyUrl, { timeout: 30_000 })
      .toBe(missing);
    await expect
      .poll(
        async () => (await historyTargets(w)).find((h) => h.target === 'face:enrollment')?.summary ?? '',
        {
          timeout: 15_000,
        },
      )
      .toContain('although its check failed');
    await expect.poll(() => next.textContent(), { timeout: 15_000 }).toBe('Continue anyway');

    // A policy that passes is saved at once, and the passing card follows.
    await w.fill(w.page.getByLabel('Privacy policy URL'), env.policyUrl);
    await w.click(w.button('Save and check the policy'));
    await expect
      .poll(() => env!.face.serverState().enrollment.privacyPolicyUrl, { timeout: 30_000 })
      .toBe(env.policyUrl);
    await expect
      .poll(
        () =>
          w.page
            .locator('.view [data-check="enrollment.privacy-policy"]')
            .getByRole('img')
            .getAttribute('aria-label'),
        { timeout: 15_000 },
      )
      .toBe('Status: Pass');
    expect(await w.page.getByTestId('policy-refused').count()).toBe(0);
    expect(env.problems.errors).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')(
    'item 10: off Windows the Install Script step says it cannot run here and how to go on, without a fake run',
    async () => {
      env = await startSetupEnv({ viewport: SMALL_SCREEN });
      const w = new WizardPage(env.page);
      await throughShipKey(w, env);
      await w.atStep(flow.T.installScript);
      const offWindows = w.page.getByTestId('script-off-windows');
      await offWindows.waitFor({ timeout: 10_000 });
      expect(await offWindows.textContent()).toContain('cannot run on this computer');
      expect(await offWindows.textContent()).toContain('already run');
      const hint = w.page.locator('.view .step__hint');
      expect(await hint.textContent()).not.toContain('Run the script successfully first');
      expect(await hint.textContent()).toContain('already run');

      await w.click(w.button('Load and inspect'));
      await w.page.getByTestId('script-sha256').waitFor({ timeout: 30_000 });
      const view = w.page.locator('.view');
      // The signature by a translated name; no run offered that cannot happen, no run result that did not happen.
      expect(await w.page.getByTestId('script-signature').textContent()).toContain(
        'Not checked on this computer',
      );
      expect(await w.button(/Run as administrator/).count()).toBe(0);
      expect(await w.button('Run again').count()).toBe(0);
      const text = (await view.textContent()) ?? '';
      for (const wrong of [
        'NotChecked',
        'Finished.',
        'No output yet.',
        'Exit code',
        'Scripts can only run on Windows.',
      ])
        expect(text).not.toContain(wrong);

      await w.check(w.page.getByLabel(/already run on the Space server/));
      await w.continue();
      await w.atStep(flow.T.spaceSettings);
      // The step starts its checks: let them finish before the browser closes.
      await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
    },
  );
});
