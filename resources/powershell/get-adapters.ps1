# Read-only: physical network adapters that are up, their IPv4 addresses and the "allow the computer to turn off this device" setting.
param([string]$EncodedParams = "e30=")
$ErrorActionPreference = "Stop"
$p = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($EncodedParams)) | ConvertFrom-Json
$list = @()
# A failed query is reported as such, never as "no adapters".
$up = @(); $adapterError = $null
try { $up = @(Get-NetAdapter -Physical -ErrorAction Stop | Where-Object { $_.Status -eq 'Up' }) } catch { $adapterError = [string]$_.Exception.Message }
foreach ($a in $up) {
  $pm = Get-NetAdapterPowerManagement -Name $a.Name -ErrorAction SilentlyContinue
  $ips = @(Get-NetIPAddress -InterfaceIndex $a.ifIndex -AddressFamily IPv4 -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.IPAddress })
  $route = @(Get-NetRoute -InterfaceIndex $a.ifIndex -DestinationPrefix '0.0.0.0/0' -ErrorAction SilentlyContinue)
  $allow = $null
  if ($pm) { $allow = [string]$pm.AllowComputerToTurnOffDevice }
  $list += [pscustomobject]@{
    name = [string]$a.Name; description = [string]$a.InterfaceDescription; ifIndex = [int]$a.ifIndex
    ipv4 = @($ips); hasDefaultRoute = ($route.Count -gt 0); allowTurnOff = $allow
  }
}
$result = [pscustomobject]@{ adapters = @($list); error = $adapterError }

# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }
$json = ConvertTo-Json -InputObject $result -Depth 6 -Compress
# Base64 of UTF-8 JSON: survives any console code page on the way back.
"XS4JSON:" + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
