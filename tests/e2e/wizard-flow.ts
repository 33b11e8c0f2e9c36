// The technician's path through the wizard, step by step, shared by the mouse and keyboard-only runs.
// Actions a technician does in Space by hand (typing the SHIP key in the SHIP tab) are done on the Space simulator.
import { expect } from 'vitest';
import type { StepId } from '../../contract/steps';
import type { SetupEnv } from './setup-env';
import type { WizardPage } from './wizard-page';

export const T = {
  welcome: 'Link Salto Space to XS4 Face',
  connect: 'Connect to XS4 Face',
  integrations: 'Integrations',
  spaceDetails: 'Space Server Details',
  shipKey: 'SHIP API Key',
  installScript: 'Space Install Script',
  spaceSettings: 'Space settings',
  faceRecognition: 'Face recognition values',
  enrollment: 'Enrollment Service',
  verify: 'Verify the link',
  summary: 'Summary',
} as const;

export async function welcome(w: WizardPage, shot = true): Promise<void> {
  await w.atStep(T.welcome, shot ? '01-welcome' : undefined);
  await w.click(w.button('Start setup'));
}

/** Connects, trusting the simulator's self-signed certificate in the dialog after checking its fingerprint. */
export async function connect(w: WizardPage, env: SetupEnv, shot = true): Promise<void> {
  await w.atStep(T.connect);
  await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
  await w.fill(w.page.getByLabel('Access token'), env.face.token);
  await w.click(w.button('Connect'));
  const dialog = w.page.getByRole('alertdialog', { name: 'Trust this certificate?' });
  await dialog.waitFor({ timeout: 15_000 });
  const shown = (await w.page.getByTestId('cert-fingerprint').textContent())?.replace(/:/g, '').toUpperCase();
  expect(shown).toBe(env.face.fingerprint256.replace(/:/g, '').toUpperCase());
  if (shot) await w.shot('02-connect-certificate');
  await w.click(dialog.getByRole('button', { name: 'Trust this certificate' }));
  await w.page.getByText(/^Connected to /).waitFor({ timeout: 15_000 });
  if (shot) await w.shot('02-connect');
  await w.continue();
}

export async function addSpaceIntegration(w: WizardPage, shot = true): Promise<void> {
  await w.atStep(T.integrations);
  await w.click(w.button('Add integration'));
  const dialog = w.page.getByRole('dialog', { name: 'Add integration' });
  await w.click(dialog.getByRole('switch', { name: /Salto Space/ }));
  if (shot) await w.shot('03-integrations-add');
  await w.click(dialog.getByRole('button', { name: 'Continue' }));
  await expect.poll(() => w.spaceCardStatus(), { timeout: 15_000 }).toMatch(/^Status: /);
  if (shot) await w.shot('03-integrations');
  await w.continue();
}

export async function spaceDetails(w: WizardPage, env: SetupEnv, shot = true): Promise<void> {
  await w.atStep(T.spaceDetails);
  await w.fill(w.page.getByLabel('Space server name or IP address'), '127.0.0.1');
  await w.fill(w.page.getByLabel('Port'), String(env.space.port));
  await w.click(w.button('Save to XS4 Face'));
  await w.page.getByText(/Saved and read back from XS4 Face/).waitFor({ timeout: 30_000 });
  if (shot) await w.shot('04-space-details');
  await w.continue();
}

/**
 * Generates the key, reveals it as a technician would to type it into Space's SHIP tab, and "types" it there
 * (the Space simulator's state). `spaceKey` overrides what is typed in Space (a wrong key for the Unauthorized test).
 */
export async function shipKey(
  w: WizardPage,
  env: SetupEnv,
  opts: { shot?: boolean; spaceKey?: string } = {},
): Promise<string> {
  await w.atStep(T.shipKey);
  await w.click(w.button('Generate and save'));
  await w.page.getByText(/^Fingerprint [0-9a-f]{8}/).waitFor({ timeout: 30_000 });
  await w.click(w.button('Show SHIP API Key'));
  const shown = w.page.getByTestId('secret-value').first();
  await expect.poll(() => shown.textContent(), { timeout: 10_000 }).toMatch(/^[A-Za-z0-9]{32}$/);
  const value = ((await shown.textContent()) ?? '').trim();
  await w.click(w.button('Hide SHIP API Key'));
  env.space.setState({ key: opts.spaceKey ?? value, auth: 'custom' });
  if (opts.shot !== false) await w.shot('05-ship-key');
  await w.continue();
  return value;
}

