// Generates the two PowerShell wrappers of an elevated run: the outer (non-elevated) one calls Start-Process -Verb RunAs on the inner one.
//
// All variable data (paths, parameters) travels as base64 JSON inside single-quoted literals; the script text is fixed.
import { AppError } from '../errors';
import { base64Literal, encodeCommand, encodeParams, MAX_COMMAND_LINE } from './ps-encoding';

/** Exit code Windows uses when the user refuses the UAC prompt (ERROR_CANCELLED). */
export const ELEVATION_CANCELLED_EXIT = 1223;

export type ElevatedParamValue = string | number | boolean | string[];

export interface InnerSpec {
  /** Full path of the .ps1 to run. */
  target: string;
  /** Named parameters for the target. */
  params: Record<string, ElevatedParamValue>;
  logPath: string;
  statusPath: string;
  /** A file only the user can read holding a secret; read, deleted, then passed as this named parameter. */
  secret?: { file: string; param: string };
  /** When this file appears, a watcher started by the elevated wrapper ends the elevated process tree. */
  cancelPath?: string;
}

/**
 * Fixed text of the cancel watcher. A non-elevated process may not end an elevated one, so the elevated wrapper starts
 * this watcher (elevated too) and it ends the wrapper's process tree when the runner drops the cancel file.
 * Its only inputs come through an environment variable holding JSON (the wrapper's PID and the cancel file path).
 */
export const CANCEL_WATCHER = `$w = $env:XS4_CANCEL_WATCH | ConvertFrom-Json
function Stop-Tree([int]$Id) {
  foreach ($c in @(Get-CimInstance -ClassName Win32_Process -Filter ('ParentProcessId=' + [int]$Id))) {
    if ([int]$c.ProcessId -ne $PID) { Stop-Tree ([int]$c.ProcessId) }
  }
  Stop-Process -Id $Id -Force -ErrorAction SilentlyContinue
}
while ($true) {
  if (-not (Get-Process -Id ([int]$w.pid) -ErrorAction SilentlyContinue)) { exit 0 }
  if (Test-Path -LiteralPath ([string]$w.cancel)) { Stop-Tree ([int]$w.pid); exit 0 }
  Start-Sleep -Milliseconds 500
}`;

/** The elevated script: sets the process execution policy, runs the target with named parameters, writes log and status. */
export function buildInnerScript(spec: InnerSpec): string {
  const data = encodeParams({
    target: spec.target,
    params: spec.params,
    log: spec.logPath,
    status: spec.statusPath,
    secretFile: spec.secret?.file ?? '',
    secretParam: spec.secret?.param ?? '',
    cancel: spec.cancelPath ?? '',
  });
  return `$ErrorActionPreference = 'Stop'
$a = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${base64Literal(data)})) | ConvertFrom-Json
$utf8 = New-Object System.Text.UTF8Encoding $false
$code = 1
function Write-Log([string]$Line) { [System.IO.File]::AppendAllText($a.log, $Line + [Environment]::NewLine, $utf8) }
$watcher = $null
try {
  [System.IO.File]::WriteAllText($a.log, '', $utf8)
  if ($a.cancel -ne '') {
    $env:XS4_CANCEL_WATCH = ConvertTo-Json -Compress -InputObject @{ pid = $PID; cancel = [string]$a.cancel }
    $watcherText = @'
${CANCEL_WATCHER}
'@
    $watcherArgs = @('-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($watcherText)))
    $watcher = Start-Process -FilePath 'powershell.exe' -ArgumentList $watcherArgs -WindowStyle Hidden -PassThru
  }
  # A Group Policy execution policy makes this report an override even though -ExecutionPolicy already applies: log it, carry on.
  try { Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass -Force } catch { Write-Log (($_ | Out-String).TrimEnd()) }
  $named = @{}
  foreach ($prop in $a.params.PSObject.Properties) { $named[$prop.Name] = $prop.Value }
  if ($a.secretFile -ne '') {
    $named[$a.secretParam] = [System.IO.File]::ReadAllText($a.secretFile, $utf8)
    Remove-Item -LiteralPath $a.secretFile -Force
  }
  $global:LASTEXITCODE = 0
  # The target runs as it would in an Administrator PowerShell: non-terminating errors are logged, not fatal.
  $ErrorActionPreference = 'Continue'
  & $a.target @named *>&1 | ForEach-Object { Write-Log (($_ | Out-String).TrimEnd()) }
  $code = [int]$global:LASTEXITCODE
} catch {
  Write-Log (($_ | Out-String).TrimEnd())
  $code = 1
} finally {
  [System.IO.File]::WriteAllText($a.status, [string]$code, $utf8)
  # Start-Process -Wait in the outer wrapper waits for the whole tree, watcher included.
  if ($watcher) { Stop-Process -Id $watcher.Id -Force -ErrorAction SilentlyContinue }
}
exit $code
`;
}

/** The non-elevated script node starts: asks for elevation (or not, for CI) and maps a refused UAC prompt to 1223. */
export function buildOuterScript(innerUtf8B64: string, elevate: boolean): string {
  const data = encodeParams({ elevate });
  return `$ErrorActionPreference = 'Stop'
$o = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${base64Literal(data)})) | ConvertFrom-Json
# The inner script travels as base64 of UTF-8 (half the size of UTF-16) and is re-encoded here for -EncodedCommand.
$inner = [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${base64Literal(innerUtf8B64)}))))
$argList = @('-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', $inner)
$start = @{ FilePath = 'powershell.exe'; ArgumentList = $argList; Wait = $true; PassThru = $true; WindowStyle = 'Hidden' }
if ($o.elevate) { $start['Verb'] = 'RunAs' }
try {
  $p = Start-Process @start
  exit $p.ExitCode
} catch {
  # A refused UAC prompt surfaces as a Win32Exception with error 1223; the message is translated, the number is not.
  $e = $_.Exception
  while ($e) {
    if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq ${ELEVATION_CANCELLED_EXIT}) { exit ${ELEVATION_CANCELLED_EXIT} }
    $e = $e.InnerException
  }
  exit 1
}
`;
}

/** The argv of the outer powershell.exe. Throws ELEVATED_COMMAND_TOO_LONG before Windows would refuse it. */
export function buildElevatedArgs(spec: InnerSpec, elevate: boolean): string[] {
  const inner = Buffer.from(buildInnerScript(spec), 'utf8').toString('base64');
  const outer = encodeCommand(buildOuterScript(inner, elevate));
  if (outer.length > MAX_COMMAND_LINE) {
    throw new AppError(
      'ELEVATED_COMMAND_TOO_LONG',
      'The parameters of the elevated run are too long for a Windows command line.',
      'Use shorter paths or values.',
      { length: outer.length },
    );
  }
  return [
    '-NoLogo',
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-WindowStyle',
    'Hidden',
    '-EncodedCommand',
    outer,
  ];
}
