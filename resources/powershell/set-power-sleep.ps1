# Elevated: sets the AC sleep, hibernate and unattended-sleep timeouts of the active scheme (seconds; 0 = never; -1 = leave as is) and re-applies the scheme.
param(
  [int64]$StandbyIdleAc = -1,
  [int64]$HibernateIdleAc = -1,
  [int64]$UnattendedSleepAc = -1
)
$ErrorActionPreference = 'Stop'
function Set-AcValue([string]$Setting, [int64]$Value) {
  if ($Value -lt 0) { return }
  & powercfg.exe /setacvalueindex SCHEME_CURRENT SUB_SLEEP $Setting ([string]$Value)
  if ($LASTEXITCODE -ne 0) { throw ('powercfg failed for ' + $Setting + ' with exit code ' + $LASTEXITCODE) }
  Write-Output ($Setting + ' (AC) = ' + $Value)
}
Set-AcValue 'STANDBYIDLE' $StandbyIdleAc
Set-AcValue 'HIBERNATEIDLE' $HibernateIdleAc
Set-AcValue '7bc4a2f9-d8fc-4469-b07b-33eb785aaca0' $UnattendedSleepAc
# Changed values of the active scheme only take effect once the scheme is set active again.
& powercfg.exe /setactive SCHEME_CURRENT
if ($LASTEXITCODE -ne 0) { throw ('powercfg /setactive failed with exit code ' + $LASTEXITCODE) }
Write-Output 'Power settings applied.'
exit 0
