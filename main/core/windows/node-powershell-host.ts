// The production PsHost: one long-lived, non-elevated Windows PowerShell process driven by node-powershell.
import { PowerShell } from 'node-powershell';
import type { PsHost } from './ps-session';

export function createNodePowerShellHost(): PsHost {
  const shell = new PowerShell({
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
    spawnOptions: { windowsHide: true },
  });
  return {
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
