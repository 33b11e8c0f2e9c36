# Read-only: firewall profiles, the active network categories, and every inbound rule whose TCP port filter covers the Space port.
param([string]$EncodedParams = "e30=")
$ErrorActionPreference = "Stop"
$p = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($EncodedParams)) | ConvertFrom-Json
$port = [int]$p.port
function Test-PortMatch($localPorts, [int]$Port) {
  foreach ($lp in @($localPorts)) {
    $s = [string]$lp
    if ($s -eq 'Any') { return $true }
    if ($s -match '^(\d+)-(\d+)$') { if ($Port -ge [int]$Matches[1] -and $Port -le [int]$Matches[2]) { return $true } }
    elseif ($s -eq [string]$Port) { return $true }
  }
  return $false
}
$profiles = @(Get-NetFirewallProfile -ErrorAction SilentlyContinue | ForEach-Object { [pscustomobject]@{ name = [string]$_.Name; enabled = [string]$_.Enabled } })
$active = @(Get-NetConnectionProfile -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.NetworkCategory })
$rules = @()
foreach ($f in @(Get-NetFirewallPortFilter -All -ErrorAction SilentlyContinue | Where-Object { ($_.Protocol -eq 'TCP' -or $_.Protocol -eq 'Any') })) {
  if (-not (Test-PortMatch $f.LocalPort $port)) { continue }
  $r = $f | Get-NetFirewallRule -ErrorAction SilentlyContinue
  if (-not $r -or [string]$r.Direction -ne 'Inbound') { continue }
  # A rule scoped to another program or service does not open the port for Space.
  $app = $r | Get-NetFirewallApplicationFilter -ErrorAction SilentlyContinue
  $svcFilter = $r | Get-NetFirewallServiceFilter -ErrorAction SilentlyContinue
  $rules += [pscustomobject]@{
    name = [string]$r.Name; displayName = [string]$r.DisplayName; enabled = [string]$r.Enabled; action = [string]$r.Action
    profile = [string]$r.Profile; protocol = [string]$f.Protocol; localPorts = @(@($f.LocalPort) | ForEach-Object { [string]$_ })
    program = if ($app) { [string]$app.Program } else { 'Any' }; service = if ($svcFilter) { [string]$svcFilter.Service } else { 'Any' }
  }
}
$result = [pscustomobject]@{ port = $port; profiles = @($profiles); activeCategories = @($active); rules = @($rules) }

# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }
$json = ConvertTo-Json -InputObject $result -Depth 6 -Compress
# Base64 of UTF-8 JSON: survives any console code page on the way back.
"XS4JSON:" + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
