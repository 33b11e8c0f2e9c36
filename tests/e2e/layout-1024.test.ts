// The wizard at 1024×768 (a Server VM console) for a hurried technician: nothing scrolls sideways, the primary action
// is in view, the title bar and the step list stay put while the step scrolls, tables and URLs stay readable, files and
// folders come from the system dialogs (a test double at the harness's one seam), typed paths must be absolute, a
// missing folder is never created silently, a certificate for other names is flagged, and a right-to-left page mirrors.
// Screenshots of every step at 1024×768 go to docs/screenshots/1024/.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { makeCert } from '../../scripts/sim/certs';
import { SCREENSHOT_DIR } from './harness';
import { startSetupEnv, type SetupEnv } from './setup-env';
import { WizardPage } from './wizard-page';
import * as flow from './wizard-flow';

const SMALL = { width: 1024, height: 768 };

let env: SetupEnv | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await env?.page
      .screenshot({ path: `tests/e2e/.artifacts/fail-${ctx.task.id}.png` })
      .catch(() => undefined);
  await env?.close();
  env = undefined;
});

/**
 * Everything that makes the window scroll sideways or sticks out of it: the document wider than the window, a box
 * with its own horizontal scrollbar, an element whose box ends outside the window. Runs in the page.
 */
async function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    const root = document.documentElement;
    const vw = root.clientWidth;
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    if (root.scrollWidth > vw + 1) out.push('the page scrolls sideways (' + root.scrollWidth + ' px in ' + vw + ' px)');
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        out.push(name(el) + ' scrolls sideways (' + el.scrollWidth + ' px in ' + el.clientWidth + ' px)');
      const r = el.getBoundingClientRect();
      if (r.width > 1 && (r.right > vw + 1 || r.left < -1))
        out.push(name(el) + ' sticks out of the window (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw + ')');
    }
    return out;
  })()`);
}

/**
 * Addresses (an IP or dotted name with a port, with its scheme when written) that the page shows across two lines,
 * e.g. "https://127.0.0.1:430" and "45" on the next line. Text nodes of one block are read together, so an address
 * split into several spans is still one address. Runs in the page.
 */
async function brokenAddresses(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const BLOCKS = 'td,th,dd,dt,p,li,div,h1,h2,h3,h4,label,button,legend,caption,pre,section';
    const root = document.querySelector('.view');
    if (!root) return ['no .view on the page'];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const runs = [];
    let run = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const block = n.parentElement && n.parentElement.closest(BLOCKS);
      if (!run || run.block !== block) { run = { block, nodes: [], text: '' }; runs.push(run); }
      run.nodes.push({ node: n, start: run.text.length });
      run.text += n.data;
    }
    const at = (r, i) => {
      let k = r.nodes.length - 1;
      while (k > 0 && r.nodes[k].start > i) k--;
      return [r.nodes[k].node, i - r.nodes[k].start];
    };
    const ADDRESS = /(?:https?:\\/\\/)?(?:\\d{1,3}(?:\\.\\d{1,3}){3}|localhost|[a-z0-9-]+(?:\\.[a-z0-9-]+)+):\\d{2,5}(?!\\d)/gi;
    const out = [];
    for (const r of runs) {
      for (const m of r.text.matchAll(ADDRESS)) {
        const range = document.createRange();
        const [sn, so] = at(r, m.index);
        const [en, eo] = at(r, m.index + m[0].length - 1);
        range.setStart(sn, so);
        range.setEnd(en, eo + 1);
        const tops = new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top / 4)));
        if (tops.size > 1) out.push(m[0] + ' is split over ' + tops.size + ' lines');
      }
    }
    return out;
  })()`);
}

// Functions below run in the page; they are typed without the DOM lib (the e2e tests are typechecked for Node).
type Rect = { top: number; left: number; right: number; bottom: number; width: number; height: number };
interface El {
  getBoundingClientRect(): Rect;
  contains(other: unknown): boolean;
  querySelectorAll(s: string): Iterable<El>;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}
interface Win {
  getComputedStyle(el: El): Record<string, string>;
  document: { elementFromPoint(x: number, y: number): unknown };
}

type Box = Omit<Rect, 'height'>;
async function box(l: Locator): Promise<Box> {
  return l.evaluate((el) => {
    const r = (el as unknown as El).getBoundingClientRect();
    return { top: r.top, left: r.left, right: r.right, bottom: r.bottom, width: r.width };
  });
}

