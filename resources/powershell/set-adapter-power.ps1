# Elevated: sets "allow the computer to turn off this device" on the named network adapters.
param(
  [Parameter(Mandatory = $true)][string[]]$AdapterName,
  [Parameter(Mandatory = $true)][ValidateSet('Enabled', 'Disabled')][string]$AllowTurnOff
)
$ErrorActionPreference = 'Stop'
foreach ($name in $AdapterName) {
  Set-NetAdapterPowerManagement -Name $name -AllowComputerToTurnOffDevice $AllowTurnOff -NoRestart
  Write-Output ('Adapter ' + $name + ': ' + $AllowTurnOff)
}
exit 0
