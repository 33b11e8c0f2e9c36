// The real CLI (main/cli.ts's wiring: every check, the setup flow, Microsoft sign-in) with two stand-ins, one seam each:
// the cipher of the saved sign-in (DPAPI is Windows-only), keyed by XS4_TEST_CIPHER_KEY, and the system browser: the
// URL is posted to XS4_TEST_BROWSER_URL, where the test's Chromium opens it (without it, no browser: use --device-code).
// Spawned through tsx, or built into an executable like the shipped one (tests/helpers/cli-launcher.ts, testAuthCli).
import * as path from 'node:path';
import { isSea } from 'node:sea';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { processIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/run-cli';
import { cliSetupFactory } from '../../main/cli/setup-factory';
import type { CliAuthDeps } from '../../main/cli/sign-in';
import type { Cipher } from '../../main/core/secrets/secret-store';
import { testCipher } from './test-cipher';

const controller = new AbortController();
// As main/cli.ts: the first Ctrl+C cancels the run cleanly, a second one leaves at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
// Under tsx the PowerShell scripts are two folders above this file; the test executable (in .cache/cli-exe/<target>/)
// is spawned from the repository root, or told where they are with XS4_RESOURCES_DIR as the shipped CLI is.
const windows = createWindowsRun({
  resourcesDir:
    process.env['XS4_RESOURCES_DIR'] ??
    (isSea()
      ? path.resolve('resources')
      : path.resolve(path.dirname(process.argv[1] ?? '.'), '..', '..', 'resources')),
});
const browserUrl = process.env['XS4_TEST_BROWSER_URL'];
// Keyed when first used, so `--version` and `help` (the executable build runs `--version`) need no key.
let keyed: Cipher | undefined;
const cipher = (): Cipher => (keyed ??= testCipher(process.env['XS4_TEST_CIPHER_KEY'] ?? ''));
const auth: CliAuthDeps = {
  cipher: {
    isAvailable: () => cipher().isAvailable(),
    encrypt: (plaintext) => cipher().encrypt(plaintext),
    decrypt: (ciphertext) => cipher().decrypt(ciphertext),
  },
  openBrowser: browserUrl
    ? async (url) => {
        const r = await fetch(browserUrl, { method: 'POST', body: url });
        if (!r.ok) throw new Error(`the test browser could not open the page (HTTP ${r.status})`);
      }
    : () => Promise.reject(new Error('no system browser in this test')),
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
