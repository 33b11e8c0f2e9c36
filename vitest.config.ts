// Test projects: the Electron-free core, the main shell (fake electron at one seam), the renderer (DOM), end to end (Chromium),
// the offline package check (electron-builder with a stub Electron), the xs4-setup executables, the PowerShell scripts in
// real PowerShell, and the packaged-app end to end tests that need Windows and the real Electron.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { delimiter, dirname } from 'node:path';
import { findTestPowerShell } from './tests/powershell/helpers/find-powershell.mjs';

const fakeElectron = fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url));
const powershell = findTestPowerShell(fileURLToPath(new URL('.', import.meta.url)));
const onWindows = process.platform === 'win32';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.ci-reports/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { electron: fakeElectron } },
        test: {
          name: 'shell',
          environment: 'node',
          include: ['tests/shell/**/*.test.ts'],
          // Packages that import electron themselves must go through the alias too.
          server: { deps: { inline: ['electron-store'] } },
          setupFiles: ['tests/fakes/register-electron-cjs.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'package',
          environment: 'node',
          include: ['tests/package/**/*.test.ts'],
          // Stages the project, builds it and runs electron-builder: minutes on a 2-core machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The xs4-setup executables (Node single executable applications): the global setup builds them like
        // `npm run build:cli-exe` (cached in release-cli/ and .cache/cli-exe/), then the CLI's own integration tests run
        // again on them (tests/helpers/cli-launcher.ts picks the executable) and tests/cli-exe checks the Windows PE.
        test: {
          name: 'cli-exe',
          environment: 'node',
          include: ['tests/cli-exe/**/*.test.ts', 'tests/integration/cli/*.test.ts'],
          globalSetup: ['tests/cli-exe/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Every script of resources/powershell and every generated wrapper, executed in real PowerShell: pwsh 7 here,
        // Windows PowerShell 5.1 on the Windows workflow. Platform folders hold what only one side can run.
        test: {
          name: 'powershell',
          environment: 'node',
          include: [
            'tests/powershell/*.test.ts',
            onWindows ? 'tests/powershell/windows/*.test.ts' : 'tests/powershell/posix/*.test.ts',
          ],
          globalSetup: ['tests/powershell/global-setup.ts'],
          env: {
            XS4_TEST_POWERSHELL: powershell?.path ?? '',
            XS4_TEST_POWERSHELL_KIND: powershell?.kind ?? '',
            // The project-local pwsh is on the PATH of these tests too.
            PATH: [...(powershell ? [dirname(powershell.path)] : []), process.env.PATH ?? ''].join(delimiter),
          },
          // Each file starts PowerShell processes (about a second each on a 2-core machine): one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Playwright _electron against the installed/packaged app; only the Windows workflow selects this project
        // (`vitest run --project electron-e2e`). The default run leaves it out, see `test` in package.json.
        test: {
          name: 'electron-e2e',
          environment: 'node',
          include: ['tests/e2e-electron/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