/** Takes every step's screenshot into docs/screenshots/1024/ and notes what sticks out on each one. */
class SmallScreen extends WizardPage {
  readonly problems: string[] = [];
  constructor(page: Page, keyboardOnly = false) {
    super(page, keyboardOnly, '1024/');
  }
  override async shot(name: string): Promise<void> {
    for (const p of await sidewaysProblems(this.page)) this.problems.push(`${name}: ${p}`);
    await mkdir(join(SCREENSHOT_DIR, '1024'), { recursive: true });
    // What the technician sees in the window, not the whole scrolled page.
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `1024/${name}.png`) });
  }
}

/** The whole happy path without screenshots, up to the Summary (real history: trust, integration, details, key…). */
async function toSummary(w: WizardPage, e: SetupEnv, until: keyof typeof flow.T = 'summary'): Promise<void> {
  await flow.welcome(w, false);
  await flow.connect(w, e, false);
  await flow.addSpaceIntegration(w, false);
  await flow.spaceDetails(w, e, false);
  await flow.shipKey(w, e, { shot: false });
  await flow.installScript(w, false);
  await flow.spaceSettings(w, false);
  if (until === 'faceRecognition') return;
  await flow.faceRecognition(w, e, false);
  await flow.enrollment(w, e, false);
  await flow.verifyConnected(w, false);
  await flow.summary(w, false);
}

/** Jumps to a step through the core's saved progress and a reload (the steps before it are not what is tested). */
async function resumeAt(w: WizardPage, e: SetupEnv, step: 'installScript', title: string): Promise<void> {
  await w.atStep(flow.T.welcome);
  await e.deps.setup.service.markStep('welcome', 'Setup started.', step);
  await e.page.reload();
  await w.atStep(title);
}

/** The Browse… button beside the field with this label (described by that label, for screen readers). */
function browseFor(page: Page, label: string): Locator {
  return page
    .locator('.field', { has: page.getByLabel(label, { exact: true }) })
    .getByRole('button', { name: 'Browse…', exact: true });
}

/** The inline error under the field with this label. */
function fieldError(page: Page, label: string): Locator {
  return page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field__error');
}

const QUICK = { timeout: 5_000 };

