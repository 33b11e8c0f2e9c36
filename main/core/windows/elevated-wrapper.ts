// Generates the two PowerShell wrappers of an elevated run: the outer (non-elevated) one calls Start-Process -Verb RunAs on the inner one.
//
// All variable data (paths, hashes, parameters) travels as base64 JSON inside single-quoted literals; the script text is fixed.
// The inner reads the target's bytes once, checks their SHA-256 and runs exactly those bytes as a script block, so a file
// swapped while the UAC prompt is open never runs, and no path is ever handed to `&` (where Windows PowerShell would
// expand `[` `]` as wildcards).
import { gzipSync } from 'node:zlib';
import { AppError } from '../errors';
import { base64Literal, encodeCommand, encodeParams, MAX_COMMAND_LINE } from './ps-encoding';

/** Exit code Windows uses when the user refuses the UAC prompt (ERROR_CANCELLED). */
export const ELEVATION_CANCELLED_EXIT = 1223;

export type ElevatedParamValue = string | number | boolean | string[];

export interface InnerSpec {
  /** Full path of the .ps1 to run; read once by the elevated side. */
  target: string;
  /** SHA-256 (hex) the target's bytes must have; anything else is refused without running. */
  sha256: string;
  /** Named parameters for the target. */
  params: Record<string, ElevatedParamValue>;
  logPath: string;
  statusPath: string;
  /** Random per run: the status line must carry it, and only a cancel file holding it is obeyed. */
  nonce: string;
  /** Absolute path of the PowerShell executable the outer starts for the inner, and the inner for its watcher. */
  powershellExe: string;
  /** A file only the user can read holding a secret; read, deleted, then passed as this named parameter. */
  secret?: { file: string; param: string };
  /** When this file appears holding the nonce, a watcher started by the elevated wrapper ends the elevated process tree. */
  cancelPath?: string;
}

/**
 * Fixed text of the cancel watcher. A non-elevated process may not end an elevated one, so the elevated wrapper starts
 * this watcher (elevated too) and it ends the wrapper's process tree when the runner drops the cancel file holding the
 * run's nonce (a cancel file planted by anyone else is ignored). Its only inputs come through an environment variable
 * holding JSON. Children are found with Win32_Process on Windows and /proc elsewhere (the tests run on Linux).
 */
export const CANCEL_WATCHER = `$w = $env:XS4_CANCEL_WATCH | ConvertFrom-Json
function Get-Xs4ChildIds([int]$Id) {
  if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
    return @(Get-CimInstance -ClassName Win32_Process -Filter ('ParentProcessId=' + $Id) | ForEach-Object { [int]$_.ProcessId })
  }
  $ids = @()
  foreach ($d in [System.IO.Directory]::GetDirectories('/proc')) {
    $name = [System.IO.Path]::GetFileName($d)
    if ($name -notmatch '^[0-9]+$') { continue }
    try {
      $stat = [System.IO.File]::ReadAllText($d + '/stat')
      $fields = $stat.Substring($stat.LastIndexOf(')') + 2).Split(' ')
      if ([int]$fields[1] -eq $Id) { $ids += [int]$name }
    } catch { }
  }
  return $ids
}
function Stop-Xs4Tree([int]$Id) {
  foreach ($c in @(Get-Xs4ChildIds $Id)) {
    if ($c -ne $PID) { Stop-Xs4Tree $c }
  }
  Stop-Process -Id $Id -Force -ErrorAction SilentlyContinue
}
function Test-Xs4Cancel {
  if (-not [System.IO.File]::Exists([string]$w.cancel)) { return $false }
  try { return ([System.IO.File]::ReadAllText([string]$w.cancel).Trim() -eq [string]$w.nonce) } catch { return $false }
}
while ($true) {
  if (-not (Get-Process -Id ([int]$w.pid) -ErrorAction SilentlyContinue)) { exit 0 }
  if (Test-Xs4Cancel) { Stop-Xs4Tree ([int]$w.pid); exit 0 }
  Start-Sleep -Milliseconds 250
}`;

/**
 * Decides whether an exception thrown by Start-Process is a refused UAC prompt: a Win32Exception with error 1223 anywhere
 * in the chain (the message is translated, the number is not). Kept as one function so the tests can run exactly this text.
 */
