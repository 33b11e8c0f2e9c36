# Elevated: sets the AC sleep and hibernate timeouts of the active scheme (seconds; 0 = never) and re-applies the scheme.
param(
  [Parameter(Mandatory = $true)][uint32]$StandbyIdleAc,
  [Parameter(Mandatory = $true)][uint32]$HibernateIdleAc,
  [int64]$UnattendedSleepAc = -1
)
$ErrorActionPreference = 'Stop'
function Invoke-Checked([string[]]$Arguments) {
  & powercfg.exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw ('powercfg failed with exit code ' + $LASTEXITCODE) }
}
Invoke-Checked @('/setacvalueindex', 'SCHEME_CURRENT', 'SUB_SLEEP', 'STANDBYIDLE', [string]$StandbyIdleAc)
Invoke-Checked @('/setacvalueindex', 'SCHEME_CURRENT', 'SUB_SLEEP', 'HIBERNATEIDLE', [string]$HibernateIdleAc)
if ($UnattendedSleepAc -ge 0) {
  Invoke-Checked @('/setacvalueindex', 'SCHEME_CURRENT', 'SUB_SLEEP', '7bc4a2f9-d8fc-4469-b07b-33eb785aaca0', [string]$UnattendedSleepAc)
}
# Changed values of the active scheme only take effect once the scheme is set active again.
Invoke-Checked @('/setactive', 'SCHEME_CURRENT')
Write-Output 'Power settings applied.'
exit 0
