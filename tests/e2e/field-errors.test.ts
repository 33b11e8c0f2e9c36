// Errors next to their field (issue 16, items 5 and 6) end to end: Chromium on the built renderer, window.xs4 bound to
// the real core over the simulators. What the page or the core refuses is said under the field it is about, naming it
// by its label in the page's language, marking it invalid (aria-invalid, aria-describedby), never by an internal name
// or a CLI flag; the Face address's rules are said in the core's own words by the page before anything is sent.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from '../../contract/text';
import { en, renderText } from '../../messages/render';
import setupEn from '../../renderer/i18n/setup.en.json';
import setupEs from '../../renderer/i18n/setup.es.json';
import { screenshot } from './harness';
import { startSetupEnv, type SetupEnv } from './setup-env';
import { WizardPage } from './wizard-page';
import * as flow from './wizard-flow';

let env: SetupEnv | undefined;
let dir: string | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await env?.page
      .screenshot({ path: `tests/e2e/.artifacts/fail-${ctx.task.id}.png`, fullPage: true })
      .catch(() => undefined);
  await env?.close();
  env = undefined;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Names the GUI must never show: the core's field paths, the page's field ids, CLI flags. */
const INTERNAL =
  /faceUrl|shipApiKey|installScript\.path|installScriptFile|scriptPath|bundlePath|collectPath|--[a-z]|INVALID_INPUT/;

interface FieldState {
  /** aria-invalid of the input. */
  invalid: string | null;
  /** The text of the elements its aria-describedby names, joined by a space. */
  described: string;
  /** The inline error under the field (what the technician reads next to it). */
  error: string;
}

/** The input labelled `label`: whether it is marked invalid, what it is described by, its inline error. */
async function fieldState(w: WizardPage, label: string): Promise<FieldState> {
  const input = w.page.getByLabel(label, { exact: true });
  const described = await input.evaluate((el) => {
    const doc = (globalThis as unknown as { document: { getElementById(id: string): unknown } }).document;
    const ids = ((el as { getAttribute(n: string): string | null }).getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '');
    return ids
      .map((id) => (doc.getElementById(id) as { textContent: string | null } | null)?.textContent ?? '')
      .join(' ');
  });
  const field = w.page.locator('.field', { has: input });
  const errors = field.locator('.field__error');
  return {
    invalid: await input.getAttribute('aria-invalid'),
    described,
    error: (await errors.count()) > 0 ? ((await errors.first().textContent()) ?? '') : '',
  };
}

/** Waits until the field labelled `label` is marked invalid and returns its state. */
async function invalidField(w: WizardPage, label: string): Promise<FieldState> {
  await expect
    .poll(() => w.page.getByLabel(label, { exact: true }).getAttribute('aria-invalid'), { timeout: 30_000 })
    .toBe('true');
  return fieldState(w, label);
}

/** The error is under its field, names it by its label, is what the input is described by, and is said only there. */
async function expectOnField(w: WizardPage, label: string, rule: string): Promise<FieldState> {
  const state = await invalidField(w, label);
  expect(state.error).toBe(`${label}: ${rule}.`);
  expect(state.described).toContain(state.error);
  // Said next to the field, not (again, or instead) in a notice away from it.
  expect(await w.page.locator('.view .notice--error').count()).toBe(0);
  // Nothing the view says about what went wrong names a field or a rule the way code or the CLI does.
  for (const said of await w.page
    .locator('.view :is(.field__error, .field__hint, [role="alert"], [role="status"], .notice)')
    .allTextContents())
    expect(said).not.toMatch(INTERNAL);
  return state;
}

/** Records which channels the page calls (the core's window.xs4 door), from now until the page reloads. */
async function recordCalls(w: WizardPage): Promise<() => Promise<string[]>> {
  await w.page.evaluate(() => {
    const g = globalThis as unknown as {
      __xs4Invoke(c: string, i: unknown): Promise<unknown>;
      __calls: string[];
    };
    const invoke = g.__xs4Invoke.bind(g);
    g.__calls = [];
    g.__xs4Invoke = (c, i) => {
      g.__calls.push(c);
      return invoke(c, i);
    };
  });
  return () => w.page.evaluate(() => (globalThis as unknown as { __calls: string[] }).__calls);
}

