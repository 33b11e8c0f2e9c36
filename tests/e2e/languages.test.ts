// Every word in the technician's language: the wizard in each of the six languages, with the core's check results
// (titles, summaries, details, remedies) said through the catalogs; Arabic right to left. Screenshots of Welcome,
// Integrations and Space settings in every language go to docs/screenshots/languages/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../contract/languages';
import { startSetupEnv, type SetupEnv } from './setup-env';
import { WizardPage } from './wizard-page';
import * as flow from './wizard-flow';

// Page expressions as strings: the e2e tests are typechecked with Node's types only (no DOM lib).
const FITS = 'document.documentElement.scrollWidth <= window.innerWidth';

let env: SetupEnv;
let w: WizardPage;

/** The sentences of every check card on the step: title, summary, detail, remedy (codes and numbers aside). */
async function cardSentences(page: Page): Promise<string[]> {
  return page
    .locator('.view .check :is(.check__title, .check__summary, .check__detail, .check__remedy p)')
    .allTextContents();
}

/** Opens a step by its position in the step list (its name is in the language being looked at). */
async function openStep(index: number): Promise<void> {
  await w.page.locator('.wizard__steps li button').nth(index).click();
}

async function choose(language: Language): Promise<void> {
  await w.page.locator('select.langswitch__select').selectOption(language);
  await expect.poll(() => w.page.evaluate('document.documentElement.lang')).toBe(language);
}

describe('the wizard in six languages', () => {
  let english: string[] = [];

  beforeAll(async () => {
    env = await startSetupEnv({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  // The flow's helpers poll (expect.poll), which only runs inside a test: reaching the step is the first test.
  it('reaches Space settings in English, with check cards to compare with', async () => {
    w = new WizardPage(env.page, false, 'languages/');
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await flow.addSpaceIntegration(w, false);
    await flow.spaceDetails(w, env, false);
    await flow.shipKey(w, env, { shot: false });
    await flow.installScript(w, false);
    await w.atStep(flow.T.spaceSettings);
    await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
    english = (await cardSentences(w.page)).filter((s) => /[a-z]{3}/.test(s));
    expect(english.length).toBeGreaterThan(10);
  }, 240_000);

  for (const language of LANGUAGES.filter((l) => l !== 'en'))
    it(`says every check card of Space settings in ${language}, none of it in English`, async () => {
      await choose(language);
      await openStep(6);
      await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
      const said = await cardSentences(w.page);
      expect(said.length).toBeGreaterThan(10);
      // The same sentence as in English would be a sentence the catalogs did not translate.
      expect(said.filter((s) => english.includes(s))).toEqual([]);
      expect(await w.page.evaluate('document.documentElement.dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await w.shot(`${language}-07-space-settings`);
      await openStep(2);
      await w.page.locator('.view .step__title').waitFor();
      await w.shot(`${language}-03-integrations`);
      await openStep(0);
      await w.page.locator('.view .step__title').waitFor();
      await w.shot(`${language}-01-welcome`);
      // Nothing spills sideways, right to left included.
      expect(await w.page.evaluate(FITS)).toBe(true);
    }, 120_000);

  it('keeps English screenshots beside them', async () => {
    await choose('en');
    await openStep(0);
    await w.shot('en-01-welcome');
    await openStep(2);
    await w.shot('en-03-integrations');
    await openStep(6);
    await w.page.locator('.view .checks').waitFor({ timeout: 60_000 });
    await w.shot('en-07-space-settings');
  }, 120_000);
});
