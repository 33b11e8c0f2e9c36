// Which PowerShell executable every launcher starts: Windows PowerShell by absolute path in production, one injected path in tests.
import * as path from 'node:path';
import { AppError } from '../errors';

/**
 * The absolute path of Windows PowerShell 5.1. Never a bare `powershell.exe`: Windows searches the current directory
 * first, so a planted powershell.exe in Downloads or on a USB stick would run (and be offered for UAC).
 */
export function windowsPowerShellPath(env: NodeJS.ProcessEnv = process.env): string {
  // %SystemRoot% is set by Windows for every process; C:\Windows is where it is when something cleared it.
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? 'C:\\Windows';
  const full = path.win32.join(root, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  if (!path.win32.isAbsolute(full) || !/^[A-Za-z]:\\/.test(full)) {
    throw new AppError(
      'PS_PATH_INVALID',
      `Windows PowerShell would be started from "${full}", which is not an absolute local path.`,
      'Check the SystemRoot environment variable of the account running the app.',
      { path: full },
    );
  }
  return full;
}

/**
 * The executable for both launchers (the read-only session and the elevated runner). `override` is the one test seam:
 * the PowerShell tests pass the project's pwsh here, so they run the same launcher code as production.
 * Off Windows, without an override, there is nothing to start: PS_UNAVAILABLE.
 */
export function resolvePowerShellExe(
  opts: { override?: string; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
): string {
  if (opts.override !== undefined) {
    if (!path.isAbsolute(opts.override) && !path.win32.isAbsolute(opts.override)) {
      throw new AppError(
        'PS_PATH_INVALID',
        `The PowerShell executable "${opts.override}" is not an absolute path.`,
        'Give the full path of the PowerShell executable.',
        { path: opts.override },
      );
    }
    return opts.override;
  }
  const platform = opts.platform ?? process.platform;
  if (platform === 'win32') return windowsPowerShellPath(opts.env);
  throw new AppError(
    'PS_UNAVAILABLE',
    `Windows PowerShell does not exist on ${platform}.`,
    'Run the Windows checks and fixes on the Space server.',
    { platform },
  );
}
