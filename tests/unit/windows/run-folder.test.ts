// The elevated run's private folder: explicit ACL on Windows (icacls by absolute path, the user, SYSTEM, Administrators),
// mode 0700 elsewhere; refuses to go on unprotected.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../../../main/core/errors';
import { icaclsArgs, parseWhoamiSid, protectRunFolder } from '../../../main/core/windows/run-folder';

describe('run folder protection', () => {
  it('POSIX: mode 0700', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xs4-rf-'));
    await protectRunFolder(dir, { platform: 'linux' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    rmSync(dir, { recursive: true });
  });

  it('Windows: whoami then icacls, both by absolute path, granting exactly the user, SYSTEM and Administrators', async () => {
    const calls: Array<{ file: string; args: string[] }> = [];
    await protectRunFolder('C:\\Users\\tech\\AppData\\Local\\Temp\\xs4-elevated-AbC', {
      platform: 'win32',
      env: { SystemRoot: 'C:\\Windows' },
      exec: async (file, args) => {
        calls.push({ file, args });
        return file.endsWith('whoami.exe')
          ? '"SPACE01\\tech","S-1-5-21-111-222-333-1001"\r\n'
          : 'processed file\r\n';
      },
    });
    expect(calls).toEqual([
      { file: 'C:\\Windows\\System32\\whoami.exe', args: ['/user', '/fo', 'csv', '/nh'] },
      {
        file: 'C:\\Windows\\System32\\icacls.exe',
        args: [
          'C:\\Users\\tech\\AppData\\Local\\Temp\\xs4-elevated-AbC',
          '/inheritance:r',
          '/grant:r',
          '*S-1-5-21-111-222-333-1001:(OI)(CI)F',
          '*S-1-5-18:(OI)(CI)F',
          '*S-1-5-32-544:(OI)(CI)F',
        ],
      },
    ]);
  });

  it('Windows: a failing tool or an unreadable account is ELEVATED_RUN_FOLDER_UNPROTECTED, never a silent go-ahead', async () => {
    const code = async (exec: (file: string) => Promise<string>) =>
      protectRunFolder('C:\\t\\x', { platform: 'win32', env: { SystemRoot: 'C:\\Windows' }, exec }).then(
        () => 'OK',
        (e: unknown) => (e as AppError).code,
      );
    expect(await code(async () => 'garbage')).toBe('ELEVATED_RUN_FOLDER_UNPROTECTED');
    expect(
      await code(async (f) => {
        if (f.endsWith('whoami.exe')) return '"D\\u","S-1-5-21-1-2-3-500"';
        throw new Error('Access is denied.');
      }),
    ).toBe('ELEVATED_RUN_FOLDER_UNPROTECTED');
  });

  it('parses whoami and refuses anything that is not a SID', () => {
    expect(parseWhoamiSid('"DOM\\user","S-1-5-21-1-2-3-1001"')).toBe('S-1-5-21-1-2-3-1001');
    expect(() => parseWhoamiSid('"DOM\\user","S-1-5-21-1-2-3-1001 & calc"')).toThrowError(AppError);
    expect(() => icaclsArgs('C:\\x', 'S-1-5-21-1; calc')).toThrowError(AppError);
  });
});
