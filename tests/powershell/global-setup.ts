// Before the `powershell` project: in CI a missing PowerShell fails the run; elsewhere the project skips, saying so loudly once.
import * as path from 'node:path';
import { findTestPowerShell, INSTALL_HINT } from './helpers/find-powershell.mjs';

export default function setup(): void {
  const found = findTestPowerShell(path.resolve(import.meta.dirname, '..', '..'));
  if (found) return;
  const ci = (process.env.CI ?? '').toLowerCase();
  if (ci === 'true' || ci === '1') {
    throw new Error(
      `[powershell] CI=${process.env.CI}: pwsh was not found (.tools/pwsh/pwsh or PATH), and the PowerShell tests must run here. Install it with: ${INSTALL_HINT}`,
    );
  }
  process.stderr.write(
    `\n[powershell] !!! pwsh not found: ALL PowerShell tests are SKIPPED on this machine. Install it with: ${INSTALL_HINT} !!!\n\n`,
  );
}
