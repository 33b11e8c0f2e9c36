# Read-only: SHA-256 and Authenticode status of one file (the Space Install Script before it runs).
param([string]$EncodedParams = "e30=")
$ErrorActionPreference = "Stop"
$p = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($EncodedParams)) | ConvertFrom-Json
$path = [string]$p.path
$hash = (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash
$sig = Get-AuthenticodeSignature -LiteralPath $path
$signer = $null; $thumb = $null
if ($sig.SignerCertificate) { $signer = [string]$sig.SignerCertificate.Subject; $thumb = [string]$sig.SignerCertificate.Thumbprint }
$result = [pscustomobject]@{ sha256 = [string]$hash; status = [string]$sig.Status; statusMessage = [string]$sig.StatusMessage; signer = $signer; signerThumbprint = $thumb }

# Windows PowerShell 5.1 writes some arrays as {"value":[...],"Count":n} (an extended Count property on System.Array);
# without that type data it writes plain arrays. PowerShell 7 has none to remove.
if ($PSVersionTable.PSVersion.Major -lt 6) { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue }
$json = ConvertTo-Json -InputObject $result -Depth 6 -Compress
# Base64 of UTF-8 JSON: survives any console code page on the way back.
"XS4JSON:" + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
