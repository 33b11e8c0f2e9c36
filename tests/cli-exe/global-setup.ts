// Global setup of the cli-exe test project: builds (or finds up to date) the xs4-setup executables and tells the tests
// where they are. Built like `npm run build:cli-exe`: the shipped CLI for this machine and Windows into release-cli/, and
// the same CLI with the test-only checks (tests/helpers/cli-with-test-checks.ts) and the CLI with a test cipher for its
// saved sign-in (tests/helpers/cli-with-test-auth.ts) for this machine into .cache/cli-exe/.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCliExecutables } from '../../scripts/package/cli-exe.mjs';
import { REPO, hostTarget } from '../../scripts/package/node-binary.mjs';
import type { BuiltCliExecutables } from '../helpers/cli-launcher';

export default async function setup(project: TestProject): Promise<void> {
  const host = hostTarget();
  if (!host)
    throw new Error(
      `xs4-setup executables are built on linux-x64 or win-x64, not ${process.platform}-${process.arch}.`,
    );
  const log = (line: string) => console.log(`[cli-exe] ${line}`);
  const t0 = Date.now();
  const shipped = await buildCliExecutables({ targets: [...new Set([host, 'win-x64' as const])], log });
  const [testChecks] = await buildCliExecutables({
    entry: 'tests/helpers/cli-with-test-checks.ts',
    outDir: join(REPO, '.cache', 'cli-exe'),
    targets: [host],
    name: 'xs4-setup-test-checks',
    log,
  });
  const [testAuth] = await buildCliExecutables({
    entry: 'tests/helpers/cli-with-test-auth.ts',
    outDir: join(REPO, '.cache', 'cli-exe'),
    targets: [host],
    name: 'xs4-setup-test-auth',
    log,
  });
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const built: BuiltCliExecutables = {
    shipped: shipped.find((b) => b.target === host)!.file,
    testChecks: testChecks!.file,
    testAuth: testAuth!.file,
    windows: shipped.find((b) => b.target === 'win-x64')!.file,
  };
  project.provide('xs4CliExe', built);
}
