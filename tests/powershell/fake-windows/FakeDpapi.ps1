# Test double of Windows DPAPI for the sign-in's cipher (main/core/windows/dpapi-cipher.ts): Protect-Xs4Data and
# Unprotect-Xs4Data, the two functions through which the production script calls [System.Security.Cryptography.ProtectedData]
# (it throws PlatformNotSupportedException off Windows). Keyed by $Xs4FakeDpapi.user, the "Windows user": data of another
# user is refused with a CryptographicException, as DPAPI refuses it. $Xs4FakeDpapi.mode plays a failure ('hang',
# 'platform', 'junk', 'crash'); $Xs4FakeDpapi.pidFile receives the process id. Must run on Windows PowerShell 5.1 too.

$script:Xs4FakeDpapiMagic = [System.Text.Encoding]::ASCII.GetBytes('XS4FAKEDPAPI')

function Get-Xs4FakeDpapiKey([string]$Purpose) {
  $sha = [System.Security.Cryptography.SHA256]::Create()
  return ,$sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Purpose + '|' + [string]$Xs4FakeDpapi.user))
}

function Join-Xs4FakeBytes([byte[][]]$Parts) {
  $length = 0
  foreach ($p in $Parts) { $length += $p.Length }
  $all = New-Object byte[] $length
  $at = 0
  foreach ($p in $Parts) { [System.Array]::Copy($p, 0, $all, $at, $p.Length); $at += $p.Length }
  return ,$all
}

function Get-Xs4FakeSlice([byte[]]$Bytes, [int]$Start, [int]$Length) {
  $part = New-Object byte[] $Length
  [System.Array]::Copy($Bytes, $Start, $part, 0, $Length)
  return ,$part
}

function Invoke-Xs4FakeDpapiMode {
  if ($Xs4FakeDpapi.pidFile) { [System.IO.File]::WriteAllText([string]$Xs4FakeDpapi.pidFile, [string]$PID) }
  switch ([string]$Xs4FakeDpapi.mode) {
    'hang' { Start-Sleep -Seconds 120 }
    'platform' { throw (New-Object System.PlatformNotSupportedException 'Windows Data Protection API (DPAPI) is not supported on this platform.') }
    'junk' { [Console]::Out.Write('not an answer'); exit 0 }
    'crash' { exit 7 }
  }
}

function Get-Xs4FakeTag([byte[]]$Signed) {
  $hmac = New-Object System.Security.Cryptography.HMACSHA256 -ArgumentList (,(Get-Xs4FakeDpapiKey 'mac'))
  return ,$hmac.ComputeHash($Signed)
}

function Protect-Xs4Data([byte[]]$Bytes) {
  Invoke-Xs4FakeDpapiMode
  $aes = [System.Security.Cryptography.Aes]::Create()
  $aes.Key = Get-Xs4FakeDpapiKey 'enc'
  $aes.GenerateIV()
  $body = $aes.CreateEncryptor().TransformFinalBlock($Bytes, 0, $Bytes.Length)
  $signed = Join-Xs4FakeBytes @($aes.IV, $body)
  return ,(Join-Xs4FakeBytes @($script:Xs4FakeDpapiMagic, $signed, (Get-Xs4FakeTag $signed)))
}

function Unprotect-Xs4Data([byte[]]$Bytes) {
  Invoke-Xs4FakeDpapiMode
  $m = $script:Xs4FakeDpapiMagic.Length
  $refused = 'Key not valid for use in specified state.'
  if ($Bytes.Length -lt ($m + 16 + 32)) { throw (New-Object System.Security.Cryptography.CryptographicException 'The data is invalid.') }
  $magic = Get-Xs4FakeSlice $Bytes 0 $m
  if ([System.Convert]::ToBase64String($magic) -ne [System.Convert]::ToBase64String($script:Xs4FakeDpapiMagic)) { throw (New-Object System.Security.Cryptography.CryptographicException 'The data is invalid.') }
  $signed = Get-Xs4FakeSlice $Bytes $m ($Bytes.Length - $m - 32)
  $tag = Get-Xs4FakeSlice $Bytes ($Bytes.Length - 32) 32
  if ([System.Convert]::ToBase64String((Get-Xs4FakeTag $signed)) -ne [System.Convert]::ToBase64String($tag)) { throw (New-Object System.Security.Cryptography.CryptographicException $refused) }
  $aes = [System.Security.Cryptography.Aes]::Create()
  $aes.Key = Get-Xs4FakeDpapiKey 'enc'
  $aes.IV = Get-Xs4FakeSlice $signed 0 16
  return ,$aes.CreateDecryptor().TransformFinalBlock($signed, 16, $signed.Length - 16)
}