describe('the wizard at 1024×768', () => {
  it('fits the width on every step and in Troubleshoot, with a screenshot of each', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new SmallScreen(env.page);
    await flow.welcome(w);
    await flow.connect(w, env);
    await flow.addSpaceIntegration(w);
    await flow.spaceDetails(w, env);
    await flow.shipKey(w, env);
    await flow.installScript(w);
    await flow.spaceSettings(w);
    await flow.faceRecognition(w, env);
    await flow.enrollment(w, env);
    await flow.verifyConnected(w);
    await flow.summary(w);
    await w.click(w.button('Open Troubleshoot'));
    await expect.poll(() => w.title().textContent()).toBe('Troubleshoot');
    await w.click(w.button('Run all checks'));
    await w.page.locator('.view .checks').first().waitFor({ timeout: 60_000 });
    await w.shot('12-troubleshoot');
    expect(w.problems).toEqual([]);
  });

  it('gives the step most of the width: the mode list and the step list narrow', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await w.atStep(flow.T.welcome);
    const step = await box(w.page.locator('.view .step'));
    const steps = await box(w.page.getByRole('navigation', { name: 'Setup steps' }));
    // Three fixed columns left the step 458 px of the 1024.
    expect(step.width).toBeGreaterThanOrEqual(600);
    // The step list is still there, names and all, only narrower.
    expect(steps.width).toBeGreaterThan(0);
    expect(steps.width).toBeLessThanOrEqual(200);
    expect(
      await w.page
        .getByRole('navigation', { name: 'Setup steps' })
        .getByText('Space Server Details')
        .isVisible(),
    ).toBe(true);
    expect(await sidewaysProblems(w.page)).toEqual([]);
  });

  it('shows Start setup on Welcome without scrolling', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await w.atStep(flow.T.welcome);
    const start = w.button('Start setup');
    const b = await box(start);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.bottom).toBeLessThanOrEqual(SMALL.height);
    // In view and not covered by anything: the button itself is what a click there hits.
    const hit = await start.evaluate((node) => {
      const el = node as unknown as El;
      const r = el.getBoundingClientRect();
      const at = (globalThis as unknown as Win).document.elementFromPoint(
        r.left + r.width / 2,
        r.top + r.height / 2,
      );
      return at === el || el.contains(at);
    });
    expect(hit).toBe(true);
  });

  it('keeps the title bar and the step list in place while the step scrolls', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await toSummary(w, env);
    const bar = w.page.locator('header.titlebar');
    const list = w.page.getByRole('navigation', { name: 'Setup steps' });
    const title = w.title();
    const before = { bar: await box(bar), list: await box(list), title: await box(title) };
    const step = await box(w.page.locator('.view .step'));
    await w.page.mouse.move(step.left + step.width / 2, SMALL.height / 2);
    await w.page.mouse.wheel(0, 600);
    await expect.poll(async () => (await box(title)).top, QUICK).toBeLessThan(before.title.top - 100);
    expect(await box(bar)).toEqual(before.bar);
    expect(await box(list)).toEqual(before.list);
    // The page itself did not scroll: only the step did.
    expect(await w.page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
  });

  it('keeps the Changes made table inside its column', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await toSummary(w, env);
    const table = w.page.getByTestId('history');
    await table.locator('tbody tr').first().waitFor();
    const column = await box(w.page.locator('.view .step'));
    const t = await box(table);
    expect(t.left).toBeGreaterThanOrEqual(column.left - 1);
    expect(t.right).toBeLessThanOrEqual(column.right + 1);
    // No cell's content spills out of its cell either.
    const spilling = await table.evaluate((el) =>
      [...(el as unknown as El).querySelectorAll('td, th')]
        .filter((c) => c.scrollWidth > c.clientWidth + 1)
        .map((c) => c.textContent),
    );
    expect(spilling).toEqual([]);
  });

  it('never breaks an address inside its host or port', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await toSummary(w, env, 'faceRecognition');
    await w.atStep(flow.T.faceRecognition);
    await w.page.locator('.view table.values tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await brokenAddresses(w.page)).toEqual([]);
    await flow.faceRecognition(w, env, false);
    await flow.enrollment(w, env, false);
    await flow.verifyConnected(w, false);
    await flow.summary(w, false);
    await w.page.getByTestId('history').locator('tbody tr').first().waitFor();
    expect(await brokenAddresses(w.page)).toEqual([]);
  });

  it('gives the step title focus without a heavy box around it', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page, true);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    const look = await w.title().evaluate((el) => {
      const s = (globalThis as unknown as Win).getComputedStyle(el as unknown as El);
      return {
        shadow: s.boxShadow,
        outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineWidth} ${s.outlineStyle}`,
      };
    });
    expect(look).toEqual({ shadow: 'none', outline: 'none' });
  });

  it('fills every path field from the system dialog with Browse', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    const dir = await mkdtemp(join(tmpdir(), 'xs4-browse-'));
    const script = join(dir, 'SpaceInstall.ps1');
    await writeFile(script, "Write-Output 'Space install script'\n");
    await resumeAt(w, env, 'installScript', flow.T.installScript);
    await w.check(w.page.getByLabel('A file on this computer'));
    const browseScript = browseFor(w.page, 'Script file');
    await browseScript.waitFor(QUICK);
    // Its accessible description is the field's label: a screen reader says which field it fills.
    const described = await browseScript.evaluate((el) => {
      const doc = (globalThis as unknown as { document: { getElementById(id: string): El | null } }).document;
      const id = (el as unknown as { getAttribute(n: string): string | null }).getAttribute(
        'aria-describedby',
      );
      return id === null ? null : (doc.getElementById(id)?.textContent ?? null);
    });
    expect(described).toBe('Script file');
    env.dialogs.answer(script);
    await w.click(browseScript);
    await expect
      .poll(() => w.page.getByLabel('Script file', { exact: true }).inputValue(), QUICK)
      .toBe(script);
    await w.click(w.button('Load and inspect'));
    await expect
      .poll(() => w.page.locator('.view dl.facts dd.mono').first().textContent(), { timeout: 15_000 })
      .toBe(script);

    // Troubleshoot's three path fields: a folder to open, a folder to fill, a report to save.
    await w.click(w.page.locator('[data-mode="troubleshoot"]'));
    await expect.poll(() => w.title().textContent()).toBe('Troubleshoot');
    const bundle = await mkdtemp(join(dir, 'bundle-'));
    const empty = await mkdtemp(join(dir, 'collect-'));
    const report = join(dir, 'site-report.html');
    env.dialogs.answer(bundle, empty, null, report);
    await w.click(browseFor(w.page, 'Bundle folder'));
    await expect
      .poll(() => w.page.getByLabel('Bundle folder', { exact: true }).inputValue(), QUICK)
      .toBe(bundle);
    await w.click(browseFor(w.page, 'Bundle folder to create'));
    await expect
      .poll(() => w.page.getByLabel('Bundle folder to create', { exact: true }).inputValue(), QUICK)
      .toBe(empty);
    // Cancel in the dialog leaves the field as it was.
    await w.fill(w.page.getByLabel('Report file', { exact: true }), 'C:\\typed\\before.html');
    await w.click(browseFor(w.page, 'Report file'));
    await expect.poll(() => env!.dialogs.asked.length, QUICK).toBe(4);
    expect(await w.page.getByLabel('Report file', { exact: true }).inputValue()).toBe(
      'C:\\typed\\before.html',
    );
    await w.click(browseFor(w.page, 'Report file'));
    await expect
      .poll(() => w.page.getByLabel('Report file', { exact: true }).inputValue(), QUICK)
      .toBe(report);
    await w.click(w.button('Run all checks'));
    await w.page.locator('.view .checks').first().waitFor({ timeout: 60_000 });
    await w.click(w.button('Export report'));
    await w.page.getByText(`Report written to ${report}.`).waitFor({ timeout: 10_000 });
    expect(await readFile(report, 'utf8')).toContain('<html');
    // What the page asked the main process for, in the technician's words.
    expect(env.dialogs.asked.map((a) => [a.purpose, a.title])).toEqual([
      ['installScript', 'Choose the Space Install Script'],
      ['bundleFolder', 'Choose the evidence bundle folder'],
      ['evidenceFolder', 'Choose a new or empty folder for the evidence bundle'],
      ['report', 'Save the report as'],
      ['report', 'Save the report as'],
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a typed relative path next to its field', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    const name = `xs4-relative-${randomBytes(4).toString('hex')}`;
    // Relative to the app's working directory is where such a file would land.
    const landed = [resolve(`${name}.html`), resolve(name), resolve(`${name}.ps1`)];
    try {
      await w.atStep(flow.T.welcome);
      await w.click(w.page.locator('[data-mode="troubleshoot"]'));
      await expect.poll(() => w.title().textContent()).toBe('Troubleshoot');
      await w.click(w.button('Run all checks'));
      await w.page.locator('.view .checks').first().waitFor({ timeout: 60_000 });
      await w.fill(w.page.getByLabel('Report file', { exact: true }), `${name}.html`);
      await w.click(w.button('Export report'));
      await expect
        .poll(() => fieldError(w.page, 'Report file').textContent(), QUICK)
        .toMatch(/^Report file: must be a full path/);
      await w.fill(w.page.getByLabel('Bundle folder to create', { exact: true }), name);
      await w.click(w.button('Collect bundle'));
      await expect
        .poll(() => fieldError(w.page, 'Bundle folder to create').textContent(), QUICK)
        .toMatch(/^Bundle folder to create: must be a full path/);
      await w.fill(w.page.getByLabel('Bundle folder', { exact: true }), `.${'/'}${name}`);
      await w.click(w.button('Open and evaluate'));
      await expect
        .poll(() => fieldError(w.page, 'Bundle folder').textContent(), QUICK)
        .toMatch(/^Bundle folder: must be a full path/);
      await w.click(w.page.locator('[data-mode="setup"]'));
      await w.atStep(flow.T.welcome);
      await env.deps.setup.service.markStep('welcome', 'Setup started.', 'installScript');
      await env.page.reload();
      await w.atStep(flow.T.installScript);
      await w.check(w.page.getByLabel('A file on this computer'));
      await w.fill(w.page.getByLabel('Script file', { exact: true }), `${name}.ps1`);
      await w.click(w.button('Load and inspect'));
      await expect
        .poll(() => fieldError(w.page, 'Script file').textContent(), QUICK)
        .toMatch(/^Script file: must be a full path/);
      // The core refuses it too (a page that skipped its own check).
      const err = await w.page.evaluate(
        `window.xs4.troubleshoot.exportReport({ source: 'live', path: ${JSON.stringify(`${name}.html`)} }).then(() => null, (e) => e)`,
      );
      expect(err).toMatchObject({ code: 'INVALID_INPUT', detail: { field: 'path' } });
      for (const p of landed) expect(existsSync(p), p).toBe(false);
    } finally {
      for (const p of landed) await rm(p, { recursive: true, force: true });
    }
  });

  it('asks before creating a missing folder, and creates nothing when refused', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    const dir = await mkdtemp(join(tmpdir(), 'xs4-missing-'));
    const folder = join(dir, 'reports', 'site-12');
    const report = join(folder, 'report.html');
    await w.atStep(flow.T.welcome);
    await w.click(w.page.locator('[data-mode="troubleshoot"]'));
    await expect.poll(() => w.title().textContent()).toBe('Troubleshoot');
    await w.click(w.button('Run all checks'));
    await w.page.locator('.view .checks').first().waitFor({ timeout: 60_000 });
    await w.fill(w.page.getByLabel('Report file', { exact: true }), report);
    await w.click(w.button('Export report'));
    const ask = w.page.getByRole('alertdialog', { name: 'Create the folder?' });
    await ask.waitFor(QUICK);
    expect(await ask.textContent()).toContain(folder);
    expect(await ask.textContent()).toContain('Report file');
    await w.click(ask.getByRole('button', { name: 'Cancel' }));
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    await w.click(w.button('Export report'));
    await w.click(
      w.page
        .getByRole('alertdialog', { name: 'Create the folder?' })
        .getByRole('button', { name: 'Create folder' }),
    );
    await w.page.getByText(`Report written to ${report}.`).waitFor({ timeout: 10_000 });
    expect(await readFile(report, 'utf8')).toContain('<html');
    // The evidence bundle's folder: the same question, before any check runs.
    const bundle = join(dir, 'evidence', 'site-12');
    await w.fill(w.page.getByLabel('Bundle folder to create', { exact: true }), bundle);
    await w.click(w.button('Collect bundle'));
    const again = w.page.getByRole('alertdialog', { name: 'Create the folder?' });
    await again.waitFor(QUICK);
    expect(await again.textContent()).toContain(bundle);
    expect(await again.textContent()).toContain('Bundle folder to create');
    await w.click(again.getByRole('button', { name: 'Cancel' }));
    expect(existsSync(join(dir, 'evidence'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('flags a certificate whose names do not match the address typed', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    await w.fill(w.page.getByLabel('Access token'), env.face.token);
    await w.click(w.button('Connect'));
    // The simulator's own certificate names 127.0.0.1: nothing to flag.
    const dialog = w.page.getByRole('alertdialog', { name: 'Trust this certificate?' });
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.getByTestId('cert-names-mismatch').count()).toBe(0);
    await w.click(dialog.getByRole('button', { name: 'Do not trust' }));
    // Now one issued for another server only.
    env.face.replaceCertificate(
      makeCert({ commonName: 'other-server.example', altNames: ['other-server.example'] }),
    );
    await w.click(w.button('Connect'));
    await dialog.waitFor({ timeout: 15_000 });
    const flag = dialog.getByTestId('cert-names-mismatch');
    await flag.waitFor(QUICK);
    expect(await flag.textContent()).toContain('127.0.0.1');
    expect(await flag.textContent()).toContain('other-server.example');
    await mkdir(join(SCREENSHOT_DIR, '1024'), { recursive: true });
    await w.page.screenshot({ path: join(SCREENSHOT_DIR, '1024', '02-connect-certificate-other-name.png') });
  });

  it('mirrors right to left: the step list on the right, nothing sideways, addresses left to right', async () => {
    env = await startSetupEnv({ viewport: SMALL });
    const w = new WizardPage(env.page);
    await flow.welcome(w, false);
    await w.atStep(flow.T.connect);
    await w.fill(w.page.getByLabel('XS4 Face server address'), env.face.url);
    await w.page.evaluate("document.documentElement.dir = 'rtl'");
    const list = await box(w.page.getByRole('navigation', { name: 'Setup steps' }));
    const step = await box(w.page.locator('.view .step'));
    const modes = await box(w.page.locator('nav.nav'));
    expect(list.left).toBeGreaterThan(step.right - 1);
    expect(modes.left).toBeGreaterThan(list.right - 1);
    expect(await sidewaysProblems(w.page)).toEqual([]);
    // The current step's bar sits on its reading-start side, now the right.
    const bar = await w.page.locator('.wstep--current button').evaluate((el) => {
      const s = (globalThis as unknown as Win).getComputedStyle(el as unknown as El);
      return { right: s.borderRightWidth, left: s.borderLeftWidth };
    });
    expect(bar).toEqual({ right: '3px', left: '0px' });
    // An address is still read left to right.
    const direction = await w.page
      .getByLabel('XS4 Face server address')
      .evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el as unknown as El).direction);
    expect(direction).toBe('ltr');
    await mkdir(join(SCREENSHOT_DIR, '1024'), { recursive: true });
    await w.page.screenshot({ path: join(SCREENSHOT_DIR, '1024', '02-connect-rtl.png') });
  });
});
