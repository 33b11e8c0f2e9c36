// The CLI's encryption for its saved sign-in: Windows DPAPI (current user) through Windows PowerShell, as safeStorage
// is Electron-only. Off Windows there is no such encryption, so nothing is saved (SECRETS_ENCRYPTION_UNAVAILABLE).
import { spawnSync } from 'node:child_process';
import type { Cipher } from '../core/secrets/secret-store';

// Input and output travel as base64 on stdin/stdout: the secret never appears in a command line.
const PROTECT = `$ErrorActionPreference='Stop';Add-Type -AssemblyName System.Security;$b=[Convert]::FromBase64String([Console]::In.ReadToEnd().Trim());[Convert]::ToBase64String([Security.Cryptography.ProtectedData]::Protect($b,$null,'CurrentUser'))`;
const UNPROTECT = `$ErrorActionPreference='Stop';Add-Type -AssemblyName System.Security;$b=[Convert]::FromBase64String([Console]::In.ReadToEnd().Trim());[Convert]::ToBase64String([Security.Cryptography.ProtectedData]::Unprotect($b,$null,'CurrentUser'))`;

function run(script: string, input: Buffer): Buffer {
  const r = spawnSync(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
    {
      input: input.toString('base64'),
      encoding: 'utf8',
      windowsHide: true,
      timeout: 30_000,
    },
  );
  if (r.status !== 0) throw new Error(`DPAPI call failed (exit ${r.status ?? 'none'})`);
  return Buffer.from(r.stdout.trim(), 'base64');
}

export function dpapiCipher(platform: NodeJS.Platform = process.platform): Cipher {
  return {
    isAvailable: () => platform === 'win32',
    encrypt: (plaintext) => run(PROTECT, Buffer.from(plaintext, 'utf8')),
    decrypt: (ciphertext) => run(UNPROTECT, ciphertext).toString('utf8'),
  };
}
