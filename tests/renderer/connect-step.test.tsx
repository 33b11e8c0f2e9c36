// The Connect step's Microsoft sign-in (region, system browser, code on another device, Cancel, who is signed in, Sign
// out), the site › server picker, the chosen server on later steps, and a write left pending (elapsed time, Keep
// waiting, Stop), with a fake window.xs4.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Xs4Error } from '../../contract/xs4-error';
import { initialSetupState, useSetupStore } from '../../renderer/store/setup';
import { suggestedServer } from '../../renderer/components/ServerPicker';
import type { ServerChoices } from '../../contract/setup-shapes';
import { SetupWizard } from '../../renderer/views/SetupWizard';
import { currentApi, installFake, TWO_SITES, WHO, type FakeXs4 } from './fake-xs4';
import { initTestI18n } from './setup-i18n';

beforeAll(async () => {
  await initTestI18n('en');
});
beforeEach(() => useSetupStore.setState({ ...initialSetupState }));
afterEach(cleanup);

const URL_ = 'https://xs4face.test';
const AT_CONNECT = { current: 'connect' as const, done: {} };
const AFTER_CONNECT = {
  current: 'spaceDetails' as const,
  done: { connect: { at: '2026-11-29T19:01:00Z', summary: 'Connected.' } },
};

function xs4Error(code: string, detail?: Record<string, unknown>): Xs4Error {
  return {
    name: 'Xs4Error',
    code,
    message: `Core says ${code}.`,
    remedy: 'Do the thing.',
    ...(detail ? { detail } : {}),
  };
}

/** The operation id the page gave the last call of `method`. */
function opOf(fake: FakeXs4, method: string): string {
  return (fake.callsOf(method).at(-1) as { operationId: string }).operationId;
}

async function atConnect(fake?: FakeXs4): Promise<FakeXs4> {
  const f = fake ?? installFake({ progress: AT_CONNECT });
  render(<SetupWizard onTroubleshoot={vi.fn()} />);
  await screen.findByRole('heading', { level: 2, name: 'Connect to XS4 Face' });
  await screen.findByRole('button', { name: 'Sign in with Microsoft' });
  return f;
}

