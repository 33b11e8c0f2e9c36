// Which xs4-setup the CLI integration tests spawn: the sources through tsx (project core), or the built executables
// (project cli-exe, whose global setup builds them and provides their paths). The same test files run in both.
import { inject } from 'vitest';
import { join, resolve } from 'node:path';

export interface BuiltCliExecutables {
  /** The shipped CLI (main/cli.ts) for this machine. */
  shipped: string;
  /** The same CLI with the test-only checks (tests/helpers/cli-with-test-checks.ts), built the same way. */
  testChecks: string;
  /** The shipped CLI's wiring with a test cipher for the saved sign-in (tests/helpers/cli-with-test-auth.ts). */
  testAuth: string;
  /** xs4-setup.exe, the one the installer ships. */
  windows: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    xs4CliExe: BuiltCliExecutables | undefined;
  }
}

export interface CliCommand {
  /** The program to spawn and the arguments that come before xs4-setup's own. */
  file: string;
  args: string[];
}

const ROOT = resolve(import.meta.dirname, '../..');
const built = inject('xs4CliExe');

/** 'executable' in the cli-exe project, 'source' elsewhere. */
export const CLI_KIND: 'executable' | 'source' = built ? 'executable' : 'source';

const viaTsx = (entry: string): CliCommand => ({
  file: process.execPath,
  args: ['--import', 'tsx', join(ROOT, entry)],
});

/** The product's CLI: main/cli.ts, or the xs4-setup executable. */
export function shippedCli(): CliCommand {
  return built ? { file: built.shipped, args: [] } : viaTsx('main/cli.ts');
}

/** The CLI with the test-only checks (loopback servers, a powercfg file): source, or its executable. */
export function testChecksCli(): CliCommand {
  return built ? { file: built.testChecks, args: [] } : viaTsx('tests/helpers/cli-with-test-checks.ts');
}

/**
 * The product's CLI wiring (every check, the setup flow, Microsoft sign-in) with a test cipher for the saved sign-in,
 * DPAPI being Windows-only: source, or its executable (which bundles msal-node like the shipped one).
 */
export function testAuthCli(): CliCommand {
  return built ? { file: built.testAuth, args: [] } : viaTsx('tests/helpers/cli-with-test-auth.ts');
}

/** The built executables, in the cli-exe project only. */
export function builtExecutables(): BuiltCliExecutables {
  if (!built) throw new Error('The xs4-setup executables are built only for the cli-exe test project.');
  return built;
}
