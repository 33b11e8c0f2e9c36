// Long waits and resuming (issue 16, items 8 and 9) end to end: Chromium on the built renderer, window.xs4 bound to
// the real core over both simulators; the XS4 Face simulator's latency, drop, status and pending knobs make the waits.
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

/** Steps 1–5 without screenshots; `spaceKey` is what the technician typed into Space's SHIP tab. */
async function throughShipKey(w: WizardPage, e: SetupEnv, spaceKey?: string): Promise<string> {
  await flow.welcome(w, false);
  await flow.connect(w, e, false);
  await flow.addSpaceIntegration(w, false);
  await flow.spaceDetails(w, e, false);
  return flow.shipKey(w, e, spaceKey === undefined ? { shot: false } : { shot: false, spaceKey });
}

/** Connected, the Space integration added, on Space Server Details with the form filled in. */
async function atFilledSpaceDetails(w: WizardPage, e: SetupEnv): Promise<void> {
  await flow.welcome(w, false);
  await flow.connect(w, e, false);
  await flow.addSpaceIntegration(w, false);
  await w.atStep(flow.T.spaceDetails);
  await w.fill(w.page.getByLabel('Space server name or IP address'), '127.0.0.1');
  await w.fill(w.page.getByLabel('Port'), String(e.space.port));
}

/** Whether the technician sees `l` without scrolling: it intersects the viewport, clipped by every scrolling box. */
function inView(l: Locator): Promise<boolean> {
  return l.evaluate(
    (el) =>
      new Promise<boolean>((resolve) => {
        type Observer = { observe(e: unknown): void; disconnect(): void };
        const IO = (
          globalThis as unknown as {
            IntersectionObserver: new (
              cb: (entries: Array<{ intersectionRatio: number }>) => void,
            ) => Observer;
          }
        ).IntersectionObserver;
        const o = new IO((entries) => {
          resolve((entries[0]?.intersectionRatio ?? 0) > 0);
          o.disconnect();
        });
        o.observe(el);
      }),
  );
}

const stepButton = (w: WizardPage, name: string | RegExp) =>
  w.page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name });
const writePanel = (w: WizardPage) => w.page.getByRole('region', { name: 'Saving to XS4 Face' });

