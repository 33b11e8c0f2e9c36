// The wizard view with a fake window.xs4: resumes at the saved step, moves focus to each step's heading,
// runs the Connect step with a certificate decision, and the Space details form with inline rule messages.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialSetupState, useSetupStore } from '../../renderer/store/setup';
import { SetupWizard } from '../../renderer/views/SetupWizard';
import { CERT, currentApi, installFake } from './fake-xs4';
import { initTestI18n } from './setup-i18n';

beforeAll(async () => {
  await initTestI18n('en');
});
beforeEach(() => useSetupStore.setState({ ...initialSetupState }));
afterEach(cleanup);

describe('SetupWizard', () => {
  it('resumes at the saved step, marks done steps, and focuses the step heading', async () => {
    installFake({
      progress: {
        current: 'spaceDetails',
        done: {
          welcome: { at: '2026-11-29T19:00:00Z', summary: 'Setup started.' },
          connect: { at: '2026-11-29T19:01:00Z', summary: 'Connected.' },
        },
      },
    });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Space Server Details' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const nav = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(within(nav).getByRole('button', { current: 'step' }).textContent).toContain(
      'Space Server Details',
    );
    expect(within(nav).getByRole('button', { name: /Welcome.*\(done\)/ })).toBeTruthy();
    // Steps beyond the one reached cannot be jumped to.
    expect((within(nav).getByRole('button', { name: /Summary/ }) as HTMLButtonElement).disabled).toBe(true);
    // Detected values are pre-filled.
    await waitFor(() =>
      expect((screen.getByLabelText('Space server name or IP address') as HTMLInputElement).value).toBe(
        'space01.site.local',
      ),
    );
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('8100');
  });

  it('goes from Welcome to Connect with the keyboard only, and focus follows', async () => {
    const user = userEvent.setup();
    installFake();
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    const welcome = await screen.findByRole('heading', { level: 2, name: 'Link Salto Space to XS4 Face' });
    await waitFor(() => expect(document.activeElement).toBe(welcome));
    // Tab order from the heading: the footer's buttons (Troubleshoot instead, Start setup).
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Troubleshoot instead');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Start setup');
    await user.keyboard('{Enter}');
    const connect = await screen.findByRole('heading', { level: 2, name: 'Connect to XS4 Face' });
    await waitFor(() => expect(document.activeElement).toBe(connect));
  });

  it('offers Troubleshoot instead on the Welcome step', async () => {
    const user = userEvent.setup();
    installFake();
    const onTroubleshoot = vi.fn();
    render(<SetupWizard onTroubleshoot={onTroubleshoot} />);
    await user.click(await screen.findByRole('button', { name: 'Troubleshoot instead' }));
    expect(onTroubleshoot).toHaveBeenCalledOnce();
  });

  it('connects after the technician trusts the certificate, then allows Continue', async () => {
    const user = userEvent.setup();
    const fake = installFake({
      progress: { current: 'connect', done: {} },
      connect: (url) => ({
        state: 'needs-trust',
        url,
        certificate: CERT,
        reason: { code: 'TLS_UNTRUSTED', message: 'The certificate is not trusted by Windows.', remedy: '' },
      }),
    });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    await screen.findByRole('heading', { level: 2, name: 'Connect to XS4 Face' });
    const cont = screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
    expect(cont.disabled).toBe(true);
    await user.type(screen.getByLabelText('XS4 Face server address'), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'XS4 Face server address: must be a URL such as https://xs4face.example.local/.',
    );
    expect(fake.callsOf('connectFace')).toHaveLength(0);

    await user.clear(screen.getByLabelText('XS4 Face server address'));
    await user.type(screen.getByLabelText('XS4 Face server address'), 'https://xs4face.test{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Trust this certificate?' });
    await user.click(within(dialog).getByRole('button', { name: 'Trust this certificate' }));
    await screen.findByText(/Connected to https:\/\/xs4face.test\./);
    expect(fake.callsOf('trustFaceCertificate')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a failure with its sentence, remedy and code, and the way to Troubleshoot', async () => {
    const user = userEvent.setup();
    installFake({ progress: { current: 'connect', done: {} } });
    const api = currentApi();
    api.setup.connectFace = () =>
      Promise.reject({
        name: 'Xs4Error',
        code: 'NET_REFUSED',
        message: 'Nothing answers at xs4face.test:443.',
        remedy: 'Check that the XS4 Face server is on and reachable.',
      });
    const onTroubleshoot = vi.fn();
    render(<SetupWizard onTroubleshoot={onTroubleshoot} />);
    await user.type(await screen.findByLabelText('XS4 Face server address'), 'https://xs4face.test{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing answers at xs4face.test:443.');
    expect(alert.textContent).toContain('Check that the XS4 Face server is on and reachable.');
    expect(alert.textContent).toContain('NET_REFUSED');
    await user.click(within(alert).getByRole('button', { name: 'Open Troubleshoot' }));
    expect(onTroubleshoot).toHaveBeenCalledOnce();
  });

  it('validates Space Server Details inline and saves the edited values', async () => {
    const user = userEvent.setup();
    const fake = installFake({ progress: { current: 'spaceDetails', done: {} } });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    const port = await screen.findByLabelText('Port');
    await waitFor(() => expect((port as HTMLInputElement).value).toBe('8100'));
    await user.clear(port);
    await user.type(port, '0');
    await user.click(screen.getByRole('button', { name: 'Save to XS4 Face' }));
    expect(screen.getByRole('alert').textContent).toBe('Port: must be a whole number from 1 to 65535.');
    await user.clear(port);
    await user.type(port, '8443');
    await user.click(screen.getByRole('button', { name: 'Save to XS4 Face' }));
    await screen.findByText(/Saved and read back from XS4 Face/);
    expect(fake.callsOf('saveSpaceDetails')).toMatchObject([
      { host: 'space01.site.local', port: 8443, https: true },
    ]);
  });

  it('sums up the completed steps and every change from the applied-settings history', async () => {
    installFake({
      progress: {
        current: 'summary',
        done: {
          welcome: { at: '2026-11-29T19:00:00Z', summary: 'Setup started.' },
          verify: { at: '2026-11-29T19:30:00Z', summary: 'Integration status: Connected.' },
        },
      },
    });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    await screen.findByRole('heading', { level: 2, name: 'Summary' });
    expect(screen.getByText('Integration status: Connected.')).toBeTruthy();
    const history = await screen.findByTestId('history');
    expect(within(history).getByText('Sleep after set to Never (was 30 minutes).')).toBeTruthy();
    // What was changed, in words; the recorded id only as the cell's title, for support.
    expect(within(history).getByText('Sleep setting of the power plan (Windows)').title).toBe('power.sleep');
    expect(history.textContent).not.toContain('power.sleep');
    expect(history.textContent).not.toContain('face:');
    // Steps not done are named, so nothing is silently skipped.
    expect(screen.getByText(/Not done yet: Connect to XS4 Face/)).toBeTruthy();
  });

  it('the verify step claims only what it does: it follows the status, the writes were read back before', async () => {
    installFake({ progress: { current: 'verify', done: {} } });
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Verify the link' });
    const intro = heading.parentElement!.querySelector('.step__intro')!.textContent!;
    expect(intro).toContain('were written to XS4 Face and read back');
    expect(intro).toContain('follows the status of the Salto Space integration');
    expect(intro).not.toMatch(/assistant writes/);
    expect(screen.getByRole('button', { name: 'Verify' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(within(nav).getByRole('button', { current: 'step' }).textContent).toContain('Verify the link');
  });

  it('Welcome asks for the Microsoft account of the Console, not a token the Console never shows', async () => {
    installFake();
    render(<SetupWizard onTroubleshoot={vi.fn()} />);
    await screen.findByRole('heading', { level: 2, name: 'Link Salto Space to XS4 Face' });
    const text = document.body.textContent ?? '';
    expect(text).toContain('The Microsoft work account you use for the XS4 Face Console, and its region');
    expect(text).not.toContain('access token from the XS4 Face Console');
    expect(text).not.toContain('Write everything back');
  });
});
