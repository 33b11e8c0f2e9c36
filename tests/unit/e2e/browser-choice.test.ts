// The end-to-end tests' browser choice: Debian Chromium on Linux; Edge then Chrome through playwright-core's channel on
// Windows, never a Linux path there. Launching is the one seam mocked here (no Edge or Chrome on this machine).
import { describe, expect, it } from 'vitest';
import type { Browser, LaunchOptions } from 'playwright-core';
import { browserChoices, launchTestBrowser, LINUX_CHROMIUM } from '../../helpers/browser';

const fakeBrowser = { version: () => 'fake' } as unknown as Browser;

describe('browser for the end-to-end tests', () => {
  it('is Debian Chromium by path on Linux, with the flags a closed network needs', () => {
    const [only, ...rest] = browserChoices('linux');
    expect(rest).toEqual([]);
    expect(only!.options.executablePath).toBe(LINUX_CHROMIUM);
    expect(only!.options.channel).toBeUndefined();
    expect(only!.options.args).toEqual(
      expect.arrayContaining([
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
      ]),
    );
  });

  it('is the installed Edge, then Chrome, by channel on Windows, with no path', () => {
    const choices = browserChoices('win32');
    expect(choices.map((c) => c.options.channel)).toEqual(['msedge', 'chrome']);
    for (const c of choices) {
      expect(c.options.executablePath).toBeUndefined();
      expect(JSON.stringify(c.options)).not.toContain('/usr/bin');
    }
  });

  it('falls back to Chrome when Edge does not start, and names both when neither does', async () => {
    const tried: LaunchOptions[] = [];
    const edgeMissing = async (o: LaunchOptions) => {
      tried.push(o);
      if (o.channel === 'msedge')
        throw new Error(
          'Chromium distribution \'msedge\' is not found at C:\\...\nRun "npx playwright install msedge"',
        );
      return fakeBrowser;
    };
    expect(await launchTestBrowser('win32', edgeMissing)).toBe(fakeBrowser);
    expect(tried.map((o) => o.channel)).toEqual(['msedge', 'chrome']);

    const nothing = async (o: LaunchOptions): Promise<Browser> => {
      throw new Error(`${o.channel} is not found`);
    };
    await expect(launchTestBrowser('win32', nothing)).rejects.toThrow(
      /Install Microsoft Edge or Google Chrome\.\nMicrosoft Edge \(channel msedge\): msedge is not found\nGoogle Chrome \(channel chrome\): chrome is not found$/,
    );
    await expect(launchTestBrowser('linux', nothing)).rejects.toThrow(/apt-get install -y chromium/);
  });
});