describe('long waits (issue 16, item 8)', () => {
  it('a slow save shows what it waits for, the elapsed time and Cancel; other steps stay readable; Cancel aborts the request and says the change may have reached XS4 Face', async () => {
    env = await startSetupEnv({ viewport: { width: 1024, height: 768 } });
    const w = new WizardPage(env.page);
    await atFilledSpaceDetails(w, env);
    // Every answer of XS4 Face takes 4.5 s (the app's requests wait up to 5 s here): the read before the write, the
    // write, the read back.
    env.face.setFaults({ latencyMs: 4500 });
    const putsBefore = env.face.hits('space.put');
    await w.click(w.button('Save to XS4 Face'));

    const panel = writePanel(w);
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getAttribute('data-write')).toBe('running');
    expect(await inView(panel)).toBe(true);
    expect(await panel.textContent()).toContain('Saving the Space Server Details');
    const timer = panel.getByRole('timer');
    await expect.poll(() => timer.textContent(), { timeout: 10_000 }).toMatch(/^Elapsed: [1-9]\d* s$/);
    const firstElapsed = (await timer.textContent()) ?? '';
    await expect.poll(() => timer.textContent(), { timeout: 10_000 }).not.toBe(firstElapsed);
    expect(await panel.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);

    // While it runs, Back and the step list still work: the technician reads another step and comes back.
    expect(await w.button('Back').isEnabled()).toBe(true);
    expect(await stepButton(w, /Welcome/).isEnabled()).toBe(true);
    await w.click(stepButton(w, /Integrations/));
    await w.atStep(flow.T.integrations);
    const elsewhere = w.page.getByRole('region', { name: 'Still running' });
    await elsewhere.waitFor({ timeout: 10_000 });
    expect(await elsewhere.textContent()).toContain('Saving the Space Server Details');
    await w.click(elsewhere.getByRole('button', { name: 'Go to Space Server Details' }));
    await w.atStep(flow.T.spaceDetails);
    await panel.waitFor({ timeout: 10_000 });
    // The form still shows what is being saved.
    expect(await w.page.getByLabel('Space server name or IP address').inputValue()).toBe('127.0.0.1');
    expect(await w.page.getByLabel('Port').inputValue()).toBe(String(env.space.port));

    // The write request is on its way: XS4 Face holds every answer 4.5 s before it acts (the simulator counts a
    // request when its latency has passed), so the write has not been answered yet.
    await expect
      .poll(() => panel.textContent(), { timeout: 20_000, interval: 100 })
      .toContain('sending the change');
    expect(env.face.hits('space.put')).toBe(putsBefore);
    await screenshot(w.page, '16-long-save-progress-cancel.png');
    const cancelledAt = Date.now();
    await w.click(panel.getByRole('button', { name: 'Cancel' }));

    // Aborted at once: XS4 Face would have answered the write only about 4 s later (the read back would come after
    // it), and the page says what that means.
    await expect
      .poll(() => panel.getAttribute('data-write'), { timeout: 10_000, interval: 100 })
      .toBe('unconfirmed');
    expect(Date.now() - cancelledAt).toBeLessThan(3_000);
    expect(await panel.textContent()).toContain('may have been applied');
    expect(await w.page.locator('.view [role="alert"]').count()).toBe(0);

    // Checking reads back what XS4 Face holds and says whether the change is there.
    await w.click(panel.getByRole('button', { name: 'Check what XS4 Face holds' }));
    await expect
      .poll(() => panel.getAttribute('data-write'), { timeout: 30_000, interval: 250 })
      .toMatch(/^(applied|absent)$/);
    const held = env.face.serverState().space;
    const applied = held.host === '127.0.0.1' && held.port === env.space.port;
    expect(await panel.getAttribute('data-write')).toBe(applied ? 'applied' : 'absent');
    if (applied) await expect.poll(() => w.page.locator('[data-continue]').isEnabled()).toBe(true);
  });

  it('a pending Enrollment Service write shows the pending-write panel with its elapsed time, where the technician looks', async () => {
    env = await startSetupEnv({ viewport: { width: 1024, height: 768 } });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await flow.jumpTo(w, 'enrollment');
    await w.atStep(flow.T.enrollment);
    // XS4 Face answers slowly, and the on-site XS4 Face server takes 8 s to receive the change.
    env.face.setFaults({ latencyMs: 1500, pendingMs: 8000 });
    await w.fill(w.page.getByLabel('Company name'), 'Hotel Miramar S.L.');
    await w.fill(w.page.getByLabel('Privacy policy URL'), env.policyUrl);
    await w.click(w.button('Save and check the policy'));
    // First the write itself, on screen: what it saves and what it waits for.
    const saving = writePanel(w);
    await saving.waitFor({ timeout: 10_000 });
    expect(await saving.textContent()).toContain('Saving the Enrollment Service settings');
    expect(await inView(saving)).toBe(true);
    const panel = w.page.getByRole('region', { name: 'Waiting for the XS4 Face server' });
    await panel.getByRole('timer').waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('waiting for the XS4 Face server to receive it');
    await expect
      .poll(() => panel.getByRole('timer').textContent(), { timeout: 10_000 })
      .toMatch(/^Waiting for [1-9] s\.$/);
    // At 1024×768 the panel is on screen, not below the fold under the form and the guidance.
    expect(await inView(panel)).toBe(true);
    // Received: the panel goes, the values are read back and the policy is checked.
    await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
    expect(env.face.serverState().enrollment.companyName).toBe('Hotel Miramar S.L.');
  });

  it('a connection dropped during a save says the change may have been applied and reads it back on request', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await atFilledSpaceDetails(w, env);
    // XS4 Face does the work, then the connection is cut before its answer is complete.
    env.face.setFaults({ drop: ['space.put'] });
    await w.click(w.button('Save to XS4 Face'));
    const panel = writePanel(w);
    await expect
      .poll(() => panel.getAttribute('data-write'), { timeout: 20_000, interval: 250 })
      .toBe('unconfirmed');
    const said = (await panel.textContent()) ?? '';
    expect(said).toContain('The connection to XS4 Face ended before it confirmed the change');
    expect(said).toContain('may have been applied');
    env.face.clearFaults();
    await w.click(panel.getByRole('button', { name: 'Check what XS4 Face holds' }));
    await expect
      .poll(() => panel.getAttribute('data-write'), { timeout: 20_000, interval: 250 })
      .toBe('applied');
    expect(await panel.textContent()).toContain('XS4 Face holds the change');
    expect(env.face.serverState().space.host).toBe('127.0.0.1');
    // Read back and verified: the step may go on, and the history has the write.
    await expect.poll(() => w.page.locator('[data-continue]').isEnabled()).toBe(true);
  });

  it('a failed background refresh of the Integrations cards is shown quietly and goes away once a refresh works', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await w.atStep(flow.T.integrations);
    await w.click(w.button('Add integration'));
    const dialog = w.page.getByRole('dialog', { name: 'Add integration' });
    await w.click(dialog.getByRole('switch', { name: /Salto Space/ }));
    await w.click(dialog.getByRole('button', { name: 'Continue' }));
    const card = w.page.locator('.view .card', { hasText: 'Salto Space' });
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).not.toContain('Not added yet');
    await expect.poll(() => w.button('Add integration').isEnabled(), { timeout: 15_000 }).toBe(true);

    env.face.setFaults({ status: { 'integrations.list': 503 } });
    const note = w.page.getByTestId('refresh-failed');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.textContent()).toMatch(/^Could not refresh the status at .+: /);
    // Quiet: not an error that replaces the step, the cards stay as last read.
    expect(await w.page.locator('.view [role="alert"]').count()).toBe(0);
    expect(await w.spaceCardStatus()).toMatch(/^Status: /);
    env.face.clearFaults();
    await note.waitFor({ state: 'detached', timeout: 20_000 });
  });
});

