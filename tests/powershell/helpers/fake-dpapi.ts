// The DPAPI cipher of the shared sign-in, started in this run's real PowerShell with the one Windows-only call shadowed:
// fake-windows/FakeDpapi.ps1 defines Protect-Xs4Data / Unprotect-Xs4Data in place of [ProtectedData] (Windows-only).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dpapiCipher, type DpapiCipher } from '../../../main/core/windows/dpapi-cipher';
import { FAKE_WINDOWS_DIR } from './fake-windows';
import { ps } from './powershell';

export const FAKE_DPAPI_FILE = path.join(FAKE_WINDOWS_DIR, 'FakeDpapi.ps1');

export interface FakeDpapi {
  /** The "Windows user" whose key the data is sealed with (another user's data is refused). */
  user?: string;
  /** A failure to play: hang, DPAPI missing (platform), an answer that is not one (junk), exit code 7 (crash). */
  mode?: 'hang' | 'platform' | 'junk' | 'crash';
  /** Receives the PowerShell process id. */
  pidFile?: string;
}

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The PowerShell text that replaces the production Protect-Xs4Data / Unprotect-Xs4Data. */
export function fakeDataProtection(o: FakeDpapi = {}): string {
  return [
    `$Xs4FakeDpapi = @{ user = ${literal(o.user ?? 'technician')}; mode = ${literal(o.mode ?? '')}; pidFile = ${literal(o.pidFile ?? '')} }`,
    readFileSync(FAKE_DPAPI_FILE, 'utf8'),
  ].join('\n');
}

/** The production cipher (spawn, stdin/stdout, exit codes, timeout) over real PowerShell and the fake data protection. */
export function fakeDpapiCipher(o: FakeDpapi & { timeoutMs?: number } = {}): DpapiCipher {
  return dpapiCipher({
    platform: 'win32',
    powershell: ps(),
    dataProtection: fakeDataProtection(o),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
  });
}
