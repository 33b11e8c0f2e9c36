# Windows PowerShell 5.1 compatibility guard: parses each script with PowerShell's own parser and walks the syntax tree
# for what 5.1 lacks (ps7-only.json: syntax, cmdlet parameters and values, commands, automatic variables).
# Input: a JSON file [{ name, text }]. Output: one line `XS4COMPAT:<base64 of UTF-8 JSON>` with, per script, its parse
# errors and findings. Runs on PowerShell 7 (here) and on Windows PowerShell 5.1 (the Windows workflow), where the
# 7-only syntax shows up as parse errors instead.
param(
  [Parameter(Mandatory = $true)][string]$InputPath,
  [Parameter(Mandatory = $true)][string]$ListPath
)
$ErrorActionPreference = 'Stop'
$utf8 = New-Object System.Text.UTF8Encoding $false
$list = [System.IO.File]::ReadAllText($ListPath, $utf8) | ConvertFrom-Json
$items = [System.IO.File]::ReadAllText($InputPath, $utf8) | ConvertFrom-Json

$aliases = @{}
foreach ($p in $list.aliases.PSObject.Properties) { $aliases[$p.Name.ToLowerInvariant()] = [string]$p.Value }

function Resolve-Xs4Command([string]$Name) {
  if (-not $Name) { return '' }
  $key = $Name.ToLowerInvariant()
  if ($aliases.ContainsKey($key)) { return $aliases[$key].ToLowerInvariant() }
  return $key
}

# PowerShell accepts any unambiguous prefix of a parameter name; three letters or more is treated as meaning it.
function Test-Xs4ParameterName([string]$Given, [string]$Listed) {
  $g = $Given.ToLowerInvariant(); $l = $Listed.ToLowerInvariant()
  return ($g -eq $l) -or ($g.Length -ge 3 -and $l.StartsWith($g))
}

# An escape such as `u{ or `e counts only when an odd number of backticks precedes the letter.
function Test-Xs4Escape([string]$Raw, [string]$Escape) {
  $letters = [regex]::Escape($Escape.Substring(1))
  return [regex]::IsMatch($Raw, '(?<!`)(?:``)*`' + $letters)
}

function Test-Xs4Syntax($Node, [string]$Spec) {
  $type = $Node.GetType().Name
  $parts = $Spec.Split('.')
  if ($type -ne $parts[0]) { return $false }
  if ($parts.Length -eq 1) { return $true }
  $prop = $parts[1]; $want = $null
  if ($prop.Contains('=')) { $want = $prop.Substring($prop.IndexOf('=') + 1); $prop = $prop.Substring(0, $prop.IndexOf('=')) }
  $p = $Node.PSObject.Properties[$prop]
  if (-not $p) { return $false }
  if ($null -ne $want) { return ([string]$p.Value -eq $want) }
  if ($p.Value -is [bool]) { return [bool]$p.Value }
  return ($null -ne $p.Value)
}

$results = @()
foreach ($item in @($items)) {
  $tokens = $null; $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput([string]$item.text, [ref]$tokens, [ref]$errors)
  $findings = @()
  $add = {
    param($Id, $Node)
    $script:findings += [pscustomobject]@{ id = $Id; line = $Node.Extent.StartLineNumber; text = $Node.Extent.Text.Substring(0, [Math]::Min(80, $Node.Extent.Text.Length)) }
  }
  foreach ($node in $ast.FindAll({ $true }, $true)) {
    $type = $node.GetType().Name
    foreach ($s in @($list.syntax)) {
      if ($s.ast -and (Test-Xs4Syntax $node ([string]$s.ast))) { & $add $s.id $node }
      if ($s.text -and ($type -eq 'ExpandableStringExpressionAst' -or ($type -eq 'StringConstantExpressionAst' -and [string]$node.StringConstantType -like 'DoubleQuoted*'))) {
        if (Test-Xs4Escape $node.Extent.Text ([string]$s.text)) { & $add $s.id $node }
      }
    }
    if ($type -eq 'VariableExpressionAst') {
      foreach ($v in @($list.variables)) { if ([string]$node.VariablePath.UserPath -eq [string]$v.variable) { & $add $v.id $node } }
    }
    if ($type -eq 'CommandAst') {
      $command = Resolve-Xs4Command $node.GetCommandName()
      foreach ($c in @($list.commands)) { if ($command -eq ([string]$c.command).ToLowerInvariant()) { & $add $c.id $node } }
      $elements = @($node.CommandElements)
      for ($i = 0; $i -lt $elements.Length; $i++) {
        $e = $elements[$i]
        if ($e.GetType().Name -ne 'CommandParameterAst') { continue }
        foreach ($p in @($list.parameters)) {
          if ($command -eq ([string]$p.command).ToLowerInvariant() -and (Test-Xs4ParameterName $e.ParameterName ([string]$p.parameter))) { & $add $p.id $e }
        }
        foreach ($v in @($list.values)) {
          if (-not (Test-Xs4ParameterName $e.ParameterName ([string]$v.parameter))) { continue }
          $arg = $e.Argument
          if (-not $arg -and $i + 1 -lt $elements.Length) { $arg = $elements[$i + 1] }
          if ($arg -and $arg.GetType().Name -eq 'StringConstantExpressionAst' -and [string]$arg.Value -eq [string]$v.value) { & $add $v.id $e }
        }
      }
    }
  }
  $parseErrors = @($errors | ForEach-Object { [pscustomobject]@{ line = $_.Extent.StartLineNumber; message = [string]$_.Message } })
  $results += [pscustomobject]@{ name = [string]$item.name; parseErrors = $parseErrors; findings = @($findings) }
}
# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }
$json = ConvertTo-Json -InputObject @($results) -Depth 6 -Compress
'XS4COMPAT:' + [System.Convert]::ToBase64String($utf8.GetBytes($json))
