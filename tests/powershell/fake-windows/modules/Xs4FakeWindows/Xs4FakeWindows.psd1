# Manifest of the test-only fake Windows commands (see Xs4FakeWindows.psm1).
@{
  RootModule = 'Xs4FakeWindows.psm1'
  ModuleVersion = '1.0.0'
  GUID = '5d0c1f6e-8a3b-4c2e-9f7a-1b2c3d4e5f60'
  Author = 'XS4 Face Space Assistant tests'
  Description = 'Replays a scenario file in place of Windows-only commands, for the elevated wrapper tests.'
  FunctionsToExport = @('New-NetFirewallRule', 'Remove-NetFirewallRule', 'Set-NetAdapterPowerManagement', 'powercfg.exe')
  CmdletsToExport = @()
  VariablesToExport = @()
  AliasesToExport = @()
}