describe('Connect step: Microsoft sign-in', () => {
  it('signs in through the browser for the chosen region, with a Cancel while waiting, then connects with it', async () => {
    const user = userEvent.setup();
    const fake = await atConnect();
    const region = screen.getByLabelText('Region') as HTMLSelectElement;
    // Regions this build cannot sign in to are listed but not selectable; the usable one is chosen.
    expect(
      within(region).getByRole('option', { name: 'Europe (not available in this version)' }),
    ).toHaveProperty('disabled', true);
    expect(region.value).toBe('local');
    await user.type(screen.getByLabelText('XS4 Face server address'), URL_);
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    expect(fake.callsOf('interactive')).toMatchObject([
      {
        regionId: 'local',
        faceUrl: URL_,
        pages: { language: 'en', successTitle: 'You are signed in' },
      },
    ]);
    expect(await screen.findByText(/Finish signing in in the browser window that opened/)).toBeTruthy();
    // Nothing else can be started meanwhile; Cancel stays available.
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', false);
    act(() => fake.pending.get(opOf(fake, 'interactive'))!(WHO));
    expect((await screen.findByTestId('signed-in')).textContent).toBe(
      'Signed in as technician@contoso.example (Local test region) for https://xs4face.test.',
    );
    await waitFor(() => expect(fake.callsOf('connectFace')).toEqual([{ url: URL_, token: null }]));
    expect(await screen.findByText(/^Connected to https:\/\/xs4face.test/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', false);
  });

  it('Cancel stops the browser sign-in and says so', async () => {
    const user = userEvent.setup();
    const fake = await atConnect();
    await user.type(screen.getByLabelText('XS4 Face server address'), URL_);
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(fake.callsOf('cancel')).toEqual([{ operationId: opOf(fake, 'interactive') }]);
    act(() => fake.failing.get(opOf(fake, 'interactive'))!(xs4Error('AUTH_CANCELLED')));
    expect((await screen.findByRole('alert')).getAttribute('data-code')).toBe('AUTH_CANCELLED');
    expect(fake.callsOf('connectFace')).toEqual([]);
    expect(screen.queryByTestId('signed-in')).toBeNull();
  });

  it('shows the device code with its address and a Cancel, then connects once it was entered', async () => {
    const user = userEvent.setup();
    const fake = await atConnect();
    await user.type(screen.getByLabelText('XS4 Face server address'), URL_);
    await user.click(screen.getByRole('button', { name: 'Use a code on another device' }));
    const box = await screen.findByRole('region', { name: 'Sign in on another device' });
    expect(within(box).getByText('Asking for a code…')).toBeTruthy();
    act(() =>
      fake.emit('deviceCode', {
        operation: opOf(fake, 'deviceCode'),
        userCode: 'QWER-TYUI',
        verificationUri: 'https://login.example/device',
        expiresAt: '2099-01-01T12:15:00.000Z',
      }),
    );
    expect((await within(box).findByTestId('device-code')).textContent).toBe('QWER-TYUI');
    expect(box.textContent).toContain('open https://login.example/device and enter this code');
    expect(within(box).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    act(() => fake.pending.get(opOf(fake, 'deviceCode'))!(WHO));
    await screen.findByTestId('signed-in');
    await waitFor(() => expect(fake.callsOf('connectFace')).toEqual([{ url: URL_, token: null }]));
    expect(screen.queryByRole('region', { name: 'Sign in on another device' })).toBeNull();
  });

  it('asks for a valid address before opening the browser', async () => {
    const user = userEvent.setup();
    const fake = await atConnect();
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    expect(screen.getByText(/^XS4 Face server address: /)).toBeTruthy();
    expect(fake.callsOf('interactive')).toEqual([]);
  });

  it('shows who is signed in and signs out', async () => {
    const user = userEvent.setup();
    const fake = installFake({ progress: AT_CONNECT, signedIn: WHO });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    expect((await screen.findByTestId('signed-in')).textContent).toContain('technician@contoso.example');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in with Microsoft' });
    expect(fake.callsOf('signOut')).toHaveLength(1);
    expect(screen.queryByTestId('signed-in')).toBeNull();
  });
});

describe('Connect step: site and server choice', () => {
  it('offers the sites and servers as the Console lists them, and connects to the one chosen', async () => {
    const user = userEvent.setup();
    const fake: FakeXs4 = installFake({
      progress: AT_CONNECT,
      signedIn: WHO,
      choices: TWO_SITES,
      connect: (url) => {
        if (fake.choice === null) throw xs4Error('FACE_SERVER_NOT_SELECTED');
        return { state: 'connected', url, certificate: null, trustedBy: 'system' };
      },
    });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    await screen.findByTestId('signed-in');
    await user.type(screen.getByLabelText('XS4 Face server address'), URL_);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const picker = await screen.findByRole('region', { name: 'Choose the XS4 Face server' });
    // Several servers is not a failure: no error, the picker asks.
    expect(screen.queryByRole('alert')).toBeNull();
    const sites = within(picker).getAllByRole('group');
    expect(sites.map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Site: Main building',
      'Site: Car park',
    ]);
    const warehouse = within(picker).getByRole('radio', { name: 'Warehouse server' });
    expect(document.getElementById(warehouse.getAttribute('aria-describedby')!)?.textContent).toBe(
      'OfflinePending messages: 2',
    );
    expect(within(picker).getByText('Pending messages: not reported')).toBeTruthy();
    // One is checked for the technician (the first online server), and said so; Continue still waits for the choice.
    expect(
      (within(picker).getByRole('radio', { name: 'Reception server' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(within(picker).getByText(/The first online server is selected/)).toBeTruthy();
    expect(within(picker).getByRole('button', { name: 'Use this server' })).toHaveProperty('disabled', false);
    expect(screen.getByText('Choose the XS4 Face server first.')).toBeTruthy();
    await user.click(within(picker).getByRole('radio', { name: 'Gate server' }));
    await user.click(within(picker).getByRole('button', { name: 'Use this server' }));
    await waitFor(() =>
      expect(fake.callsOf('chooseFaceServer')).toEqual([{ siteId: 'site-2', serverId: 'face-3' }]),
    );
    expect(await screen.findByText(/^Connected to https:\/\/xs4face.test/)).toBeTruthy();
    // The picker stays, the choice checked, so it can be changed.
    expect(
      (
        within(screen.getByRole('region', { name: 'Choose the XS4 Face server' })).getByRole('radio', {
          name: 'Gate server',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(screen.getByText('Chosen earlier; you can choose another one.')).toBeTruthy();
  });

  it('checks a server for the technician: the preselected one, else the only or first online one, else none', () => {
    const offline = (c: ServerChoices): ServerChoices => ({
      ...c,
      sites: c.sites.map((site) => ({
        ...site,
        servers: site.servers.map((v) => ({ ...v, online: v.serverId === 'face-3' && v.online })),
      })),
    });
    expect(suggestedServer(TWO_SITES)).toBe(JSON.stringify(['site-1', 'face-1']));
    expect(suggestedServer(offline(TWO_SITES))).toBe(JSON.stringify(['site-2', 'face-3']));
    expect(
      suggestedServer({
        ...TWO_SITES,
        preselected: { siteId: 'site-1', serverId: 'face-2' },
        reason: 'remembered',
      }),
    ).toBe(JSON.stringify(['site-1', 'face-2']));
    const allOffline: ServerChoices = {
      ...TWO_SITES,
      sites: TWO_SITES.sites.map((site) => ({
        ...site,
        servers: site.servers.map((v) => ({ ...v, online: false })),
      })),
    };
    expect(suggestedServer(allOffline)).toBe('');
  });

  it('shows the chosen server on every later step', async () => {
    const fake = installFake({ progress: AFTER_CONNECT });
    fake.choice = {
      url: URL_,
      siteId: 'site-2',
      serverId: 'face-3',
      siteName: 'Car park',
      serverName: 'Gate server',
    };
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    await screen.findByRole('heading', { level: 2, name: 'Space Server Details' });
    expect((await screen.findByTestId('face-choice')).textContent).toBe(
      'XS4 Face server: Car park › Gate server',
    );
  });
});

describe('a write left pending', () => {
  /** Space details saved while the on-site server is offline: pending events, then FACE_WRITE_PENDING. */
  async function savePending(fake: FakeXs4): Promise<{ finish(e: Xs4Error): void; operation: string }> {
    const user = userEvent.setup();
    let finish: (e: Xs4Error) => void = () => undefined;
    let operation = '';
    currentApi().setup.saveSpaceDetails = (input) => {
      fake.calls.push({ method: 'saveSpaceDetails', input });
      operation = input.operationId;
      return new Promise((_, reject) => (finish = reject));
    };
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    await screen.findByRole('heading', { level: 2, name: 'Space Server Details' });
    await waitFor(() => expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('8100'));
    await user.click(screen.getByRole('button', { name: 'Save to XS4 Face' }));
    return { finish: (e) => finish(e), operation };
  }

  it('shows the wait with its elapsed time and Stop, then Keep waiting finishes it', async () => {
    const user = userEvent.setup();
    const fake = installFake({ progress: AFTER_CONNECT });
    const write = await savePending(fake);
    act(() =>
      fake.emit('pending', {
        operation: write.operation,
        route: 'space.put',
        changeId: 'chg-7',
        elapsedMs: 65_000,
        deadlineMs: 120_000,
      }),
    );
    const panel = await screen.findByRole('region', { name: 'Waiting for the XS4 Face server' });
    expect(panel.textContent).toContain(
      'XS4 Face accepted the change and is waiting for the XS4 Face server to receive it.',
    );
    expect(within(panel).getByRole('timer').textContent).toBe('Waiting for 1 min 05 s.');
    await user.click(within(panel).getByRole('button', { name: 'Stop' }));
    expect(fake.callsOf('cancel')).toEqual([{ operationId: write.operation }]);
    act(() =>
      write.finish(xs4Error('FACE_WRITE_PENDING', { changeId: 'chg-7', waitedMs: 66_000, stopped: true })),
    );
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Waiting for the XS4 Face server' }).textContent).toContain(
        'The XS4 Face server has not received the change yet (waited 1 min 06 s).',
      ),
    );
    const left = screen.getByRole('region', { name: 'Waiting for the XS4 Face server' });
    // Not shown as a failure.
    expect(screen.queryByRole('alert')).toBeNull();
    fake.keepWaitingResult = {
      write: 'spaceDetails',
      details: { host: 'space01.site.local', port: 8100, https: true },
    };
    await user.click(within(left).getByRole('button', { name: 'Keep waiting' }));
    expect(fake.callsOf('keepWaiting')).toMatchObject([{ changeId: 'chg-7' }]);
    expect(
      await screen.findByText('The XS4 Face server received the change, and it was read back.'),
    ).toBeTruthy();
    expect(useSetupStore.getState().details).toEqual({ host: 'space01.site.local', port: 8100, https: true });
  });

  it('Stop leaves the change queued and says what to do', async () => {
    const user = userEvent.setup();
    const fake = installFake({ progress: AFTER_CONNECT });
    const write = await savePending(fake);
    act(() => write.finish(xs4Error('FACE_WRITE_PENDING', { changeId: 'chg-8', waitedMs: 9_000 })));
    const left = await screen.findByRole('region', { name: 'Waiting for the XS4 Face server' });
    expect(left.textContent).toContain('(waited 9 s)');
    await user.click(within(left).getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText(/^Stopped waiting. The change stays queued in XS4 Face/)).toBeTruthy();
    expect(fake.callsOf('keepWaiting')).toEqual([]);
  });
});

describe('sign-in failures', () => {
  it('are said in the technician language from the catalog, with the facts of their detail', async () => {
    await initTestI18n('es');
    try {
      const user = userEvent.setup();
      const fake = installFake({ progress: AT_CONNECT });
      render(<SetupWizard onTroubleshoot={vi.fn()} />);
      await user.type(await screen.findByLabelText('Dirección del servidor XS4 Face'), URL_);
      await user.click(await screen.findByRole('button', { name: 'Iniciar sesión con Microsoft' }));
      expect(fake.callsOf('interactive')).toMatchObject([
        { pages: { language: 'es', successTitle: 'Sesión iniciada' } },
      ]);
      // As the core sends it (main/core/auth/auth-errors.ts): the app's variant, the duration a nested plural.
      act(() =>
        fake.failing.get(opOf(fake, 'interactive'))!({
          ...xs4Error('AUTH_BROWSER_TIMEOUT', { minutes: 5 }),
          key: 'errors.AUTH_BROWSER_TIMEOUT.app',
          params: { duration: { key: 'auth.duration.minutes', params: { count: 5 } } },
        }),
      );
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(
        'El inicio de sesión en el navegador no se terminó en 5 minutos (puede que se cerrara la ventana del navegador).',
      );
      // The remedy names the page's own button, never a CLI option.
      expect(alert.textContent).toContain('«Usar un código en otro dispositivo»');
      expect(alert.textContent).not.toMatch(/xs4-setup|--device-code/);
      expect(alert.textContent).not.toContain('Core says');
    } finally {
      await initTestI18n('en');
    }
  });

  it('other failures keep the core sentence', async () => {
    const user = userEvent.setup();
    const fake = await atConnect();
    await user.type(screen.getByLabelText('XS4 Face server address'), URL_);
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    act(() => fake.failing.get(opOf(fake, 'interactive'))!(xs4Error('AUTH_AUTHORITY_ERROR')));
    expect((await screen.findByRole('alert')).textContent).toContain('Core says AUTH_AUTHORITY_ERROR.');
  });
});
