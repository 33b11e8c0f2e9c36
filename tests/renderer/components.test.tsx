// The shared components: status badges (colour class, icon, text, accessible name), masked secrets, checks with
// confirmation, the live log panel, form errors that name the field and the rule, the certificate dialog.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CertificateDialog, formatFingerprint } from '../../renderer/components/CertificateDialog';
import { CopyButton } from '../../renderer/components/CopyButton';
import { CheckList } from '../../renderer/components/CheckList';
import { LogPanel } from '../../renderer/components/LogPanel';
import { MASK, SecretField } from '../../renderer/components/SecretField';
import { StatusBadge } from '../../renderer/components/StatusBadge';
import { TextField } from '../../renderer/components/TextField';
import { CERT, SECRET_SHIP_KEY, check, installFake } from './fake-xs4';
import { initTestI18n } from './setup-i18n';

beforeAll(async () => {
  await initTestI18n('en');
});
afterEach(cleanup);

describe('StatusBadge', () => {
  it.each([
    ['connected', 'Connected'],
    ['unauthorized', 'Unauthorized'],
    ['disconnected', 'Disconnected'],
    ['unconfigured', 'No status'],
  ] as const)('shows %s with colour, icon and text, labelled for screen readers', (status, text) => {
    const { container } = render(<StatusBadge kind="integration" status={status} />);
    const badge = screen.getByRole('img', { name: `Status: ${text}` });
    expect(badge.className).toContain(`badge--${status}`);
    expect(badge.textContent).toBe(text);
    expect(container.querySelector('svg[aria-hidden="true"] path')).not.toBeNull();
  });

  it('gives each status its own icon', () => {
    const shapes = (['connected', 'unauthorized', 'disconnected', 'unconfigured'] as const).map((status) => {
      const { container, unmount } = render(<StatusBadge kind="integration" status={status} />);
      const d = container.querySelector('path')?.getAttribute('d');
      unmount();
      return d;
    });
    expect(new Set(shapes).size).toBe(4);
  });

  it('speaks Spanish when switched', async () => {
    const i18n = await initTestI18n('es');
    render(<StatusBadge kind="integration" status="unconfigured" />);
    expect(screen.getByRole('img', { name: 'Estado: Sin estado' })).toBeTruthy();
    await i18n.changeLanguage('en');
  });
});

