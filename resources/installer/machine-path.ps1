# Adds or removes one folder in the machine PATH, run by the installer (per-machine installs) and its uninstaller.
# Edits HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment\Path as written: the value stays REG_EXPAND_SZ
# and every other entry stays as it was (%SystemRoot% unexpanded, order kept). Adding twice or removing an absent
# entry changes nothing. -PathValue is the test seam: edit that text and print the result, touching no registry.
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][ValidateSet('Add', 'Remove')][string]$Action,
    [Parameter(Mandatory = $true)][string]$Entry,
    [string]$PathValue
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'

# One PATH entry compared the way Windows resolves it: no quotes, no trailing backslash, any letter case.
function ConvertTo-PathKey([string]$Value) {
    return $Value.Trim().Trim('"').TrimEnd('\').ToLowerInvariant()
}

function Update-PathText([string]$Current, [string]$Action, [string]$Entry) {
    $key = ConvertTo-PathKey $Entry
    $parts = @(if ($Current) { $Current -split ';' } else { @() })
    $matching = @($parts | Where-Object { $_ -and (ConvertTo-PathKey $_) -eq $key })
    if ($Action -eq 'Add') {
        if ($matching.Count -gt 0) { return $Current }
        $clean = $Entry.Trim().Trim('"').TrimEnd('\')
        if (-not $Current) { return $clean }
        if ($Current.EndsWith(';')) { return "$Current$clean" }
        return "$Current;$clean"
    }
    if ($matching.Count -eq 0) { return $Current }
    return (@($parts | Where-Object { -not ($_ -and (ConvertTo-PathKey $_) -eq $key) }) -join ';')
}

if ($Entry.Trim().Trim('"') -notmatch '^[A-Za-z]:\\[^;]*$') {
    [Console]::Error.WriteLine("machine-path: -Entry must be an absolute folder path without ';' (got '$Entry').")
    exit 2
}

if ($PSBoundParameters.ContainsKey('PathValue')) {
    [Console]::Out.WriteLine((Update-PathText $PathValue $Action $Entry))
    exit 0
}

$subKey = 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
$reg = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($subKey, $true)
if ($null -eq $reg) {
    [Console]::Error.WriteLine("machine-path: cannot open HKLM\$subKey for writing (run elevated).")
    exit 1
}
try {
    $current = [string]$reg.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    $updated = Update-PathText $current $Action $Entry
    if ($updated -ceq $current) {
        [Console]::Out.WriteLine("machine-path: $Action '$Entry': nothing to change.")
        exit 0
    }
    $reg.SetValue('Path', $updated, [Microsoft.Win32.RegistryValueKind]::ExpandString)
    [Console]::Out.WriteLine("machine-path: $Action '$Entry': done.")
}
finally {
    $reg.Close()
}
