# The fake Windows commands for a fresh PowerShell process (the elevated wrapper's): found through PSModulePath, because
# off Windows these commands do not exist, so PowerShell's module auto-loading is what resolves them. Tests only.
. ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'FakeWindows.ps1'))
Export-ModuleMember -Function 'New-NetFirewallRule', 'Remove-NetFirewallRule', 'Set-NetAdapterPowerManagement', 'powercfg.exe'