export const ELEVATION_REFUSED_TEST = `function Test-Xs4ElevationRefused($Exception) {
  $e = $Exception
  while ($e) {
    if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq ${ELEVATION_CANCELLED_EXIT}) { return $true }
    $e = $e.InnerException
  }
  return $false
}`;

/**
 * Turns the verified bytes into text the way PowerShell itself reads a .ps1: by its byte-order mark, else the host's
 * default (the ANSI code page in Windows PowerShell 5.1, UTF-8 in PowerShell 7).
 */
const DECODE_SCRIPT = `function ConvertFrom-Xs4ScriptBytes([byte[]]$Bytes) {
  if ($Bytes.Length -ge 3 -and $Bytes[0] -eq 0xEF -and $Bytes[1] -eq 0xBB -and $Bytes[2] -eq 0xBF) { return [System.Text.Encoding]::UTF8.GetString($Bytes, 3, $Bytes.Length - 3) }
  if ($Bytes.Length -ge 2 -and $Bytes[0] -eq 0xFF -and $Bytes[1] -eq 0xFE) { return [System.Text.Encoding]::Unicode.GetString($Bytes, 2, $Bytes.Length - 2) }
  if ($Bytes.Length -ge 2 -and $Bytes[0] -eq 0xFE -and $Bytes[1] -eq 0xFF) { return [System.Text.Encoding]::BigEndianUnicode.GetString($Bytes, 2, $Bytes.Length - 2) }
  return [System.Text.Encoding]::Default.GetString($Bytes)
}`;

/**
 * The elevated script: reads the target once, verifies its SHA-256, runs the verified text as a script block with named
 * parameters, logs every output record and writes `<nonce> <kind> <value>` to the status file.
 * Its own state lives in one `$XS4Run` variable so the target sees nothing else of it.
 */
export function buildInnerScript(spec: InnerSpec): string {
  const data = encodeParams({
    target: spec.target,
    sha256: spec.sha256.toLowerCase(),
    params: spec.params,
    log: spec.logPath,
    status: spec.statusPath,
    nonce: spec.nonce,
    ps: spec.powershellExe,
    secretFile: spec.secret?.file ?? '',
    secretParam: spec.secret?.param ?? '',
    cancel: spec.cancelPath ?? '',
  });
  return `$ErrorActionPreference = 'Stop'
$XS4Run = @{ a = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${base64Literal(data)})) | ConvertFrom-Json); utf8 = (New-Object System.Text.UTF8Encoding $false); result = $null; watcher = $null }
function Write-Xs4RunLog([string]$Line) { [System.IO.File]::AppendAllText([string]$XS4Run.a.log, $Line + [Environment]::NewLine, $XS4Run.utf8) }
${DECODE_SCRIPT}
try {
  [System.IO.File]::WriteAllText([string]$XS4Run.a.log, '', $XS4Run.utf8)
  if ([string]$XS4Run.a.cancel -ne '') {
    $env:XS4_CANCEL_WATCH = ConvertTo-Json -Compress -InputObject @{ pid = $PID; cancel = [string]$XS4Run.a.cancel; nonce = [string]$XS4Run.a.nonce }
    $watcherText = @'
${CANCEL_WATCHER}
'@
    $watch = @{ FilePath = [string]$XS4Run.a.ps; ArgumentList = @('-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($watcherText))); PassThru = $true }
    if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) { $watch['WindowStyle'] = 'Hidden' }
    $XS4Run.watcher = Start-Process @watch
  }
  # A Group Policy execution policy makes this report an override even though -ExecutionPolicy already applies: log it, carry on.
  # (Execution policies exist only on Windows.)
  if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
    try { Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass -Force } catch { Write-Xs4RunLog (($_ | Out-String).TrimEnd()) }
  }
  # Read once, verify, run those bytes: nothing re-reads the path after this line.
  $bytes = [System.IO.File]::ReadAllBytes([string]$XS4Run.a.target)
  $sha = [System.Security.Cryptography.SHA256]::Create()
  $actual = -join ($sha.ComputeHash($bytes) | ForEach-Object { $_.ToString('x2') })
  if ($actual -ne [string]$XS4Run.a.sha256) {
    Write-Xs4RunLog ('Refused: the script''s SHA-256 is ' + $actual + ', not the ' + [string]$XS4Run.a.sha256 + ' that was checked. Nothing was run.')
    $XS4Run.result = 'refused ' + $actual
  } else {
    $block = [System.Management.Automation.ScriptBlock]::Create((ConvertFrom-Xs4ScriptBytes $bytes))
    $named = @{}
    foreach ($prop in $XS4Run.a.params.PSObject.Properties) { $named[$prop.Name] = $prop.Value }
    if ([string]$XS4Run.a.secretFile -ne '') {
      $named[[string]$XS4Run.a.secretParam] = [System.IO.File]::ReadAllText([string]$XS4Run.a.secretFile, $XS4Run.utf8)
      Remove-Item -LiteralPath ([string]$XS4Run.a.secretFile) -Force
    }
    $global:LASTEXITCODE = 0
    # The target runs as it would in an Administrator PowerShell: non-terminating errors are logged, not fatal.
    $ErrorActionPreference = 'Continue'
    & $block @named *>&1 | ForEach-Object { Write-Xs4RunLog (($_ | Out-String).TrimEnd()) }
    $XS4Run.result = 'completed ' + [int]$global:LASTEXITCODE
  }
} catch {
  Write-Xs4RunLog (($_ | Out-String).TrimEnd())
  $XS4Run.result = 'completed 1'
} finally {
  # No result here means the target called exit: this process ends with its code, which the outer passes on.
  $line = [string]$XS4Run.a.nonce + ' '
  if ($null -eq $XS4Run.result) { $line += 'exited' } else { $line += $XS4Run.result }
  [System.IO.File]::WriteAllText([string]$XS4Run.a.status, $line, $XS4Run.utf8)
  if ($XS4Run.watcher) { Stop-Process -Id $XS4Run.watcher.Id -Force -ErrorAction SilentlyContinue }
}
exit 0
`;
}

