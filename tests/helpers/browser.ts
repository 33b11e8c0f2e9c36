// The one place that decides which browser the end-to-end tests drive: Debian Chromium on Linux; on Windows the
// installed Edge (playwright-core's channel "msedge"), else the installed Chrome (channel "chrome"). Never a browser
// downloaded by Playwright (`playwright install` is not used anywhere).
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const LINUX_CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling home, which a closed network refuses many times a start.
const FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserChoice {
  label: string;
  options: LaunchOptions;
}

/** The browsers to try on `platform`, in order. */
export function browserChoices(platform: NodeJS.Platform = process.platform): BrowserChoice[] {
  if (platform === 'win32') {
    return [
      { label: 'Microsoft Edge (channel msedge)', options: { channel: 'msedge', args: FLAGS } },
      { label: 'Google Chrome (channel chrome)', options: { channel: 'chrome', args: FLAGS } },
    ];
  }
  // As root in a container Chromium's sandbox cannot start; the pages under test are our own, served on 127.0.0.1.
  return [
    {
      label: `Debian Chromium (${LINUX_CHROMIUM})`,
      options: { executablePath: LINUX_CHROMIUM, args: ['--no-sandbox', ...FLAGS] },
    },
  ];
}

/** Launches the first browser that starts; when none does, one error names every one tried and why it failed. */
export async function launchTestBrowser(
  platform: NodeJS.Platform = process.platform,
  launch: (options: LaunchOptions) => Promise<Browser> = (o) => chromium.launch(o),
): Promise<Browser> {
  const failures: string[] = [];
  for (const choice of browserChoices(platform)) {
    try {
      return await launch(choice.options);
    } catch (e) {
      failures.push(`${choice.label}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    }
  }
  const remedy =
    platform === 'win32'
      ? 'Install Microsoft Edge or Google Chrome.'
      : `Install Debian Chromium: apt-get install -y chromium (npm test does it as root). Never "playwright install".`;
  throw new Error(`No browser for the end-to-end tests could start. ${remedy}\n${failures.join('\n')}`);
}