/** Connect: the address typed, Connect pressed (the token is the simulator's, so only the address can be wrong). */
async function connectTo(w: WizardPage, e: SetupEnv, url: string): Promise<void> {
  await w.fill(w.page.getByLabel('XS4 Face server address'), url);
  await w.fill(w.page.getByLabel('Access token'), e.face.token);
  await w.click(w.button('Connect'));
}

const FACE_URL = setupEn.connect.url;

describe('field errors (issue 16)', () => {
  it('item 5: a Face URL with a query or fragment is refused under "XS4 Face server address", marked invalid, never as "faceUrl"', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    const origin = new URL(env.face.url).origin;
    for (const extra of ['?site=main', '#/integrations']) {
      await connectTo(w, env, `${origin}/${extra}`);
      await expectOnField(
        w,
        FACE_URL,
        en(text('rules.url.noPath', { path: `/${extra}`, address: `${origin}/` })),
      );
    }
    // Corrected, the mark goes and the connection goes on as usual.
    await connectTo(w, env, env.face.url);
    await w.page.getByRole('alertdialog', { name: 'Trust this certificate?' }).waitFor({ timeout: 30_000 });
    expect((await fieldState(w, FACE_URL)).invalid).toBe('false');
    expect(env.problems.errors).toEqual([]);
  });

  it('item 5: a SHIP API key with a character that is not printable ASCII is refused under its field, which offers Show to find the character', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await flow.connect(w, env, false);
    await flow.addSpaceIntegration(w, false);
    await flow.spaceDetails(w, env, false);
    await w.atStep(flow.T.shipKey);
    const held = env.face.serverState().space.shipApiKey;
    await w.check(w.page.getByLabel('Enter a key'));
    const label = setupEn.shipKey.value;
    // Pasted from a document: a no-break space where the technician sees a space, and an accented letter.
    const typed = 'Hotel\u00a0Miramar-clé-2024';
    await w.fill(w.page.getByLabel(label, { exact: true }), typed);
    await w.click(w.button('Save key'));
    await expectOnField(w, label, setupEn.rules.noSpaces);
    expect(env.face.serverState().space.shipApiKey).toBe(held);

    // Masked, the bad character cannot be found: the field offers Show, and shows what was typed.
    const input = w.page.getByLabel(label, { exact: true });
    expect(await input.getAttribute('type')).toBe('password');
    const show = w.page.getByRole('button', { name: `Show ${label}`, exact: true });
    await w.click(show);
    expect(await input.getAttribute('type')).toBe('text');
    expect(await input.inputValue()).toBe(typed);
    expect(
      await w.page.getByRole('button', { name: `Hide ${label}`, exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    // The no-break space replaced by a plain one: still refused, now for the letter that is not ASCII.
    await w.fill(input, 'Hotel-Miramar-clé-2024');
    await w.click(w.button('Save key'));
    await expect
      .poll(async () => (await fieldState(w, label)).error)
      .toBe(`${label}: ${setupEn.rules.asciiOnly}.`);
    await w.click(w.page.getByRole('button', { name: `Hide ${label}`, exact: true }));
    expect(await input.getAttribute('type')).toBe('password');
    expect(env.face.serverState().space.shipApiKey).toBe(held);
    expect(env.problems.errors).toEqual([]);
  });

  it('item 5: an install-script path that is not a .ps1 is refused under "Script file" by the core, in English and in Spanish', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    // As downloaded on the Space server: the core refuses the name before it reads anything.
    const notPs1 = 'C:\\Users\\Public\\Downloads\\SpaceInstall.txt';
    await w.atStep(flow.T.welcome);
    await env.deps.setup.service.markStep('welcome', 'Setup started.', 'installScript');
    await env.page.reload();
    await w.atStep(flow.T.installScript);
    await w.check(w.page.getByLabel(setupEn.script.fromFile));
    await w.fill(w.page.getByLabel(setupEn.script.path, { exact: true }), notPs1);
    await w.click(w.button(setupEn.script.load));
    await expectOnField(w, setupEn.script.path, en(text('rules.windows.ps1')));

    // The same in Spanish: the label and the rule in Spanish, no English left.
    await w.page.getByLabel('Language').selectOption('es');
    await expect.poll(() => w.title().textContent()).toBe(setupEs.script.title);
    await w.check(w.page.getByLabel(setupEs.script.fromFile));
    await w.fill(w.page.getByLabel(setupEs.script.path, { exact: true }), notPs1);
    await w.click(w.button(setupEs.script.load));
    const rule = renderText(text('rules.windows.ps1'), 'es');
    const state = await expectOnField(w, setupEs.script.path, rule);
    for (const english of [setupEn.script.path, en(text('rules.windows.ps1')), 'must', 'What to do'])
      expect(state.error).not.toContain(english);
    await w.page
      .locator('.field', { has: w.page.getByLabel(setupEs.script.path, { exact: true }) })
      .scrollIntoViewIfNeeded();
    await screenshot(w.page, 'field-error-es.png');
    expect(env.problems.errors).toEqual([]);
  });

  it('item 5: an evidence folder that is a file is refused under its field in Troubleshoot, without CLI flags', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    dir = await mkdtemp(join(tmpdir(), 'xs4-field-errors-'));
    const file = join(dir, 'evidence.zip');
    await writeFile(file, 'not a folder');
    await w.atStep(flow.T.welcome);
    await w.click(w.page.locator('[data-mode="troubleshoot"]'));
    await expect.poll(() => w.title().textContent()).toBe(setupEn.troubleshoot.title);

    // Opening a bundle: the folder to read.
    await w.fill(w.page.getByLabel(setupEn.troubleshoot.bundlePath, { exact: true }), file);
    await w.click(w.button(setupEn.troubleshoot.open));
    await expectOnField(w, setupEn.troubleshoot.bundlePath, en(text('rules.folder')));
    // Collecting one: the folder to write.
    await w.fill(w.page.getByLabel(setupEn.troubleshoot.collectPath, { exact: true }), file);
    await w.click(w.button(setupEn.troubleshoot.collect));
    await expectOnField(w, setupEn.troubleshoot.collectPath, en(text('rules.folder')));
    expect(env.problems.errors).toEqual([]);
  });

  it('item 6: port 99999 in the address says the port is out of range, not that it is not a URL', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await connectTo(w, env, 'https://127.0.0.1:99999/');
    const state = await expectOnField(w, FACE_URL, en(text('rules.url.port', { port: '99999' })));
    expect(state.error).not.toContain('must be a URL');
  });

  it('item 6: an http:// address is refused by the page itself, in the words the core uses, before anything is sent', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    const calls = await recordCalls(w);
    await connectTo(w, env, env.face.url.replace(/^https:/, 'http:'));
    await expectOnField(w, FACE_URL, en(text('rules.url.faceHttps')));
    expect(await calls()).not.toContain('setup.connectFace');
    // The core says the same words (a page that skipped its check).
    const refused = await w.page.evaluate(
      `window.xs4.setup.connectFace({ url: ${JSON.stringify(env.face.url.replace(/^https:/, 'http:'))}, token: null }).then(() => null, (e) => e)`,
    );
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', detail: { rule: 'rules.url.faceHttps' } });
    expect((refused as { message: string }).message).toBe(
      `${en(text('fields.faceUrl'))}: ${en(text('rules.url.faceHttps'))}.`,
    );
  });

  it('item 6: an address with a path copied from the browser is refused with "the server address alone", not a 404 about a contract version', async () => {
    env = await startSetupEnv();
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    const calls = await recordCalls(w);
    const origin = new URL(env.face.url).origin;
    await connectTo(w, env, `${origin}/console/sites`);
    const state = await expectOnField(
      w,
      FACE_URL,
      en(text('rules.url.noPath', { path: '/console/sites', address: `${origin}/` })),
    );
    expect(state.error).toContain(`keep ${origin}/`);
    const view = (await w.page.locator('.view').textContent()) ?? '';
    for (const jargon of ['HTTP 404', 'sign-in check', 'contract version'])
      expect(view).not.toContain(jargon);
    expect(await calls()).not.toContain('setup.connectFace');
    expect(env.face.hits('whoami')).toBe(0);
  });
});