/** The non-elevated script node starts: asks for elevation (or not, for tests) and maps a refused UAC prompt to 1223. */
export function buildOuterScript(innerGzipB64: string, elevate: boolean, powershellExe: string): string {
  const data = encodeParams({ elevate, ps: powershellExe });
  return `$ErrorActionPreference = 'Stop'
$o = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${base64Literal(data)})) | ConvertFrom-Json
${ELEVATION_REFUSED_TEST}
# The inner script travels gzipped UTF-8 (a fraction of UTF-16 on a command line limited to 32 767 characters) and is
# re-encoded here for -EncodedCommand.
$gz = New-Object System.IO.Compression.GZipStream ((New-Object System.IO.MemoryStream (,[System.Convert]::FromBase64String(${base64Literal(innerGzipB64)}))), ([System.IO.Compression.CompressionMode]::Decompress))
$innerText = (New-Object System.IO.StreamReader ($gz, [System.Text.Encoding]::UTF8)).ReadToEnd()
$inner = [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($innerText))
$argList = @('-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', $inner)
$start = @{ FilePath = [string]$o.ps; ArgumentList = $argList; Wait = $true; PassThru = $true }
if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) { $start['WindowStyle'] = 'Hidden' }
if ($o.elevate) { $start['Verb'] = 'RunAs' }
try {
  $p = Start-Process @start
  exit $p.ExitCode
} catch {
  if (Test-Xs4ElevationRefused $_.Exception) { exit ${ELEVATION_CANCELLED_EXIT} }
  exit 1
}
`;
}

/** The argv of the outer PowerShell. Throws ELEVATED_COMMAND_TOO_LONG before Windows would refuse it. */
export function buildElevatedArgs(spec: InnerSpec, elevate: boolean): string[] {
  const inner = gzipSync(Buffer.from(buildInnerScript(spec), 'utf8'), { level: 9 }).toString('base64');
  const outer = encodeCommand(buildOuterScript(inner, elevate, spec.powershellExe));
  if (outer.length > MAX_COMMAND_LINE) {
    throw new AppError('ELEVATED_COMMAND_TOO_LONG', { detail: { length: outer.length } });
  }
  // No -WindowStyle here: the launcher hides the console (windowsHide), and PowerShell 7 off Windows refuses the switch.
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', outer];
}
