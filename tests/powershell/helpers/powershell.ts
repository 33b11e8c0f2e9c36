// The PowerShell executable of this test run (set by vitest.config.ts), and a describe that skips when there is none.
import { describe } from 'vitest';
import type { TestPowerShell } from './find-powershell.mjs';

export function testPowerShell(): TestPowerShell | null {
  const p = process.env.XS4_TEST_POWERSHELL ?? '';
  if (!p) return null;
  return {
    path: p,
    kind: process.env.XS4_TEST_POWERSHELL_KIND === 'windows-powershell' ? 'windows-powershell' : 'pwsh',
  };
}

/** The PowerShell path, for tests inside `describePs` (never reached when there is none). */
export function ps(): string {
  const found = testPowerShell();
  if (!found) throw new Error('no PowerShell for this test run');
  return found.path;
}

/** describe, skipped when this machine has no PowerShell (global-setup already said so loudly; in CI it failed the run). */
export const describePs = describe.skipIf(testPowerShell() === null);
