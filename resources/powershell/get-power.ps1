# Read-only: raw powercfg text for the sleep subgroup, the active scheme, sleep states, and Group Policy power overrides.
param([string]$EncodedParams = "e30=")
$ErrorActionPreference = "Stop"
$p = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($EncodedParams)) | ConvertFrom-Json
function Invoke-Powercfg([string[]]$Arguments) {
  # Windows PowerShell 5.1 turns native stderr into errors; under "Stop" that would end the script, so this call keeps going.
  $ErrorActionPreference = 'Continue'
  $text = (& powercfg.exe @Arguments 2>&1 | Out-String)
  [pscustomobject]@{ text = $text; exitCode = $LASTEXITCODE }
}
$sub = Invoke-Powercfg @('/query', 'SCHEME_CURRENT', 'SUB_SLEEP')
# Unattended sleep is hidden by default; asking for it by GUID is how it shows up.
$unattended = Invoke-Powercfg @('/query', 'SCHEME_CURRENT', 'SUB_SLEEP', '7bc4a2f9-d8fc-4469-b07b-33eb785aaca0')
$active = Invoke-Powercfg @('/getactivescheme')
$states = Invoke-Powercfg @('/a')
$policies = @()
$policyRoot = 'HKLM:\SOFTWARE\Policies\Microsoft\Power\PowerSettings'
$policyScheme = $null
if (Test-Path -LiteralPath $policyRoot) {
  $rootProps = Get-ItemProperty -LiteralPath $policyRoot -ErrorAction SilentlyContinue
  if ($rootProps -and $rootProps.PSObject.Properties['ActivePowerScheme']) { $policyScheme = [string]$rootProps.ActivePowerScheme }
  foreach ($key in @(Get-ChildItem -LiteralPath $policyRoot -ErrorAction SilentlyContinue)) {
    $props = Get-ItemProperty -LiteralPath $key.PSPath -ErrorAction SilentlyContinue
    $ac = $null; $dc = $null
    if ($props -and $props.PSObject.Properties['ACSettingIndex']) { $ac = [int64]$props.ACSettingIndex }
    if ($props -and $props.PSObject.Properties['DCSettingIndex']) { $dc = [int64]$props.DCSettingIndex }
    $policies += [pscustomobject]@{ setting = [string]$key.PSChildName; acValue = $ac; dcValue = $dc }
  }
}
$result = [pscustomobject]@{
  querySubSleep = $sub.text; querySubSleepExitCode = $sub.exitCode
  unattendedQuery = $unattended.text
  activeScheme = $active.text
  sleepStates = $states.text
  policyScheme = $policyScheme
  policyOverrides = @($policies)
}

# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }
$json = ConvertTo-Json -InputObject $result -Depth 6 -Compress
# Base64 of UTF-8 JSON: survives any console code page on the way back.
"XS4JSON:" + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
