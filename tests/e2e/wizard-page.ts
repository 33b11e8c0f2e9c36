// Drives the setup wizard in Chromium the way a technician does: by visible labels and roles, with the mouse or
// with the keyboard only. Every step is checked for its title and for focus on that title, then screenshotted.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './harness';

// Runs in the page; typed without the DOM lib (the e2e tests are typechecked with Node's types only).
const IS_FOCUSED = (el: unknown): boolean =>
  el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

export class WizardPage {
  /** Set by the keyboard-only run: every action goes through Tab/Shift+Tab, Enter, Space and typing. */
  constructor(
    readonly page: Page,
    readonly keyboardOnly = false,
    readonly shotPrefix = '',
  ) {}

  title(): Locator {
    return this.page.locator('.view .step__title');
  }

  /** Waits for the step, asserts that its title has keyboard focus, saves a screenshot. */
  async atStep(title: string, shot?: string): Promise<void> {
    await expect.poll(() => this.title().textContent(), { timeout: 15_000 }).toBe(title);
    // Focus moves to the title in an effect after the step renders: on a loaded machine that can take over a second.
    await expect.poll(() => this.title().evaluate(IS_FOCUSED), { timeout: 15_000 }).toBe(true);
    if (shot !== undefined) await this.shot(shot);
  }

  /** The window as the technician sees it (a long step scrolls inside it), into docs/screenshots/. */
  async shot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${this.shotPrefix}${name}.png`) });
  }

  /** Moves focus with Tab (forwards) until `target` has it; fails after a bounded number of presses. */
  async tabTo(target: Locator, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate(IS_FOCUSED).catch(() => false)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Could not reach ${target.toString()} with Tab in ${max} presses`);
  }

  async click(target: Locator): Promise<void> {
    if (this.keyboardOnly) {
      await this.tabTo(target);
      await this.page.keyboard.press('Enter');
    } else {
      await target.click();
    }
  }

  /** Checkboxes and radios toggle with Space on the keyboard. */
  async check(target: Locator): Promise<void> {
    if (this.keyboardOnly) {
      await this.tabTo(target);
      await this.page.keyboard.press('Space');
    } else {
      await target.check();
    }
  }

  async fill(target: Locator, value: string): Promise<void> {
    if (this.keyboardOnly) {
      await this.tabTo(target);
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('Backspace');
      await this.page.keyboard.type(value);
    } else {
      await target.fill(value);
    }
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async continue(): Promise<void> {
    const next = this.page.locator('[data-continue]');
    await expect.poll(() => next.isEnabled(), { timeout: 15_000 }).toBe(true);
    await this.click(next);
  }

  /** The accessible name of the Salto Space card's badge, e.g. "Status: Connected". */
  async spaceCardStatus(): Promise<string | null> {
    return this.page
      .locator('.view .card', { hasText: 'Salto Space' })
      .getByRole('img')
      .getAttribute('aria-label');
  }

  async alertText(): Promise<string> {
    return (await this.page.locator('.view [role="alert"]').first().textContent()) ?? '';
  }
}
