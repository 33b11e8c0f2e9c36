// Where the packaged app under test is, and how to start it with Playwright's _electron (Windows workflow; any OS with a real build).
import { _electron, type ElectronApplication } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const PRODUCT_NAME = 'XS4 Face Space Assistant';

/** XS4_PACKAGED_EXE, or the unpacked test build that `XS4_BUILD_KIND=test electron-builder --dir` leaves in release-test/. */
export function packagedExecutable(env = process.env): string {
  if (env.XS4_PACKAGED_EXE) return env.XS4_PACKAGED_EXE;
  if (process.platform === 'win32') return join(REPO, 'release-test', 'win-unpacked', `${PRODUCT_NAME}.exe`);
  return join(REPO, 'release-test', 'linux-unpacked', 'xs4-space-assistant');
}

/**
 * Starts the packaged app. It must be a *test* build: release builds have the --inspect fuse off, and Playwright
 * attaches through --inspect. A missing build is an error with the command that makes it.
 */
export async function launchPackagedApp(env: Record<string, string> = {}): Promise<ElectronApplication> {
  const executablePath = packagedExecutable();
  if (!existsSync(executablePath)) {
    throw new Error(
      `No packaged app at ${executablePath}. Build one with: npm run build && XS4_BUILD_KIND=test npx electron-builder --dir -c.directories.output=release-test (or set XS4_PACKAGED_EXE).`,
    );
  }
  return _electron.launch({
    executablePath,
    args: [],
    env: { ...(process.env as Record<string, string>), ...env },
    timeout: 60_000,
  });
}
