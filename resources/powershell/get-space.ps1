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
$candidates = @()
foreach ($c in @($p.portCandidates)) {
  $path = [System.Environment]::ExpandEnvironmentVariables([string]$c.path)
  $exists = $false; $port = $null; $readError = $null
  # One unreadable candidate (bad path, locked file, bad pattern) is reported on its own; the others are still read.
  try {
    $exists = Test-Path -LiteralPath $path -PathType Leaf
    if ($exists) {
      $text = [System.IO.File]::ReadAllText($path)
      $m = [System.Text.RegularExpressions.Regex]::Match($text, [string]$c.pattern)
      if ($m.Success -and $m.Groups.Count -gt 1) { $port = [int]$m.Groups[1].Value }
    }
  } catch { $readError = [string]$_.Exception.Message }
  $candidates += [pscustomobject]@{ path = [string]$c.path; expandedPath = $path; exists = [bool]$exists; port = $port; error = $readError }
}
$result = [pscustomobject]@{
  service = $service; serviceError = $serviceError; executable = $exe; fileVersion = $fileVersion; productVersion = $productVersion
  machineName = [System.Environment]::MachineName; fqdn = $fqdn; ipv4 = @($ips); portCandidates = @($candidates)
}

$json = ConvertTo-Json -InputObject $result -Depth 6 -Compress
# Base64 of UTF-8 JSON: survives any console code page on the way back.
"XS4JSON:" + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
