# Test doubles of the Windows-only commands the shipped scripts call: PowerShell functions that replay a scenario file
# (fixtures and recorded outputs). PowerShell resolves functions before cmdlets and executables, so the scripts run
# unchanged. The scenario is re-read on every call (its path is in $env:XS4_FAKE_SCENARIO), so one session serves many
# scenarios, and the elevated-side doubles (module Xs4FakeWindows) change the same state the read-only side then reads.
# Everything here must run on Windows PowerShell 5.1 too (the Windows workflow runs the same tests there).

# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }

# Parsed again only when the file changed (its time stamp or length), so hundreds of calls stay cheap.
$script:Xs4FakeCache = @{ key = ''; value = $null }
function Get-Xs4FakeScenario {
  $info = New-Object System.IO.FileInfo $env:XS4_FAKE_SCENARIO
  $key = $env:XS4_FAKE_SCENARIO + '|' + $info.LastWriteTimeUtc.Ticks + '|' + $info.Length
  if ($script:Xs4FakeCache.key -ne $key) {
    $script:Xs4FakeCache.value = [System.IO.File]::ReadAllText($env:XS4_FAKE_SCENARIO, [System.Text.Encoding]::UTF8) | ConvertFrom-Json
    $script:Xs4FakeCache.key = $key
  }
  return $script:Xs4FakeCache.value
}

function Save-Xs4FakeScenario($Scenario) {
  $json = ConvertTo-Json -InputObject $Scenario -Depth 20
  [System.IO.File]::WriteAllText($env:XS4_FAKE_SCENARIO, $json, (New-Object System.Text.UTF8Encoding $false))
  $script:Xs4FakeCache.key = ''
}

# One JSON line per call: which double ran, with which arguments. Each argument is one string, "<items>:<codes>;<codes>",
# every item as its UTF-16 code units, so any string (NUL, quotes, lone surrogates) is recorded exactly.
function Write-Xs4FakeJournal([string]$Command, [object[]]$Arguments) {
  $s = Get-Xs4FakeScenario
  if (-not $s.journal) { return }
  $coded = @()
  foreach ($a in @($Arguments)) {
    if ($null -eq $a) { $coded += ,$null; continue }
    $items = @($a)
    $parts = @()
    foreach ($item in $items) { $parts += ((([int[]][char[]][string]$item) | ForEach-Object { [string]$_ }) -join ',') }
    $coded += ,([string]$items.Count + ':' + ($parts -join ';'))
  }
  $line = ConvertTo-Json -Compress -Depth 3 -InputObject @{ command = $Command; args = @($coded) }
  [System.IO.File]::AppendAllText([string]$s.journal, $line + "`n", (New-Object System.Text.UTF8Encoding $false))
}

function Get-Xs4FakeProperty($Object, [string]$Name) {
  if ($null -eq $Object) { return $null }
  $p = $Object.PSObject.Properties[$Name]
  if ($p) { return $p.Value }
  return $null
}

function Get-Xs4FakeFixtureText($Entry, $Scenario) {
  $file = Get-Xs4FakeProperty $Entry 'file'
  if ($file) { return [System.IO.File]::ReadAllText([System.IO.Path]::Combine([string]$Scenario.fixturesDir, [string]$file), [System.Text.Encoding]::UTF8) }
  return [string](Get-Xs4FakeProperty $Entry 'text')
}

# --- powercfg.exe -------------------------------------------------------------------------------------------------

$script:Xs4PowerAliases = @{
  'STANDBYIDLE' = '29f6c1db-86da-48c5-9fdb-f2b67b1f44da'
  'HIBERNATEIDLE' = '9d7815a6-7ee4-497e-8888-515a05f02364'
  'HYBRIDSLEEP' = '94ac6d29-73ce-41a6-809f-6363ba21b47e'
}

function Get-Xs4PowerGuid([string]$Setting) {
  $key = $Setting.ToUpperInvariant()
  if ($script:Xs4PowerAliases.ContainsKey($key)) { return $script:Xs4PowerAliases[$key] }
  return $Setting.ToLowerInvariant()
}

