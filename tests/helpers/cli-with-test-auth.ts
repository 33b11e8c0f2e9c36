// The real CLI (main/cli.ts's wiring: every check, the setup flow, Microsoft sign-in) with one stand-in: the cipher of
// the saved sign-in (DPAPI is Windows-only), keyed by XS4_TEST_CIPHER_KEY. No browser: tests use --device-code.
import * as path from 'node:path';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { processIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/run-cli';
import { cliSetupFactory } from '../../main/cli/setup-factory';
import type { CliAuthDeps } from '../../main/cli/sign-in';
import { testCipher } from './test-cipher';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
const windows = createWindowsRun({
  resourcesDir: path.resolve(import.meta.dirname, '..', '..', 'resources'),
});
const auth: CliAuthDeps = {
  cipher: testCipher(process.env['XS4_TEST_CIPHER_KEY'] ?? ''),
  openBrowser: () => Promise.reject(new Error('no system browser in this test')),
};
const io = processIo();
runCli(process.argv.slice(2), {
  io,
  checks: () => allChecks(windows.deps),
  setup: cliSetupFactory(io, allChecks, windows.deps, auth, controller.signal),
  signal: controller.signal,
  auth,
})
  .finally(() => windows.dispose())
  .then((code) => process.stdout.write('', () => process.exit(code)));
