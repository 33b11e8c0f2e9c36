// Windows DPAPI (current user) as a Cipher, through Windows PowerShell started asynchronously: the encryption of the
// sign-in the app and the CLI share (safeStorage's key belongs to the app alone). Secrets travel on stdin/stdout only.
import { spawn } from 'node:child_process';
import { AppError } from '../errors';
import type { Cipher } from '../secrets/secret-store';
import { resolvePowerShellExe } from './powershell-exe';
import { encodeCommand } from './ps-encoding';

/** How long one encryption or decryption may take: a cold Windows PowerShell start on a busy server takes seconds. */
export const DPAPI_TIMEOUT_MS = 30_000;
/** The longest answer read back (a sign-in is at most 1 MiB of text; base64 and DPAPI's header add about half). */
const MAX_OUTPUT_CHARS = 8 * 1024 * 1024;

/**
 * The one Windows-only call, behind two functions: the script calls Protect-Xs4Data / Unprotect-Xs4Data, and the
 * PowerShell tests define these in pwsh instead (ProtectedData throws PlatformNotSupportedException off Windows).
 */
const WINDOWS_DATA_PROTECTION = `function Protect-Xs4Data([byte[]]$Bytes) {
  Add-Type -AssemblyName System.Security
  return ,[System.Security.Cryptography.ProtectedData]::Protect($Bytes, $null, [System.Security.Cryptography.DataProtectionScope]::CurrentUser)
}
function Unprotect-Xs4Data([byte[]]$Bytes) {
  Add-Type -AssemblyName System.Security
  return ,[System.Security.Cryptography.ProtectedData]::Unprotect($Bytes, $null, [System.Security.Cryptography.DataProtectionScope]::CurrentUser)
}`;

/**
 * Exit codes of the script, each with a word on stderr: 2 the input was not base64, 3 DPAPI refused (this user cannot
 * decrypt it, or cannot encrypt: no user profile), 4 DPAPI does not exist here, 5 anything else.
 */
const EXIT_REFUSED = 3;
const EXIT_PLATFORM = 4;

type Op = 'protect' | 'unprotect';

/**
 * The PowerShell of one operation: base64 in on stdin, `XS4DPAPI:<base64>` out on stdout. Nothing of the data is in
 * the script text (which travels as -EncodedCommand).
 * @internal exported for the Windows PowerShell 5.1 compatibility test; `dataProtection` is the tests' seam.
 */
export function dpapiScript(op: Op, dataProtection: string = WINDOWS_DATA_PROTECTION): string {
  const call = op === 'protect' ? 'Protect-Xs4Data' : 'Unprotect-Xs4Data';
  return `$ErrorActionPreference = 'Stop'
${dataProtection}
try { $in = [System.Convert]::FromBase64String([Console]::In.ReadToEnd().Trim()) } catch { [Console]::Error.WriteLine('XS4DPAPI:input'); exit 2 }
try {
  $out = ${call} $in
} catch [System.PlatformNotSupportedException] {
  [Console]::Error.WriteLine('XS4DPAPI:platform'); exit ${EXIT_PLATFORM}
} catch [System.Security.Cryptography.CryptographicException] {
  [Console]::Error.WriteLine('XS4DPAPI:refused'); exit ${EXIT_REFUSED}
} catch {
  [Console]::Error.WriteLine('XS4DPAPI:failed ' + $_.Exception.GetType().FullName); exit 5
}
[Console]::Out.Write('XS4DPAPI:' + [System.Convert]::ToBase64String([byte[]]$out))
exit 0
`;
}

