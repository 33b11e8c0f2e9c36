# Elevated: removes the assistant's firewall rule (undo of add-firewall-rule.ps1).
param([Parameter(Mandatory = $true)][string]$Name)
$ErrorActionPreference = 'Stop'
Remove-NetFirewallRule -Name $Name
Write-Output ('Firewall rule removed: ' + $Name)
exit 0