# Rewrites the current AC index of one setting in replayed powercfg text: the first hex line at the setting's own indentation.
function Set-Xs4PowercfgAcText([string]$Text, [string]$Guid, [int64]$Value) {
  $lines = [regex]::Split($Text, "`r`n|`n")
  $at = -1
  for ($i = 0; $i -lt $lines.Length; $i++) { if ($lines[$i].ToLowerInvariant().Contains($Guid)) { $at = $i; break } }
  if ($at -lt 0) { return $Text }
  $indent = $lines[$at].Length - $lines[$at].TrimStart().Length
  for ($j = $at + 1; $j -lt $lines.Length; $j++) {
    if ($lines[$j] -match '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-') { break }
    $lineIndent = $lines[$j].Length - $lines[$j].TrimStart().Length
    if ($lineIndent -eq $indent -and $lines[$j] -match ':\s*0x[0-9a-fA-F]+\s*$') {
      $lines[$j] = [regex]::Replace($lines[$j], '0x[0-9a-fA-F]+\s*$', ('0x{0:x8}' -f $Value))
      break
    }
  }
  return ($lines -join "`r`n")
}

function powercfg.exe {
  $s = Get-Xs4FakeScenario
  $key = ($args | ForEach-Object { [string]$_ }) -join ' '
  Write-Xs4FakeJournal 'powercfg.exe' $args
  $verb = ''
  if ($args.Count -gt 0) { $verb = ([string]$args[0]).ToLowerInvariant() }
  if ($verb -eq '/setacvalueindex' -or $verb -eq '/setactive') {
    $fail = Get-Xs4FakeProperty $s 'powercfgFailOn'
    if ($fail -and $key -like [string]$fail) { 'An unexpected error condition has occurred.'; $global:LASTEXITCODE = 1; return }
    if ($verb -eq '/setacvalueindex') {
      $guid = Get-Xs4PowerGuid ([string]$args[3])
      if (-not $s.powercfgAc) { $s | Add-Member -NotePropertyName powercfgAc -NotePropertyValue ([pscustomobject]@{}) -Force }
      $s.powercfgAc | Add-Member -NotePropertyName $guid -NotePropertyValue ([int64]$args[4]) -Force
      Save-Xs4FakeScenario $s
    }
    $global:LASTEXITCODE = 0
    return
  }
  $entry = Get-Xs4FakeProperty $s.powercfg $key
  if ($null -eq $entry) {
    'Invalid Parameters -- try "/?" for help'
    $global:LASTEXITCODE = 1
    return
  }
  $hang = Get-Xs4FakeProperty $entry 'hangSeconds'
  if ($hang) { Start-Sleep -Seconds ([int]$hang) }
  $text = Get-Xs4FakeFixtureText $entry $s
  if ($s.powercfgAc) {
    foreach ($p in $s.powercfgAc.PSObject.Properties) { $text = Set-Xs4PowercfgAcText $text $p.Name ([int64]$p.Value) }
  }
  # Native output reaches PowerShell line by line, without the line ends.
  foreach ($line in [regex]::Split($text.TrimEnd("`r", "`n"), "`r`n|`n")) { $line }
  $code = Get-Xs4FakeProperty $entry 'exitCode'
  if ($null -eq $code) { $code = 0 }
  $global:LASTEXITCODE = [int]$code
}

# --- files and registry (HKLM: paths and files named by the scenario; everything else goes to the real cmdlets) -------

function Get-Xs4FakeRegistryKey([string]$Path) {
  $s = Get-Xs4FakeScenario
  return Get-Xs4FakeProperty $s.registry $Path
}

function Test-Xs4FakeHandled([string]$Path) {
  if ($Path -like 'HKLM:*' -or $Path -like 'HKCU:*') { return $true }
  $s = Get-Xs4FakeScenario
  return ($null -ne (Get-Xs4FakeProperty $s.files $Path))
}

function Test-Path {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [string]$PathType)
  $target = @($LiteralPath + $Path | Where-Object { $_ })[0]
  if ($target -and (Test-Xs4FakeHandled $target)) {
    if ($target -like 'HK*:*') { return ($null -ne (Get-Xs4FakeRegistryKey $target)) }
    return $true
  }
  Microsoft.PowerShell.Management\Test-Path @PSBoundParameters
}

function Get-Item {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath)
  $target = @($LiteralPath + $Path | Where-Object { $_ })[0]
  $s = Get-Xs4FakeScenario
  $file = Get-Xs4FakeProperty $s.files $target
  if ($file) {
    $v = $file.versionInfo
    return [pscustomobject]@{ FullName = $target; VersionInfo = [pscustomobject]@{ FileMajorPart = [int]$v.major; FileMinorPart = [int]$v.minor; FileBuildPart = [int]$v.build; FilePrivatePart = [int]$v.private; ProductVersion = [string]$v.product } }
  }
  Microsoft.PowerShell.Management\Get-Item @PSBoundParameters
}