export async function installScript(w: WizardPage, shot = true): Promise<void> {
  await w.atStep(T.installScript);
  await w.click(w.button('Load and inspect'));
  await w.page.getByTestId('script-sha256').waitFor({ timeout: 30_000 });
  // Off Windows the step offers no run: the technician confirms the script was run on the Space server.
  const run = w.button(/Run as administrator/);
  if ((await run.count()) > 0) {
    await w.click(run);
    await w.page.locator('.view [data-outcome]').waitFor({ timeout: 60_000 });
  }
  if (shot) await w.shot('06-install-script');
  const result = w.page.locator('.view [data-outcome]');
  const outcome = (await result.count()) > 0 ? await result.getAttribute('data-outcome') : null;
  if (outcome !== 'succeeded') await w.check(w.page.getByLabel(/already run on (this|the Space) server/));
  await w.continue();
}

export async function spaceSettings(w: WizardPage, shot = true): Promise<void> {
  await w.atStep(T.spaceSettings);
  await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
  if (shot) await w.shot('07-space-settings');
  await w.continue();
}

export async function faceRecognition(w: WizardPage, env: SetupEnv, shot = true): Promise<void> {
  await w.atStep(T.faceRecognition);
  await w.page.locator('.view table.values tbody tr').first().waitFor({ timeout: 30_000 });
  // The technician types the non-secret values into Space's Face recognition tab.
  const rows = (await w.page
    .locator('.view table.values tbody tr')
    .evaluateAll((trs) =>
      (trs as unknown as Array<{ querySelector(s: string): { textContent: string | null } | null }>).map(
        (tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td .mono')?.textContent ?? ''],
      ),
    )) as Array<[string, string]>;
  env.space.setState({ faceRecognition: Object.fromEntries(rows.filter(([, v]) => v !== '')) });
  if (shot) await w.shot('08-face-recognition');
  await w.check(w.page.getByLabel(/I have entered these values/));
  await w.continue();
}

export async function enrollment(w: WizardPage, env: SetupEnv, shot = true): Promise<void> {
  await w.atStep(T.enrollment);
  await w.fill(w.page.getByLabel('Company name'), 'Hotel Miramar S.L.');
  await w.fill(w.page.getByLabel('Privacy policy URL'), env.policyUrl);
  await w.click(w.button('Save and check the policy'));
  await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
  if (shot) await w.shot('09-enrollment');
  await w.continue();
}

export async function verifyConnected(w: WizardPage, shot = true): Promise<void> {
  await w.atStep(T.verify);
  await w.click(w.button(/^(Verify|Verify again)$/));
  await expect
    .poll(() => w.page.locator('.view #verify-result').getByRole('img').getAttribute('aria-label'), {
      timeout: 150_000,
      interval: 500,
    })
    .toBe('Status: Connected');
  if (shot) await w.shot('10-verify');
  await w.continue();
}

export async function summary(w: WizardPage, shot = true): Promise<void> {
  await w.atStep(T.summary);
  await w.page.getByTestId('history').waitFor({ timeout: 15_000 });
  if (shot) {
    await w.shot('11-summary');
    // The changes made, each named in words (below the steps table).
    await w.page.getByTestId('history').scrollIntoViewIfNeeded();
    await w.shot('11-summary-changes');
  }
}

interface PageXs4 {
  xs4: {
    setup: {
      progress(): Promise<{ current: StepId }>;
      markStep(i: { step: StepId; summary: string | null; next: StepId }): Promise<unknown>;
    };
  };
}

/**
 * Moves the wizard to `step` through the core (as the step list does), then reloads: for steps whose earlier steps
 * only need to have been done in XS4 Face, not shown again here.
 */
export async function jumpTo(w: WizardPage, step: StepId): Promise<void> {
  await w.page.evaluate(async (next) => {
    const { xs4 } = globalThis as unknown as PageXs4;
    const { current } = await xs4.setup.progress();
    await xs4.setup.markStep({ step: current, summary: null, next });
  }, step);
  await w.page.reload();
}
