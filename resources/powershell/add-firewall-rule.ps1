# Elevated: creates (or re-creates) the assistant's inbound allow rule for the Space TCP port.
param(
  [Parameter(Mandatory = $true)][string]$Name,
  [Parameter(Mandatory = $true)][string]$Group,
  [Parameter(Mandatory = $true)][ValidateRange(1, 65535)][int]$Port
)
$ErrorActionPreference = 'Stop'
Remove-NetFirewallRule -Name $Name -ErrorAction SilentlyContinue
New-NetFirewallRule -Name $Name -DisplayName $Name -Group $Group -Direction Inbound -Action Allow -Protocol TCP -LocalPort $Port -Profile Any -Enabled True | Out-Null
Write-Output ('Firewall rule created: ' + $Name + ' (TCP ' + $Port + ')')
exit 0
