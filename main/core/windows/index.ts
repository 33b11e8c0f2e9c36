// The Windows side's public API: the read-only session, the elevated runner, the install script step, powercfg parsers.
export { PsSession, buildQueryCommand, type PsHost, type PsHostFactory } from './ps-session';
export { createNodePowerShellHost } from './node-powershell-host';
export {
  createElevatedRunner,
  type ElevatedRunner,
  type ElevatedRunRequest,
  type ElevatedOutcome,
  type ElevatedOutcomeKind,
} from './elevated-runner';
export { spawnLauncher, type ProcessLauncher, type LaunchedProcess } from './process-launcher';
export {
  prepareInstallScript,
  runInstallScript,
  type InstallScriptSource,
  type InstallScriptInfo,
  type InstallScriptRun,
  type InstallScriptDeps,
} from './install-script';
export { parsePowercfgQuery, parseActiveScheme, parseSleepStates, POWER_GUIDS } from './powercfg';
export { SPACE_ASSUMPTIONS } from './space-assumptions';
export { resolveResourcesDir } from './ps-scripts';
export type { ChangeRecord, RecordChange } from './change-record';