function Get-ItemProperty {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath)
  $target = @($LiteralPath + $Path | Where-Object { $_ })[0]
  if ($target -like 'HK*:*') {
    $key = Get-Xs4FakeRegistryKey $target
    if ($null -eq $key) { Write-Error -Message ("Cannot find path '" + $target + "' because it does not exist.") -Category ObjectNotFound; return }
    $props = Get-Xs4FakeProperty $key 'values'
    if ($null -eq $props) { return [pscustomobject]@{ PSChildName = [System.IO.Path]::GetFileName($target) } }
    return $props
  }
  Microsoft.PowerShell.Management\Get-ItemProperty @PSBoundParameters
}

function Get-ChildItem {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [switch]$Directory)
  $target = @($LiteralPath + $Path | Where-Object { $_ })[0]
  if ($target -like 'HK*:*') {
    $s = Get-Xs4FakeScenario
    $prefix = $target.TrimEnd('\') + '\'
    foreach ($p in $s.registry.PSObject.Properties) {
      $rest = $p.Name.Substring([Math]::Min($p.Name.Length, $prefix.Length))
      if ($p.Name.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase) -and $rest.Length -gt 0 -and -not $rest.Contains('\')) {
        [pscustomobject]@{ PSPath = $p.Name; PSChildName = $rest; Name = $p.Name }
      }
    }
    return
  }
  Microsoft.PowerShell.Management\Get-ChildItem @PSBoundParameters
}

function Get-Acl {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath)
  $target = @($LiteralPath + $Path | Where-Object { $_ })[0]
  $s = Get-Xs4FakeScenario
  $acl = Get-Xs4FakeProperty $s.acl $target
  if ($null -eq $acl) { Write-Error -Message ('Attempted to perform an unauthorized operation: ' + $target) -Category PermissionDenied; return }
  $rules = @()
  foreach ($r in @($acl.access)) {
    $flags = 'None'
    if ($r.inheritOnly) { $flags = 'InheritOnly' }
    $rules += [pscustomobject]@{ IdentityReference = [pscustomobject]@{ Value = [string]$r.sid }; FileSystemRights = [int64]$r.rights; AccessControlType = [string]$r.type; PropagationFlags = $flags }
  }
  # The two FileSystemSecurity methods get-space.ps1 calls, answering in SIDs as the real ones do when asked for SecurityIdentifier.
  $o = [pscustomobject]@{ Path = $target; Rules = $rules; OwnerSid = [string]$acl.owner }
  $o | Add-Member -MemberType ScriptMethod -Name GetOwner -Value { param($type) [pscustomobject]@{ Value = $this.OwnerSid } }
  $o | Add-Member -MemberType ScriptMethod -Name GetAccessRules -Value { param($explicit, $inherited, $type) $this.Rules }
  return $o
}

# --- services and processes -------------------------------------------------------------------------------------------

function Get-CimInstance {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string]$ClassName, [string]$Filter)
  $s = Get-Xs4FakeScenario
  Write-Xs4FakeJournal 'Get-CimInstance' @($ClassName, $Filter)
  if ($ClassName -ne 'Win32_Service') { throw ('Get-CimInstance: class ' + $ClassName + ' is not in the scenario') }
  if (Get-Xs4FakeProperty $s 'cimThrow') { throw ([string]$s.cimThrow) }
  if (Get-Xs4FakeProperty $s 'cimError') { Write-Error -Message ([string]$s.cimError) -Category PermissionDenied; return }
  foreach ($svc in @($s.services)) {
    if ($null -eq $svc) { continue }
    [pscustomobject]@{ Name = [string]$svc.Name; State = [string]$svc.State; StartMode = [string]$svc.StartMode; StartName = $svc.StartName; PathName = $svc.PathName; DelayedAutoStart = [bool]$svc.DelayedAutoStart }
  }
}

# --- network adapters -------------------------------------------------------------------------------------------------

function Get-NetAdapter {
  [CmdletBinding()]
  param([switch]$Physical, [string]$Name)
  $s = Get-Xs4FakeScenario
  if (Get-Xs4FakeProperty $s 'adapterError') { Write-Error -Message ([string]$s.adapterError) -Category PermissionDenied; return }
  foreach ($a in @($s.adapters)) {
    if ($null -eq $a) { continue }
    if ($Physical -and $a.virtual) { continue }
    [pscustomobject]@{ Name = [string]$a.Name; InterfaceDescription = [string]$a.InterfaceDescription; ifIndex = [int]$a.ifIndex; Status = [string]$a.Status }
  }
}

