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
    throw new AppError('PS_PATH_INVALID', {
      variant: 'notLocal',
      params: { path: full },
      detail: { path: full },
    });
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
      throw new AppError('PS_PATH_INVALID', {
        variant: 'notAbsolute',
        params: { path: opts.override },
        detail: { path: opts.override },
      });
    }
    return opts.override;
  }
  const platform = opts.platform ?? process.platform;
  if (platform === 'win32') return windowsPowerShellPath(opts.env);
  throw new AppError('PS_UNAVAILABLE', { variant: 'platform', params: { platform }, detail: { platform } });
}
