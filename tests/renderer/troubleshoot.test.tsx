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
    expect(fake.callsOf('exportReport')).toEqual([{ source: 'bundle', path: 'C:\\evidence\\report.html' }]);
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
      { operationId: expect.stringMatching(/^op-/), path: 'C:\\evidence\\site12' },
    ]);
    expect(await screen.findByText('1 failed, 0 warnings, 0 skipped, 1 passed.')).toBeTruthy();
  });
});