function Get-NetAdapterPowerManagement {
  [CmdletBinding()]
  param([string]$Name)
  $s = Get-Xs4FakeScenario
  foreach ($a in @($s.adapters)) {
    if ($null -ne $a -and [string]$a.Name -eq $Name -and $null -ne $a.allowTurnOff) {
      return [pscustomobject]@{ Name = $Name; AllowComputerToTurnOffDevice = [string]$a.allowTurnOff }
    }
  }
  Write-Error -Message ('No MSFT_NetAdapterPowerManagementSettingData objects found with property Name equal to ' + $Name) -Category ObjectNotFound
}

function Get-NetIPAddress {
  [CmdletBinding()]
  param([int]$InterfaceIndex = -1, [string]$AddressFamily)
  $s = Get-Xs4FakeScenario
  foreach ($a in @($s.adapters)) {
    if ($null -eq $a) { continue }
    if ($InterfaceIndex -ge 0 -and [int]$a.ifIndex -ne $InterfaceIndex) { continue }
    foreach ($ip in @($a.ipv4)) { if ($ip) { [pscustomobject]@{ IPAddress = [string]$ip; InterfaceAlias = [string]$a.Name; InterfaceIndex = [int]$a.ifIndex } } }
  }
}

function Get-NetRoute {
  [CmdletBinding()]
  param([int]$InterfaceIndex, [string]$DestinationPrefix)
  $s = Get-Xs4FakeScenario
  foreach ($a in @($s.adapters)) {
    if ($null -ne $a -and [int]$a.ifIndex -eq $InterfaceIndex -and $a.defaultRoute) { [pscustomobject]@{ DestinationPrefix = $DestinationPrefix; InterfaceIndex = $InterfaceIndex } }
  }
}

# --- firewall ------------------------------------------------------------------------------------------------------------

function Get-NetFirewallProfile {
  [CmdletBinding()]
  param()
  $s = Get-Xs4FakeScenario
  if (Get-Xs4FakeProperty $s.firewall 'error') { Write-Error -Message ([string]$s.firewall.error) -Category PermissionDenied; return }
  foreach ($p in @($s.firewall.profiles)) { if ($p) { [pscustomobject]@{ Name = [string]$p.Name; Enabled = [string]$p.Enabled } } }
}

function Get-NetConnectionProfile {
  [CmdletBinding()]
  param()
  $s = Get-Xs4FakeScenario
  foreach ($c in @($s.firewall.connectionProfiles)) { if ($c) { [pscustomobject]@{ NetworkCategory = [string]$c } } }
}

function Get-NetFirewallPortFilter {
  [CmdletBinding()]
  param([switch]$All)
  $s = Get-Xs4FakeScenario
  foreach ($r in @($s.firewall.rules)) {
    if ($null -eq $r) { continue }
    [pscustomobject]@{ InstanceID = [string]$r.Name; Protocol = [string]$r.Protocol; LocalPort = @($r.LocalPort) }
  }
}

function Get-Xs4FakeRule([string]$Name) {
  $s = Get-Xs4FakeScenario
  foreach ($r in @($s.firewall.rules)) { if ($null -ne $r -and [string]$r.Name -eq $Name) { return $r } }
  return $null
}

function Get-NetFirewallRule {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline = $true)]$InputObject, [string]$Name)
  process {
    $id = $Name
    if ($InputObject) { $id = [string]$InputObject.InstanceID }
    $r = Get-Xs4FakeRule $id
    if ($r) { [pscustomobject]@{ Name = [string]$r.Name; InstanceID = [string]$r.Name; DisplayName = [string]$r.DisplayName; Enabled = [string]$r.Enabled; Direction = [string]$r.Direction; Action = [string]$r.Action; Profile = [string]$r.Profile } }
  }
}

function Get-NetFirewallApplicationFilter {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline = $true)]$InputObject)
  process {
    $r = Get-Xs4FakeRule ([string]$InputObject.InstanceID)
    $program = 'Any'
    if ($r -and $r.Program) { $program = [string]$r.Program }
    [pscustomobject]@{ Program = $program }
  }
}

