// Both launchers start Windows PowerShell by absolute path (never a bare name the current directory could answer).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { resolvePowerShellExe, windowsPowerShellPath } from '../../../main/core/windows/powershell-exe';

function codeOf(f: () => unknown): string {
  try {
    f();
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe('the PowerShell executable', () => {
  it('is Windows PowerShell under %SystemRoot%\\System32\\WindowsPowerShell\\v1.0 on Windows', () => {
    expect(windowsPowerShellPath({ SystemRoot: 'C:\\Windows' })).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(windowsPowerShellPath({ SystemRoot: 'D:\\WINNT' })).toBe(
      'D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(resolvePowerShellExe({ platform: 'win32', env: { SystemRoot: 'C:\\Windows' } })).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });

  it('falls back to C:\\Windows when SystemRoot is missing, and refuses a relative SystemRoot', () => {
    expect(windowsPowerShellPath({})).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(codeOf(() => windowsPowerShellPath({ SystemRoot: 'Windows' }))).toBe('PS_PATH_INVALID');
    expect(codeOf(() => windowsPowerShellPath({ SystemRoot: '.' }))).toBe('PS_PATH_INVALID');
  });

  it('takes the one test seam only as an absolute path', () => {
    expect(resolvePowerShellExe({ override: '/opt/pwsh/pwsh', platform: 'linux' })).toBe('/opt/pwsh/pwsh');
    expect(codeOf(() => resolvePowerShellExe({ override: 'pwsh' }))).toBe('PS_PATH_INVALID');
    expect(codeOf(() => resolvePowerShellExe({ override: 'powershell.exe' }))).toBe('PS_PATH_INVALID');
  });

  it('is unavailable off Windows without the seam', () => {
    expect(codeOf(() => resolvePowerShellExe({ platform: 'linux' }))).toBe('PS_UNAVAILABLE');
  });
});