describe('resuming (issue 16, item 9)', () => {
  it('keeps the Verify result after a reload and after reopening: Connected stays and Continue is enabled', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await throughShipKey(w, env);
    await flow.jumpTo(w, 'verify');
    await w.atStep(flow.T.verify);
    await w.click(w.button('Verify'));
    const badge = () => w.page.locator('.view #verify-result').getByRole('img').getAttribute('aria-label');
    await expect.poll(badge, { timeout: 60_000, interval: 500 }).toBe('Status: Connected');

    await env.page.reload();
    await w.atStep(flow.T.verify);
    await expect.poll(badge, { timeout: 15_000 }).toBe('Status: Connected');
    await expect.poll(() => w.page.locator('[data-continue]').isEnabled(), { timeout: 5_000 }).toBe(true);

    await env.reopen();
    const again = new WizardPage(env.page);
    await again.atStep(flow.T.verify);
    await expect
      .poll(() => again.page.locator('.view #verify-result').getByRole('img').getAttribute('aria-label'), {
        timeout: 15_000,
      })
      .toBe('Status: Connected');
    expect(await again.page.locator('[data-continue]').isEnabled()).toBe(true);
  });

  it('shows after a reload during Verify that a verification is running, and resumes following it', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    // Space has another key: the status stays Unauthorized and the verification keeps following it.
    const key = await throughShipKey(w, env, 'the-key-someone-typed-in-space');
    await flow.jumpTo(w, 'verify');
    await w.atStep(flow.T.verify);
    await w.click(w.button('Verify'));
    await w.page
      .getByRole('region', { name: 'Verifying' })
      .getByRole('progressbar')
      .waitFor({ timeout: 15_000 });

    await env.page.reload();
    await w.atStep(flow.T.verify);
    const notice = w.page.locator('.view [data-verify="running"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/A verification started at .+ is still running/);
    await w.click(notice.getByRole('button', { name: 'Resume' }));
    const panel = w.page.getByRole('region', { name: 'Verifying' });
    await panel.getByRole('progressbar').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => panel.getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Unauthorized');
    // The technician types the right key into Space: the verification it resumed sees Connected.
    env.space.setState({ key });
    await expect
      .poll(() => w.page.locator('.view #verify-result').getByRole('img').getAttribute('aria-label'), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe('Status: Connected');
    expect(await w.page.locator('[data-continue]').isEnabled()).toBe(true);
  });

  it('going back through the step list keeps the later steps reachable, also while a step loads, with their checks', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await throughShipKey(w, env);
    await flow.installScript(w, false);
    await flow.spaceSettings(w, false);
    await flow.faceRecognition(w, env, false);
    await w.atStep(flow.T.enrollment);
    const checksShown = await w.page.locator('.view .checks').count();
    expect(checksShown).toBe(0);

    // A slow XS4 Face: the Integrations step loads for seconds after the jump back.
    env.face.setFaults({ latencyMs: 2500 });
    await w.click(stepButton(w, /Integrations/));
    await w.atStep(flow.T.integrations);
    for (const later of [/Space settings/, /Face recognition values/, /Enrollment Service/])
      expect(await stepButton(w, later).isEnabled()).toBe(true);
    expect(await stepButton(w, /Verify the link/).isEnabled()).toBe(false);

    // Space settings shows the results it had, without running the checks again.
    await w.click(stepButton(w, /Space settings/));
    await w.atStep(flow.T.spaceSettings);
    await w.page.locator('.view .checks').waitFor({ timeout: 5_000 });
    expect(await w.page.getByRole('region', { name: 'Running checks' }).count()).toBe(0);
    env.face.clearFaults();
    await w.click(stepButton(w, /Enrollment Service/));
    await w.atStep(flow.T.enrollment);
  });
});
