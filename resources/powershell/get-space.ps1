# Read-only: the Space service (state, start mode, account, executable version), the machine's FQDN and IPv4 addresses, and the Space port where a config file names it.
param([string]$EncodedParams = "e30=")
$ErrorActionPreference = "Stop"
$p = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($EncodedParams)) | ConvertFrom-Json
# A failed query is reported as such: "not installed" is only said when Windows answered and Space was not in the list.
$svc = $null; $serviceError = $null
try { $svc = Get-CimInstance -ClassName Win32_Service -ErrorAction Stop | Where-Object { $_.Name -eq [string]$p.serviceName } | Select-Object -First 1 } catch { $serviceError = [string]$_.Exception.Message }
$service = $null; $exe = $null; $fileVersion = $null; $productVersion = $null
if ($svc) {
  $service = [pscustomobject]@{ name = [string]$svc.Name; state = [string]$svc.State; startMode = [string]$svc.StartMode; account = [string]$svc.StartName; pathName = [string]$svc.PathName; delayedAutoStart = [bool]$svc.DelayedAutoStart }
  if ($svc.PathName -match '^\s*"([^"]+)"') { $exe = $Matches[1] } elseif ($svc.PathName -match '^\s*(.+?\.exe)') { $exe = $Matches[1] }
  if ($exe -and (Test-Path -LiteralPath $exe)) {
    $vi = (Get-Item -LiteralPath $exe).VersionInfo
    $fileVersion = '{0}.{1}.{2}.{3}' -f $vi.FileMajorPart, $vi.FileMinorPart, $vi.FileBuildPart, $vi.FilePrivatePart
    $productVersion = [string]$vi.ProductVersion
  }
}
# Host name plus primary DNS suffix, as Windows itself forms the FQDN; DNS resolution only as a fallback.
$fqdn = $null
try {
  $g = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties()
  if ($g.DomainName) { $fqdn = [string]($g.HostName + '.' + $g.DomainName) } else { $fqdn = [string]$g.HostName }
} catch { $fqdn = $null }
if (-not $fqdn -or -not $fqdn.Contains('.')) {
  try { $fqdn = [string][System.Net.Dns]::GetHostEntry([System.Environment]::MachineName).HostName } catch { }
}
$ips = @(Get-NetIPAddress -AddressFamily IPv4 -ErrorAction SilentlyContinue | Where-Object { $_.IPAddress -notlike '127.*' -and $_.IPAddress -notlike '169.254.*' } | ForEach-Object { [pscustomobject]@{ address = [string]$_.IPAddress; interfaceAlias = [string]$_.InterfaceAlias } })
# Can anyone but SYSTEM, Administrators or a service change this file (or replace it through its folder)? A port from such
# a file is not opened by the firewall fix without the technician's confirmation. Rights: write/append data, write
# attributes, delete, change permissions, take ownership, generic write/all; on the folder: delete children, delete,
# change permissions, take ownership, generic all.
function Test-Xs4Privileged([string]$Sid) {
  return (@('S-1-5-18', 'S-1-5-19', 'S-1-5-20', 'S-1-5-32-544') -contains $Sid) -or $Sid.StartsWith('S-1-5-80-')
}
function Test-Xs4UserWritable([string]$Path, [int64]$Mask) {
  $acl = Get-Acl -LiteralPath $Path
  if (-not (Test-Xs4Privileged ([string]$acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value))) { return $true }
  foreach ($r in @($acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]))) {
    if ([string]$r.AccessControlType -ne 'Allow') { continue }
    if ([string]$r.PropagationFlags -match 'InheritOnly') { continue }
    if (([int64]$r.FileSystemRights -band $Mask) -eq 0) { continue }
    if (-not (Test-Xs4Privileged ([string]$r.IdentityReference.Value))) { return $true }
  }
  return $false
}
$fileMask = [int64](0x2 -bor 0x4 -bor 0x10 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x40000000 -bor 0x10000000)
$folderMask = [int64](0x40 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000)
$candidates = @()
foreach ($c in @($p.portCandidates)) {
  $path = [System.Environment]::ExpandEnvironmentVariables([string]$c.path)
  $exists = $false; $port = $null; $readError = $null; $writable = $null
  # One unreadable candidate (bad path, locked file, bad pattern) is reported on its own; the others are still read.
  try {
    $exists = Test-Path -LiteralPath $path -PathType Leaf
    if ($exists) {
      $text = [System.IO.File]::ReadAllText($path)
      $m = [System.Text.RegularExpressions.Regex]::Match($text, [string]$c.pattern)
      if ($m.Success -and $m.Groups.Count -gt 1) { $port = [int]$m.Groups[1].Value }
      # Unknown (the ACL could not be read) stays $null, which counts as writable.
      try { $writable = (Test-Xs4UserWritable $path $fileMask) -or (Test-Xs4UserWritable ([System.IO.Path]::GetDirectoryName($path)) $folderMask) } catch { $writable = $null }
    }
  } catch { $readError = [string]$_.Exception.Message }
  $candidates += [pscustomobject]@{ path = [string]$c.path; expandedPath = $path; exists = [bool]$exists; port = $port; error = $readError; writableByUsers = $writable }
}
$result = [pscustomobject]@{
  service = $service; serviceError = $serviceError; executable = $exe; fileVersion = $fileVersion; productVersion = $productVersion
  machineName = [System.Environment]::MachineName; fqdn = $fqdn; ipv4 = @($ips); portCandidates = @($candidates)
}

# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }
$json = ConvertTo-Json -InputObject $result -Depth 6 -Compress
# Base64 of UTF-8 JSON: survives any console code page on the way back.
"XS4JSON:" + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
