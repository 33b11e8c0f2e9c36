// Where the app keeps its data (history, settings) — the same folder for the GUI and the CLI.
import { homedir } from 'node:os';
import { join, win32, posix } from 'node:path';

/** Matches package.json productName: Electron's app.getPath('userData') is <appData>/<productName>. */
export const PRODUCT_NAME = 'XS4 Face Space Assistant';

/**
 * The data folder: XS4_DATA_DIR when set, else what Electron's app.getPath('userData') gives, computed without
 * Electron so the CLI and the GUI share history: %APPDATA%\XS4 Face Space Assistant on Windows,
 * $XDG_CONFIG_HOME (or ~/.config)/XS4 Face Space Assistant elsewhere.
 */
export function dataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['XS4_DATA_DIR']?.trim();
  if (override) return override;
  if (platform === 'win32')
    return win32.join(env['APPDATA']?.trim() || win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME']?.trim() || join(home, '.config'), PRODUCT_NAME);
}
