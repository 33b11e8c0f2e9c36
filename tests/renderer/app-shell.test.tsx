// The shell's states in the DOM: a failing core shows code + remedy with a retry; startup problems are shown;
// a failed language save keeps the old language. window.xs4 is built by the real buildXs4Api over canned envelopes.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../renderer/App';
import { initI18n, i18n } from '../../renderer/i18n';
import { useShellStore } from '../../renderer/store';
import { initialSetupState, useSetupStore } from '../../renderer/store/setup';
import { buildXs4Api } from '../../preload/expose';
import { defaultSettings, type AppInfo } from '../../contract/app';
import { type ChannelName } from '../../contract/ipc';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const info: AppInfo = {
  productName: 'XS4 Face Space Assistant',
  version: '9.9.9',
  platform: 'win32',
  arch: 'x64',
  windowsFeatures: true,
  startupProblems: [],
};

type Reply = (input: unknown) => unknown;
function install(replies: Partial<Record<ChannelName, Reply>>): ChannelName[] {
  const calls: ChannelName[] = [];
  window.xs4 = buildXs4Api(
    async (channel, input) => {
      calls.push(channel);
      const r = replies[channel];
      if (r === undefined) return { ok: false, error: { code: 'NOT_IN_TEST', message: channel, remedy: '' } };
      return r(input);
    },
    () => () => {},
  );
  return calls;
}

let root: Root | null = null;
let host: HTMLElement;
async function render(): Promise<void> {
  host = document.createElement('div');
  document.body.appendChild(host);
  await act(async () => {
    root = createRoot(host);
    root.render(<App />);
  });
  // Let the store's load() settle.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  await act(async () => root?.unmount());
  host.remove();
  useShellStore.setState({ status: 'idle', appInfo: null, settings: null, error: null, mode: 'setup' });
  useSetupStore.setState({ ...initialSetupState });
  await i18n.changeLanguage('en');
});

describe('app shell (DOM)', () => {
  it('shows the failure code and remedy, and retries', async () => {
    // Troubleshoot shows the facts about this computer.
    useShellStore.setState({ mode: 'troubleshoot' });
    let fail = true;
    install({
      'app.info': () =>
        fail
          ? {
              ok: false,
              error: { code: 'IPC_FOREIGN_SENDER', message: 'Refused.', remedy: 'Restart the app.' },
            }
          : { ok: true, value: info },
      'settings.get': () => ({ ok: true, value: defaultSettings }),
    });
    await render();
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Restart the app.');
    expect(alert?.textContent).toContain('Code: IPC_FOREIGN_SENDER');
    fail = false;
    await act(async () => {
      (alert!.querySelector('button') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(host.querySelector('[data-testid="app-version"]')?.textContent).toBe('9.9.9');
    expect(host.querySelector('[data-testid="windows-features"]')?.textContent).toBe(
      'Available on this computer',
    );
  });

  it('shows problems found at start', async () => {
    install({
      'app.info': () => ({
        ok: true,
        value: {
          ...info,
          startupProblems: [
            {
              code: 'SETTINGS_CORRUPT',
              message: 'The settings file was damaged.',
              remedy: 'Enter your settings again.',
              detail: { backupPath: 'C:\\x.json' },
            },
          ],
        },
      }),
      'settings.get': () => ({ ok: true, value: defaultSettings }),
    });
    await render();
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Code: SETTINGS_CORRUPT');
  });

  it('keeps the language when saving it fails, and says why', async () => {
    const calls = install({
      'app.info': () => ({ ok: true, value: info }),
      'settings.get': () => ({ ok: true, value: defaultSettings }),
      'setup.progress': () => ({ ok: true, value: { current: 'welcome', done: {} } }),
      'settings.update': () => ({
        ok: false,
        error: { code: 'SETTINGS_WRITE_FAILED', message: 'Disk full.', remedy: 'Free some space.' },
      }),
    });
    await render();
    const select = host.querySelector<HTMLSelectElement>('select.langswitch__select')!;
    await act(async () => {
      select.value = 'es';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(calls).toContain('settings.update');
    // Still English: the wizard's first step keeps its English title.
    expect(host.querySelector('h2')?.textContent).toBe('Link Salto Space to XS4 Face');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Free some space.');
    expect(select.value).toBe('en');
  });
});
