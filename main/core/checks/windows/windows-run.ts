// Production wiring for one run: one lazily started PowerShell session shared by every Windows check, the real elevated runner, and dispose.
import type { RecordChange } from '../../windows/change-record';
import { createElevatedRunner } from '../../windows/elevated-runner';
import { createNodePowerShellHost } from '../../windows/node-powershell-host';
import { resolvePowerShellExe } from '../../windows/powershell-exe';
import { spawnLauncher, type ProcessLauncher } from '../../windows/process-launcher';
import { PsSession, type PsHostFactory } from '../../windows/ps-session';
import type { WindowsCheckDeps } from './deps';

export interface WindowsRunOptions {
  resourcesDir?: string;
  recordChange?: RecordChange;
  /** Seams, defaulting to the real thing. */
  hostFactory?: PsHostFactory;
  launcher?: ProcessLauncher;
  /** The one seam for the PowerShell executable of both launchers (an absolute path; tests pass pwsh). */
  powershellExe?: string;
  /** False only in tests: elevated runs happen for real without `-Verb RunAs`. */
  elevate?: boolean;
  queryTimeoutMs?: number;
}

/** Nothing starts until a check on Windows asks for it; off Windows no PowerShell is ever spawned. */
export function createWindowsRun(opts: WindowsRunOptions = {}): {
  deps: WindowsCheckDeps;
  dispose(): Promise<void>;
} {
  let session: PsSession | undefined;
  const deps: WindowsCheckDeps = {
    session: () =>
      (session ??= new PsSession({
        hostFactory:
          opts.hostFactory ??
          (() =>
            createNodePowerShellHost(
              resolvePowerShellExe(opts.powershellExe !== undefined ? { override: opts.powershellExe } : {}),
            )),
        ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}),
        ...(opts.queryTimeoutMs ? { timeoutMs: opts.queryTimeoutMs } : {}),
      })),
    runElevated: createElevatedRunner({
      launcher: opts.launcher ?? spawnLauncher,
      ...(opts.powershellExe !== undefined ? { powershellExe: opts.powershellExe } : {}),
      ...(opts.elevate !== undefined ? { elevate: opts.elevate } : {}),
    }),
    ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}),
    ...(opts.recordChange ? { recordChange: opts.recordChange } : {}),
  };
  return {
    deps,
    async dispose() {
      await session?.dispose();
      session = undefined;
    },
  };
}