describe('SecretField', () => {
  it('never renders the value until revealed, hides it again, and copies without receiving it', async () => {
    const user = userEvent.setup();
    const onReveal = vi.fn(async () => SECRET_SHIP_KEY);
    const onCopy = vi.fn(async () => true);
    const { container } = render(
      <SecretField label="SHIP API Key" set fingerprint="3fa4c2d1" onReveal={onReveal} onCopy={onCopy} />,
    );
    expect(container.textContent).not.toContain(SECRET_SHIP_KEY);
    expect(screen.getByTestId('secret-value').textContent).toBe(MASK);
    expect(container.textContent).toContain('3fa4c2d1');

    await user.click(screen.getByRole('button', { name: 'Copy SHIP API Key' }));
    expect(onCopy).toHaveBeenCalledOnce();
    expect(onReveal).not.toHaveBeenCalled();
    expect(container.textContent).not.toContain(SECRET_SHIP_KEY);
    expect(screen.getByRole('status').textContent).toContain('Copied');

    await user.click(screen.getByRole('button', { name: 'Show SHIP API Key' }));
    expect(screen.getByTestId('secret-value').textContent).toBe(SECRET_SHIP_KEY);
    await user.click(screen.getByRole('button', { name: 'Hide SHIP API Key' }));
    expect(container.textContent).not.toContain(SECRET_SHIP_KEY);
  });

  it('hides a revealed value by itself after a while', async () => {
    vi.useFakeTimers();
    try {
      render(
        <SecretField
          label="Key"
          set
          fingerprint={null}
          onReveal={async () => SECRET_SHIP_KEY}
          onCopy={async () => true}
          hideAfterMs={1000}
        />,
      );
      await act(async () => {
        screen.getByRole('button', { name: 'Show Key' }).click();
      });
      expect(screen.getByTestId('secret-value').textContent).toBe(SECRET_SHIP_KEY);
      await act(async () => {
        vi.advanceTimersByTime(1001);
      });
      expect(screen.getByTestId('secret-value').textContent).toBe(MASK);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('CopyButton', () => {
  it('copies a shown value through the main process and says so', async () => {
    const user = userEvent.setup();
    const fake = installFake();
    render(<CopyButton value="https://xs4face.site.local" label="XS4 Face server address" />);
    await user.click(screen.getByRole('button', { name: 'Copy XS4 Face server address' }));
    expect(fake.callsOf('copyText')).toEqual([{ text: 'https://xs4face.site.local' }]);
    expect(screen.getByRole('status').textContent).toBe('Copied to the clipboard.');
  });
});

describe('TextField', () => {
  it('names the field and the rule, and ties the message to the input', () => {
    render(
      <TextField
        label="Port"
        field="port"
        value="70000"
        onChange={() => undefined}
        errors={[{ field: 'port', rule: 'port' }]}
      />,
    );
    const input = screen.getByLabelText('Port');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByRole('alert');
    expect(message.textContent).toBe('Port: must be a whole number from 1 to 65535.');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
  });

  it("says a rule the core broke in the page's language, never its catalog key", async () => {
    const i18n = await initTestI18n('es');
    render(
      <TextField
        label="Dirección del servidor XS4 Face"
        field="url"
        value="https://x/?a=1"
        onChange={() => undefined}
        errors={[{ field: 'url', rule: 'core', ruleText: { key: 'rules.required' } }]}
      />,
    );
    const message = screen.getByRole('alert').textContent ?? '';
    expect(message).not.toContain('rules.');
    expect(message).toBe(`Dirección del servidor XS4 Face: ${i18n.t('rules.required', { ns: 'core' })}.`);
    await i18n.changeLanguage('en');
  });
});

describe('CheckList', () => {
  const failing = check('power.sleep', 'fail', {
    remedy: 'Set sleep to Never.',
    fix: { title: 'Turn off sleep', elevated: true },
    code: 'POWER_SLEEP_ON',
  });
  const manual = check('space.ship', 'fail', {
    remedy: 'In Space, open General options › SHIP and choose custom authentication.',
  });

  it('asks before fixing; Cancel changes nothing, confirming calls the fix', async () => {
    const user = userEvent.setup();
    const onFix = vi.fn();
    render(<CheckList checks={[failing, manual]} busy={false} onFix={onFix} onUndo={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('2 failed, 0 warnings, 0 skipped, 0 passed.');
    await user.click(screen.getByRole('button', { name: 'Turn off sleep (needs administrator)' }));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText(/administrator permission/)).toBeTruthy();
    // Focus starts on Cancel, so Enter does not change the server by accident.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Enter}');
    expect(onFix).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Turn off sleep (needs administrator)' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Turn off sleep' }));
    expect(onFix).toHaveBeenCalledWith('power.sleep');
  });

  it('lists failures first, then warnings, skipped and passed, keeping the order within each', () => {
    const checks = [
      check('face.reachable', 'pass'),
      check('power.states', 'skip'),
      check('power.sleep', 'fail'),
      check('space.https', 'warn'),
      check('face.signed-in', 'pass'),
      check('space.ship', 'fail'),
    ];
    const { container } = render(<CheckList checks={checks} busy={false} onFix={vi.fn()} onUndo={vi.fn()} />);
    const order = [...container.querySelectorAll('li[data-check]')].map((li) =>
      li.getAttribute('data-check'),
    );
    expect(order).toEqual([
      'power.sleep',
      'space.ship',
      'space.https',
      'power.states',
      'face.reachable',
      'face.signed-in',
    ]);
    expect(screen.getByRole('status').textContent).toBe('2 failed, 1 warnings, 1 skipped, 2 passed.');
  });

  it('gives exact instructions where only the technician can fix', () => {
    render(<CheckList checks={[manual]} busy={false} onFix={vi.fn()} onUndo={vi.fn()} />);
    const item = screen.getByText('Check space.ship').closest('li') as HTMLElement;
    expect(within(item).getByText('How to fix it:')).toBeTruthy();
    expect(within(item).getByText(/custom authentication/)).toBeTruthy();
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it('offers Undo after a fix, with its own confirmation', async () => {
    const user = userEvent.setup();
    const onUndo = vi.fn();
    render(
      <CheckList
        checks={[check('power.sleep', 'pass', { undoAvailable: true })]}
        busy={false}
        onFix={vi.fn()}
        onUndo={onUndo}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledWith('power.sleep');
  });
});

describe('LogPanel', () => {
  it('shows progress, the output and a working Cancel while running', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(
      <LogPanel
        title="Script output"
        onCancel={onCancel}
        operation={{
          id: 'op-1',
          kind: 'installScript',
          action: 'runScript',
          step: 'installScript',
          startedAt: Date.now() - 65_000,
          stage: null,
          running: true,
          pending: null,
          deviceCode: null,
          message: 'Installing certificates',
          fraction: 0.4,
          log: ['line one', 'line two'],
          cancelRequested: false,
        }}
      />,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByRole('log').textContent).toBe('line one\nline two');
    expect(screen.getByRole('status').textContent).toBe('Installing certificates');
    // What it waits for, and for how long.
    expect(screen.getByRole('timer').textContent).toBe('Elapsed: 1 min 05 s');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('CertificateDialog', () => {
  it('shows subject, issuer, validity and the fingerprint in readable pairs; Escape refuses', async () => {
    const user = userEvent.setup();
    const onRefuse = vi.fn();
    render(
      <CertificateDialog
        pending={{
          url: 'https://xs4face.test',
          certificate: CERT,
          reason: {
            code: 'TLS_UNTRUSTED',
            message: 'The certificate is not trusted by Windows.',
            remedy: '',
          },
        }}
        server="face"
        busy={false}
        onTrust={vi.fn()}
        onRefuse={onRefuse}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Trust this certificate?' });
    expect(within(dialog).getByText('The certificate is not trusted by Windows.')).toBeTruthy();
    expect(within(dialog).getAllByText(/CN=xs4face.test/).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('cert-fingerprint').textContent).toBe(formatFingerprint(CERT.fingerprint256));
    expect(screen.getByTestId('cert-fingerprint').textContent).toMatch(/^(AB:){31}AB$/);
    await user.keyboard('{Escape}');
    expect(onRefuse).toHaveBeenCalledOnce();
  });

  it('a changed certificate shows the fingerprint accepted before and the one presented now', () => {
    render(
      <CertificateDialog
        pending={{
          url: 'https://xs4face.test',
          certificate: CERT,
          reason: {
            code: 'FACE_TLS_PIN_MISMATCH',
            message: 'Another certificate than the one you accepted.',
            remedy: '',
          },
          previousFingerprint256: 'EF'.repeat(32),
        }}
        server="face"
        busy={false}
        onTrust={vi.fn()}
        onRefuse={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'The certificate changed' });
    expect(screen.getByTestId('cert-previous-fingerprint').textContent).toBe(
      formatFingerprint('EF'.repeat(32)),
    );
    expect(screen.getByTestId('cert-fingerprint').textContent).toBe(formatFingerprint(CERT.fingerprint256));
    expect(within(dialog).getByRole('button', { name: 'Trust the new certificate' })).toBeTruthy();
  });

  it('flags a certificate whose names do not cover the address typed, naming both', () => {
    const other = {
      ...CERT,
      host: '10.0.0.7',
      namesMatch: false,
      subjectAltNames: ['DNS:xs4face.test', 'IP Address:10.0.0.5'],
    };
    const { unmount } = render(
      <CertificateDialog
        pending={{
          url: 'https://10.0.0.7/',
          certificate: other,
          reason: { code: 'TLS_UNTRUSTED', message: 'Not trusted.', remedy: '' },
        }}
        server="face"
        busy={false}
        onTrust={vi.fn()}
        onRefuse={vi.fn()}
      />,
    );
    const flag = screen.getByTestId('cert-names-mismatch');
    expect(flag.textContent).toContain('This certificate is not issued for the address you typed');
    expect(flag.textContent).toContain(
      'You typed 10.0.0.7, but the certificate names xs4face.test, 10.0.0.5.',
    );
    unmount();
    // Names that cover the address, or a certificate judged for no address: nothing to flag.
    for (const certificate of [{ ...CERT, host: 'xs4face.test', namesMatch: true }, CERT]) {
      const view = render(
        <CertificateDialog
          pending={{
            url: 'https://xs4face.test/',
            certificate,
            reason: { code: 'TLS_UNTRUSTED', message: 'Not trusted.', remedy: '' },
          }}
          server="face"
          busy={false}
          onTrust={vi.fn()}
          onRefuse={vi.fn()}
        />,
      );
      expect(screen.queryByTestId('cert-names-mismatch')).toBeNull();
      view.unmount();
    }
  });

  it('for Space, says where to compare the fingerprint: the Space server', () => {
    render(
      <CertificateDialog
        pending={{
          url: 'https://space01:8100/',
          certificate: CERT,
          reason: { code: 'SPACE_TLS_SELF_SIGNED', message: 'Self-signed.', remedy: '' },
        }}
        server="space"
        busy={false}
        onTrust={vi.fn()}
        onRefuse={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: "Trust Space's certificate?" });
    expect(dialog.textContent).toContain('Space server');
    expect(dialog.textContent).not.toContain('XS4 Face server');
  });
});
