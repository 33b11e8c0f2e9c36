// A failed write and where focus goes (issue 16, items 7 and 11) end to end: Chromium on the built renderer, window.xs4
// bound to the real core over both simulators. After a write that XS4 Face refuses (the simulator's failWrites), the
// step shows that failure alone — no earlier success beside it; after Continue in Add integration and after Verify,
// keyboard focus is on what answered (the new row, the result heading, the error), never on <body>.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
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

/** What has keyboard focus: its tag, id, classes, role, data-testid and text, or "BODY" for none in particular. */
interface Focused {
  tag: string;
  id: string;
  className: string;
  role: string | null;
  text: string;
}

async function focused(w: WizardPage): Promise<Focused> {
  return w.page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: {
          activeElement: {
            tagName: string;
            id: string;
            className: string;
            textContent: string | null;
            getAttribute(n: string): string | null;
          } | null;
          body: unknown;
        };
      }
    ).document;
    const el = doc.activeElement;
    if (el === null || el === doc.body) return { tag: 'BODY', id: '', className: '', role: null, text: '' };
    return {
      tag: el.tagName,
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      role: el.getAttribute('role'),
      text: (el.textContent ?? '').slice(0, 200),
    };
  });
}

/** True when `l` has keyboard focus. */
function hasFocus(l: Locator): Promise<boolean> {
  return l.evaluate(
    (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );
}

/** Samples where focus is, every 50 ms, until `done` resolves: every element focus was on meanwhile. */
async function focusWhile(w: WizardPage, done: Promise<unknown>): Promise<Focused[]> {
  const seen: Focused[] = [];
  let over = false;
  void done.finally(() => (over = true));
  while (!over) {
    seen.push(await focused(w));
    await new Promise((r) => setTimeout(r, 50));
  }
  seen.push(await focused(w));
  return seen;
}

const alert = (w: WizardPage) => w.page.locator('.view [role="alert"]');

describe('writes and focus (issue 16)', () => {
  it('item 7 (write): after a write XS4 Face refuses, the privacy policy results of the last save are gone and only the new error shows', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await flow.jumpTo(w, 'enrollment');
    await w.atStep(flow.T.enrollment);
    await w.fill(w.page.getByLabel('Company name'), 'Hotel Miramar S.L.');
    await w.fill(w.page.getByLabel('Privacy policy URL'), env.policyUrl);
    await w.click(w.button('Save and check the policy'));
    const policy = w.page.locator('.view [data-check="enrollment.privacy-policy"]');
    await expect
      .poll(() => policy.getByRole('img').getAttribute('aria-label'), { timeout: 60_000 })
      .toBe('Status: Pass');
    await expect.poll(() => w.page.locator('[data-continue]').isEnabled(), { timeout: 15_000 }).toBe(true);

    // A new company name; the on-site XS4 Face server refuses the change.
    env.face.setFaults({ failWrites: true });
    await w.fill(w.page.getByLabel('Company name'), 'Hotel Miramar Norte S.L.');
    await w.click(w.button('Save and check the policy'));
    await expect
      .poll(() => alert(w).getAttribute('data-code'), { timeout: 60_000 })
      .toBe('FACE_WRITE_FAILED');

    // Only the failure: no passing result of the earlier save under it (or marked as stale), nothing green beside it.
    const view = w.page.locator('.view');
    expect(await alert(w).count()).toBe(1);
    const cards = view.locator('.checks .check');
    for (let i = 0; i < (await cards.count()); i++)
      expect(await cards.nth(i).getAttribute('data-stale'), `card ${i} is a result of the earlier save`).toBe(
        'true',
      );
    expect(await view.getByRole('img', { name: 'Status: Pass' }).count()).toBe(0);
    expect(await view.locator('.notice--ok').count()).toBe(0);
    expect(env.face.serverState().enrollment.companyName).toBe('Hotel Miramar S.L.');
    // The step may not be left with the refused change on screen as if it were saved.
    expect(await w.page.locator('[data-continue]').isEnabled()).toBe(false);
    expect(env.problems.errors).toEqual([]);
  });

  it('item 7 (write): after a failed save of the Space Server Details the earlier "Saved and read back" is gone; only the error shows', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await flow.addSpaceIntegration(w, false);
    await w.atStep(flow.T.spaceDetails);
    await w.fill(w.page.getByLabel('Space server name or IP address'), '127.0.0.1');
    await w.fill(w.page.getByLabel('Port'), String(env.space.port));
    await w.click(w.button('Save to XS4 Face'));
    await w.page.getByText(/Saved and read back from XS4 Face/).waitFor({ timeout: 30_000 });

    env.face.setFaults({ failWrites: true });
    await w.click(w.button('Save to XS4 Face'));
    await expect
      .poll(() => alert(w).getAttribute('data-code'), { timeout: 60_000 })
      .toBe('FACE_WRITE_FAILED');
    expect(await w.page.getByText(/Saved and read back from XS4 Face/).count()).toBe(0);
    expect(await w.page.locator('.view .notice--ok').count()).toBe(0);
    expect(await alert(w).count()).toBe(1);
  });

  it('item 11: after Continue in Add integration, focus is on the new Salto Space row while it is written and after, never on <body>', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await w.atStep(flow.T.integrations);
    const card = w.page.locator('.view .card', { hasText: 'Salto Space' });
    await card.waitFor({ timeout: 15_000 });
    await w.click(w.button('Add integration'));
    const dialog = w.page.getByRole('dialog', { name: 'Add integration' });
    await w.click(dialog.getByRole('switch', { name: /Salto Space/ }));
    // A slow XS4 Face: the write takes a few seconds, during which focus must stay somewhere meaningful.
    env.face.setFaults({ latencyMs: 800 });
    const next = dialog.getByRole('button', { name: 'Continue' });
    await next.focus();
    await w.page.keyboard.press('Enter');
    const added = expect
      .poll(() => card.textContent(), { timeout: 30_000 })
      .not.toContain('Not added yet')
      .then(() => expect.poll(() => w.button('Add integration').isEnabled(), { timeout: 15_000 }).toBe(true));
    const seen = await focusWhile(w, added);
    await added;
    expect(seen.filter((f) => f.tag === 'BODY')).toEqual([]);
    // Where it ends: the new row, the Salto Space card.
    expect(isSaltoCard(seen[seen.length - 1]!)).toBe(true);
    expect(await hasFocus(card)).toBe(true);
    expect(await card.getAttribute('aria-pressed')).toBe('true');
  });

  it('item 11: after Verify, focus is on the verification as it runs, then on the result heading; after a failed one, on the error — never on <body>', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await flow.addSpaceIntegration(w, false);
    await flow.spaceDetails(w, env, false);
    await flow.shipKey(w, env, { shot: false });
    await flow.jumpTo(w, 'verify');
    await w.atStep(flow.T.verify);

    await w.button('Verify').focus();
    await w.page.keyboard.press('Enter');
    const badge = w.page.locator('.view #verify-result').getByRole('img');
    const connected = expect
      .poll(() => badge.getAttribute('aria-label'), { timeout: 90_000, interval: 250 })
      .toBe('Status: Connected');
    const seen = await focusWhile(w, connected);
    await connected;
    expect(seen.filter((f) => f.tag === 'BODY')).toEqual([]);
    // The result heading, which names the result and its status.
    const heading = w.page.locator('.view #verify-result');
    await expect.poll(() => hasFocus(heading), { timeout: 10_000 }).toBe(true);
    expect((await focused(w)).text).toContain('Connected');

    // XS4 Face refuses the token now: the verification fails, and focus is on the error.
    env.face.setFaults({ status: { '*': 401 } });
    await w.button('Verify again').focus();
    await w.page.keyboard.press('Enter');
    const failed = expect.poll(() => alert(w).count(), { timeout: 60_000, interval: 250 }).toBe(1);
    const during = await focusWhile(w, failed);
    await failed;
    expect(during.filter((f) => f.tag === 'BODY')).toEqual([]);
    await expect.poll(() => hasFocus(alert(w)), { timeout: 10_000 }).toBe(true);
    expect(await alert(w).getAttribute('data-code')).toBe('FACE_UNAUTHORIZED');
    // The earlier "Connected" is not left beside the failure.
    expect(await w.page.locator('.view #verify-result').count()).toBe(0);
    expect(await w.page.locator('.view .notice--ok').count()).toBe(0);
  });
});

/** The focused element is an integration card that names Salto Space. */
function isSaltoCard(f: Focused): boolean {
  return f.className.split(/\s+/).includes('card') && f.text.includes('Salto Space');
}