function Get-NetFirewallServiceFilter {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline = $true)]$InputObject)
  process {
    $r = Get-Xs4FakeRule ([string]$InputObject.InstanceID)
    $service = 'Any'
    if ($r -and $r.Service) { $service = [string]$r.Service }
    [pscustomobject]@{ Service = $service }
  }
}

# --- Authenticode ------------------------------------------------------------------------------------------------------

# Only when the scenario asks (the injection proof, whose paths are not files); otherwise the real cmdlet hashes the file.
function Get-FileHash {
  [CmdletBinding()]
  param([string]$LiteralPath, [Parameter(Position = 0)][string]$Path, [string]$Algorithm = 'SHA256')
  $s = Get-Xs4FakeScenario
  if (Get-Xs4FakeProperty $s 'fakeFileHash') {
    Write-Xs4FakeJournal 'Get-FileHash' @($LiteralPath)
    return [pscustomobject]@{ Algorithm = $Algorithm; Hash = ('AB' * 32); Path = $LiteralPath }
  }
  Microsoft.PowerShell.Utility\Get-FileHash @PSBoundParameters
}

function Get-AuthenticodeSignature {
  [CmdletBinding()]
  param([string]$LiteralPath, [Parameter(Position = 0)][string]$FilePath)
  $target = $LiteralPath
  if (-not $target) { $target = $FilePath }
  Write-Xs4FakeJournal 'Get-AuthenticodeSignature' @($target)
  $s = Get-Xs4FakeScenario
  $sig = Get-Xs4FakeProperty $s.signatures $target
  if ($null -eq $sig) { return [pscustomobject]@{ Status = 'NotSigned'; StatusMessage = 'The file is not digitally signed.'; SignerCertificate = $null } }
  $cert = $null
  if ($sig.subject) { $cert = [pscustomobject]@{ Subject = [string]$sig.subject; Thumbprint = [string]$sig.thumbprint } }
  return [pscustomobject]@{ Status = [string]$sig.status; StatusMessage = [string]$sig.statusMessage; SignerCertificate = $cert }
}

# --- the elevated fix scripts' commands (they change the scenario, as Windows would) -----------------------------------

function New-NetFirewallRule {
  [CmdletBinding()]
  param([string]$Name, [string]$DisplayName, [string]$Group, [string]$Direction, [string]$Action, [string]$Protocol, [string]$LocalPort, [string]$Profile, [string]$Enabled)
  Write-Xs4FakeJournal 'New-NetFirewallRule' @($Name, $DisplayName, $Group, $Direction, $Action, $Protocol, $LocalPort, $Profile, $Enabled)
  $s = Get-Xs4FakeScenario
  $rule = [pscustomobject]@{ Name = $Name; DisplayName = $DisplayName; Enabled = $Enabled; Direction = $Direction; Action = $Action; Profile = $Profile; Protocol = $Protocol; LocalPort = @($LocalPort); Program = 'Any'; Service = 'Any' }
  $s.firewall.rules = @(@($s.firewall.rules | Where-Object { $_ -and $_.Name -ne $Name }) + $rule)
  Save-Xs4FakeScenario $s
  return $rule
}

function Remove-NetFirewallRule {
  [CmdletBinding()]
  param([string]$Name)
  Write-Xs4FakeJournal 'Remove-NetFirewallRule' @($Name)
  $s = Get-Xs4FakeScenario
  $before = @($s.firewall.rules | Where-Object { $_ })
  $after = @($before | Where-Object { $_.Name -ne $Name })
  if ($after.Count -eq $before.Count) { Write-Error -Message ('No MSFT_NetFirewallRule objects found with property ''Name'' equal to ''' + $Name + '''') -Category ObjectNotFound; return }
  $s.firewall.rules = $after
  Save-Xs4FakeScenario $s
}

function Set-NetAdapterPowerManagement {
  [CmdletBinding()]
  param([string]$Name, [string]$AllowComputerToTurnOffDevice, [switch]$NoRestart)
  Write-Xs4FakeJournal 'Set-NetAdapterPowerManagement' @($Name, $AllowComputerToTurnOffDevice)
  $s = Get-Xs4FakeScenario
  $found = $false
  foreach ($a in @($s.adapters)) { if ($null -ne $a -and [string]$a.Name -eq $Name) { $a.allowTurnOff = $AllowComputerToTurnOffDevice; $found = $true } }
  if (-not $found) { Write-Error -Message ('No MSFT_NetAdapter objects found with property ''Name'' equal to ''' + $Name + '''') -Category ObjectNotFound; return }
  Save-Xs4FakeScenario $s
}
