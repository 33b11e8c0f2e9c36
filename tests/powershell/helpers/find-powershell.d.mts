// Types of find-powershell.mjs.
export interface TestPowerShell {
  /** Absolute path of the executable. */
  path: string;
  kind: 'windows-powershell' | 'pwsh';
}
export const INSTALL_HINT: string;
export function findTestPowerShell(
  root: string,
  platform?: NodeJS.Platform,
  env?: NodeJS.ProcessEnv,
): TestPowerShell | null;