export interface DpapiCipherOptions {
  /** DPAPI exists on Windows only: elsewhere the cipher is unavailable and nothing is encrypted (or stored). */
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** @internal tests: the PowerShell to start (the project's pwsh) instead of Windows PowerShell by absolute path. */
  powershell?: string;
  /** @internal tests: PowerShell defining Protect-Xs4Data and Unprotect-Xs4Data in place of the ProtectedData calls. */
  dataProtection?: string;
}

/** Why the word on stderr, for support (no data: the script writes only its own words there). */
function reasonOf(stderr: string): string {
  return /XS4DPAPI:(\w+(?: [\w.]+)?)/.exec(stderr)?.[1] ?? '';
}

function run(op: Op, input: Buffer, opts: DpapiCipherOptions): Promise<Buffer> {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? DPAPI_TIMEOUT_MS;
  const exe = resolvePowerShellExe({
    ...(opts.powershell !== undefined ? { override: opts.powershell } : {}),
    platform,
    env,
  });
  const script = dpapiScript(op, opts.dataProtection);
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const child = spawn(
      exe,
      [
        '-NoLogo',
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-EncodedCommand',
        encodeCommand(script),
      ],
      // TERM=dumb: PowerShell 7 off Windows (the tests) otherwise writes terminal mode sequences.
      { windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], env: { ...env, TERM: 'dumb' } },
    );
    const timer = setTimeout(() => {
      child.kill();
      settle(() =>
        reject(
          new AppError('SECRETS_DPAPI_FAILED', {
            variant: 'timeout',
            params: { seconds: Math.round(timeoutMs / 1000) },
            detail: { op, timeoutMs },
          }),
        ),
      );
    }, timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      stdout += c;
      if (stdout.length > MAX_OUTPUT_CHARS) {
        child.kill();
        settle(() =>
          reject(
            new AppError('SECRETS_DPAPI_FAILED', { variant: 'output', detail: { op, why: 'too long' } }),
          ),
        );
      }
    });
    child.stderr.on('data', (c: string) => {
      if (stderr.length < 4096) stderr += c;
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          new AppError('SECRETS_DPAPI_FAILED', {
            variant: 'notStarted',
            params: { code: e.code ?? e.name },
            detail: { op, path: exe, code: e.code ?? e.name },
            cause: e,
          }),
        ),
      ),
    );
    child.on('close', (code) =>
      settle(() => {
        const reason = reasonOf(stderr);
        if (code === 0) {
          const m = /XS4DPAPI:([A-Za-z0-9+/]*={0,2})(?![A-Za-z0-9+/=])/.exec(stdout);
          if (m) return resolve(Buffer.from(m[1]!, 'base64'));
          return reject(new AppError('SECRETS_DPAPI_FAILED', { variant: 'output', detail: { op } }));
        }
        // No user profile, or no DPAPI at all: the system cannot encrypt for this user.
        if (code === EXIT_PLATFORM || (code === EXIT_REFUSED && op === 'protect'))
          return reject(new AppError('SECRETS_ENCRYPTION_UNAVAILABLE', { detail: { op, reason } }));
        // Encrypted by another Windows user, on another computer, or damaged: the store says "cannot be decrypted".
        if (code === EXIT_REFUSED) return reject(new Error(`DPAPI refused to decrypt (${reason})`));
        reject(
          new AppError('SECRETS_DPAPI_FAILED', {
            variant: 'exit',
            params: { exitCode: code ?? 'none' },
            detail: { op, exitCode: code, reason },
          }),
        );
      }),
    );
    // The data goes in on stdin, never on the command line; a process that died early must not crash us (EPIPE).
    child.stdin.on('error', () => {});
    child.stdin.end(input.toString('base64'));
  });
}

/** A Cipher whose every call starts PowerShell: always asynchronous. */
export interface DpapiCipher extends Cipher {
  encrypt(plaintext: string): Promise<Buffer>;
  decrypt(ciphertext: Buffer): Promise<string>;
}

/** DPAPI for the current Windows user; unavailable off Windows (the sign-in is then not saved by the CLI). */
export function dpapiCipher(opts: DpapiCipherOptions = {}): DpapiCipher {
  const platform = opts.platform ?? process.platform;
  return {
    isAvailable: () => platform === 'win32',
    // async: a PowerShell that cannot even be resolved (PS_PATH_INVALID) is a rejection too, never a throw.
    encrypt: async (plaintext) => run('protect', Buffer.from(plaintext, 'utf8'), opts),
    decrypt: async (ciphertext) => (await run('unprotect', ciphertext, opts)).toString('utf8'),
  };
}
