// The Troubleshoot view: runs all checks, opens a bundle from another machine (no fixes offered), exports a report.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialSetupState, useSetupStore } from '../../renderer/store/setup';
import { Troubleshoot } from '../../renderer/views/Troubleshoot';
import { check, installFake } from './fake-xs4';
import { initTestI18n } from './setup-i18n';

beforeAll(async () => {
  await initTestI18n('en');
});
beforeEach(() => useSetupStore.setState({ ...initialSetupState }));
afterEach(cleanup);

/** The Browse… button in the field with this label. */
function browseFor(label: string): HTMLElement {
  const field = screen.getByLabelText(label, { selector: 'input' }).closest('.field');
  if (!(field instanceof HTMLElement)) throw new Error(`no field for ${label}`);
  return within(field).getByRole('button', { name: 'Browse…' });
}

describe('Troubleshoot', () => {
  it('focuses its title and runs every check', async () => {
    const user = userEvent.setup();
    const fake = installFake({
      checks: [
        check('space.https', 'pass'),
        check('power.sleep', 'fail', { fix: { title: 'Turn off sleep', elevated: true } }),
      ],
    });
    render(<Troubleshoot onSetup={vi.fn()} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Troubleshoot' }));
    await user.click(screen.getByRole('button', { name: 'Run all checks' }));
    expect(fake.callsOf('runChecks')).toEqual([{ operationId: expect.stringMatching(/^op-/), ids: null }]);
    expect(await screen.findByText('1 failed, 0 warnings, 0 skipped, 1 passed.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Turn off sleep (needs administrator)' })).toBeTruthy();
  });

  it('opens a bundle from another machine without offering fixes, then exports its report', async () => {
    const user = userEvent.setup();
    const fake = installFake();
    render(<Troubleshoot onSetup={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Open and evaluate' }));
    expect(screen.getByText('Bundle folder: must not be empty.')).toBeTruthy();
    await user.type(screen.getByLabelText('Bundle folder'), 'C:\\evidence\\site12');
    await user.click(screen.getByRole('button', { name: 'Open and evaluate' }));
    const bundle = await screen.findByTestId('bundle');
    expect(within(bundle).getByText('SPACE-SRV-12')).toBeTruthy();
    expect(within(bundle).getByText('Set sleep to Never on that server.')).toBeTruthy();
    expect(within(bundle).queryByRole('button')).toBeNull();

    await user.type(screen.getByLabelText('Report file'), 'C:\\evidence\\report.pdf');
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    expect(screen.getByText('Report file: must name an .html file.')).toBeTruthy();
    expect(fake.callsOf('exportReport')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Report file'));
    await user.type(screen.getByLabelText('Report file'), 'C:\\evidence\\report.html');
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    expect(await screen.findByText('Report written to C:\\evidence\\report.html.')).toBeTruthy();
    expect(fake.callsOf('exportReport')).toEqual([
      { source: 'bundle', path: 'C:\\evidence\\report.html', createFolder: false },
    ]);
  });

  it('collects an evidence bundle of this server into a folder the technician names', async () => {
    const user = userEvent.setup();
    const fake = installFake({ checks: [check('space.https', 'pass'), check('power.sleep', 'fail')] });
    render(<Troubleshoot onSetup={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Collect bundle' }));
    expect(screen.getByText('Bundle folder to create: must not be empty.')).toBeTruthy();
    expect(fake.callsOf('collectBundle')).toHaveLength(0);
    await user.type(screen.getByLabelText('Bundle folder to create'), 'C:\\evidence\\site12');
    await user.click(screen.getByRole('button', { name: 'Collect bundle' }));
    expect(await screen.findByText('Evidence bundle written to /abs/C:\\evidence\\site12.')).toBeTruthy();
    expect(fake.callsOf('collectBundle')).toEqual([
      { operationId: expect.stringMatching(/^op-/), path: 'C:\\evidence\\site12', createFolder: false },
    ]);
    expect(await screen.findByText('1 failed, 0 warnings, 0 skipped, 1 passed.')).toBeTruthy();
  });

  it('refuses a relative path next to each field, before any call', async () => {
    const user = userEvent.setup();
    const fake = installFake();
    render(<Troubleshoot onSetup={vi.fn()} />);
    await user.type(screen.getByLabelText('Bundle folder'), 'evidence');
    await user.click(screen.getByRole('button', { name: 'Open and evaluate' }));
    expect(
      screen.getByText(
        'Bundle folder: must be a full path that starts with a drive letter (C:\\…) or \\\\server\\share, not a name alone.',
      ),
    ).toBeTruthy();
    await user.type(screen.getByLabelText('Report file'), 'report.html');
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    expect(screen.getByText(/^Report file: must be a full path/)).toBeTruthy();
    await user.type(screen.getByLabelText('Bundle folder to create'), '..\\out');
    await user.click(screen.getByRole('button', { name: 'Collect bundle' }));
    expect(screen.getByText(/^Bundle folder to create: must be a full path/)).toBeTruthy();
    expect(fake.calls.map((c) => c.method)).toEqual([]);
  });

  it('fills a path from the system dialog; Cancel leaves the field as it was', async () => {
    const user = userEvent.setup();
    const fake = installFake({ dialogAnswers: ['D:\\site-12\\report.html', null] });
    render(<Troubleshoot onSetup={vi.fn()} />);
    const field = screen.getByLabelText('Report file');
    const browse = browseFor('Report file');
    expect(browse.getAttribute('aria-describedby')).toBe(
      screen.getByText('Report file', { selector: 'label' }).id,
    );
    await user.click(browse);
    await vi.waitFor(() => expect((field as HTMLInputElement).value).toBe('D:\\site-12\\report.html'));
    await user.click(browse);
    await vi.waitFor(() => expect(fake.callsOf('choosePath')).toHaveLength(2));
    expect((field as HTMLInputElement).value).toBe('D:\\site-12\\report.html');
    // The second time the dialog opens where the field points.
    expect(fake.callsOf('choosePath')).toEqual([
      { purpose: 'report', title: 'Save the report as', filterName: 'HTML report' },
      {
        purpose: 'report',
        title: 'Save the report as',
        filterName: 'HTML report',
        defaultPath: 'D:\\site-12\\report.html',
      },
    ]);
    expect(browseFor('Bundle folder')).toBeTruthy();
    expect(browseFor('Bundle folder to create')).toBeTruthy();
  });

  it('asks before the core creates a missing folder; No sends nothing more, Yes sends it again with createFolder', async () => {
    const user = userEvent.setup();
    const fake = installFake({ missingFolders: ['D:\\reports'] });
    render(<Troubleshoot onSetup={vi.fn()} />);
    await user.type(screen.getByLabelText('Report file'), 'D:\\reports\\site.html');
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Create the folder?' });
    expect(ask.textContent).toContain('The folder D:\\reports for “Report file” does not exist.');
    // Cancel has focus: Enter on the question does not create anything.
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }));
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsOf('exportReport')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Create the folder?' })).getByRole('button', {
        name: 'Create folder',
      }),
    );
    expect(await screen.findByText('Report written to D:\\reports\\site.html.')).toBeTruthy();
    expect(fake.callsOf('exportReport')).toEqual([
      { source: 'live', path: 'D:\\reports\\site.html', createFolder: false },
      { source: 'live', path: 'D:\\reports\\site.html', createFolder: false },
      { source: 'live', path: 'D:\\reports\\site.html', createFolder: true },
    ]);
  });
});
