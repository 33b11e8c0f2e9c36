<#
.SYNOPSIS
    Checks the XS4 Face / Salto Space link of this server for an RMM tool: collects evidence, evaluates it, and exits 1
    when a check failed.
.DESCRIPTION
    Runs `xs4-setup collect` (one set of probes, written as an evidence bundle), then `xs4-setup doctor --evidence
    --json` on that bundle, so the JSON and the evidence always agree. Leaves in -OutDir:
      doctor.json    the verdicts (schema: docs/schemas/xs4-setup-doctor.schema.json)
      evidence\      the evidence bundle (secrets redacted)
      evidence.zip   the same bundle as one file, for tools that fetch a single file
    and prints one summary line. Secrets never go on the command line: give XS4_SHIP_KEY / XS4_FACE_TOKEN as
    environment variables (RMM secret fields) or files readable only by the account the job runs as.
    Exit code: 0 nothing failed, 1 a check failed, 2 usage or configuration error (including xs4-setup not found),
    3 internal error - xs4-setup's own codes.
.EXAMPLE
    .\Invoke-Xs4FleetCheck.ps1 -FaceUrl https://face.example/ -SpaceUrl https://space.example:8100/
#>
[CmdletBinding()]
param(
    [string]$FaceUrl,
    [string]$SpaceUrl,
    [string]$ShipKeyFile,
    [string]$FaceTokenFile,
    [string]$OutDir = (Join-Path $env:ProgramData 'XS4 Face Space Assistant\fleet'),
    # The per-machine install puts xs4-setup on PATH; a per-user install or an unusual folder needs the full path.
    [string]$Xs4Setup = 'xs4-setup'
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
# xs4-setup writes UTF-8; read it as such (Windows PowerShell would otherwise decode with the OEM code page).
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false

$exe = Get-Command -Name $Xs4Setup -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $exe -and $env:ProgramFiles) {
    $exe = Get-Command -Name (Join-Path $env:ProgramFiles 'XS4 Face Space Assistant\bin\xs4-setup.exe') -ErrorAction SilentlyContinue
}
if (-not $exe) {
    [Console]::Error.WriteLine("xs4-fleet: xs4-setup not found (looked for '$Xs4Setup' and the per-machine install folder). Install XS4 Face Space Assistant for all users, or pass -Xs4Setup <full path>.")
    exit 2
}

$flags = @()
if ($FaceUrl) { $flags += '--face-url', $FaceUrl }
if ($SpaceUrl) { $flags += '--space-url', $SpaceUrl }
if ($ShipKeyFile) { $flags += '--ship-key-file', $ShipKeyFile }
if ($FaceTokenFile) { $flags += '--face-token-file', $FaceTokenFile }

New-Item -ItemType Directory -Path $OutDir -Force | Out-Null
$evidence = Join-Path $OutDir 'evidence'
$zip = Join-Path $OutDir 'evidence.zip'
$json = Join-Path $OutDir 'doctor.json'
foreach ($old in $evidence, $zip, $json) {
    if (Test-Path -LiteralPath $old) { Remove-Item -LiteralPath $old -Recurse -Force }
}

& $exe.Source collect --out $evidence @flags | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$doctorOut = & $exe.Source doctor --evidence $evidence --json
$code = $LASTEXITCODE
if ($code -ne 0 -and $code -ne 1) { exit $code }
[System.IO.File]::WriteAllText($json, (($doctorOut -join "`n") + "`n"), (New-Object System.Text.UTF8Encoding $false))
Compress-Archive -Path (Join-Path $evidence '*') -DestinationPath $zip -Force

$doc = Get-Content -LiteralPath $json -Raw -Encoding UTF8 | ConvertFrom-Json
$failed = @($doc.checks | Where-Object { $_.status -eq 'fail' } | ForEach-Object { $_.id })
$verdict = if ($code -eq 0) { 'OK' } else { 'FAIL' }
$detail = if ($failed.Count) { " ($($failed -join ', '))" } else { '' }
$machine = if ($doc.PSObject.Properties['machineName']) { $doc.machineName } else { [Environment]::MachineName }
$c = $doc.counts
Write-Output ("xs4-fleet: {0} on {1}: {2} failed{3}, {4} warnings, {5} passed, {6} skipped; results in {7}" -f `
        $verdict, $machine, $c.fail, $detail, $c.warn, $c.pass, $c.skip, $OutDir)
exit $code
