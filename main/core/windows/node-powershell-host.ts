// The production PsHost: one long-lived, non-elevated PowerShell process driven by node-powershell, started by absolute path.
import { PowerShell } from 'node-powershell';
import { AppError } from '../errors';
import type { PsHost } from './ps-session';

/**
 * `exe` is the absolute path from resolvePowerShellExe. node-powershell would otherwise start a bare `powershell`
 * (searched in the current directory first on Windows), and NODE_POWERSHELL overrides whatever it is given, so a
 * different NODE_POWERSHELL is refused rather than obeyed.
 */
export function createNodePowerShellHost(exe: string): PsHost {
  const override = process.env.NODE_POWERSHELL;
  if (override !== undefined && override !== '' && override !== exe) {
    throw new AppError('PS_PATH_OVERRIDDEN', {
      params: { override, expected: exe },
      detail: { expected: exe },
    });
  }
  const shell = new PowerShell({
    executable: exe,
    executableOptions: {
      '-NoLogo': true,
      '-NoProfile': true,
      '-NonInteractive': true,
      '-ExecutionPolicy': 'Bypass',
    },
    outputEncoding: 'utf8',
    // The session enforces its own per-call timeout; node-powershell's is kept as a backstop only.
    invocationTimeout: 10 * 60_000,
    throwOnInvocationError: false,
    // TERM=dumb: PowerShell 7 off Windows otherwise writes terminal mode sequences around every answer.
    spawnOptions: { windowsHide: true, env: { ...process.env, TERM: 'dumb' } },
  });
  return {
    pid: shell['process'].pid,
    async invoke(command) {
      const r = await shell.invoke(command);
      return {
        stdout: r.stdout?.toString('utf8') ?? r.raw,
        stderr: r.stderr?.toString('utf8') ?? '',
        hadErrors: r.hadErrors,
      };
    },
    dispose: () => shell.dispose(),
  };
}
