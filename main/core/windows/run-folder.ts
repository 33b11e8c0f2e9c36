// The private per-run folder of an elevated run: on Windows an explicit ACL (the user, SYSTEM, Administrators; nothing
// inherited from %TEMP%), elsewhere mode 0700. Status and cancel files in it are believed only with the run's nonce.
import { execFile } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import * as path from 'node:path';
import { AppError } from '../errors';

/** Well-known SIDs: LocalSystem and the built-in Administrators group. */
export const SYSTEM_SID = 'S-1-5-18';
export const ADMINISTRATORS_SID = 'S-1-5-32-544';

const SID = /^S-1-\d+(-\d+)+$/;

/** The user's SID from `whoami /user /fo csv /nh` ("domain\\user","S-1-5-21-…"). */
export function parseWhoamiSid(csv: string): string {
  const m = /"([^"]*)","(S-1-[0-9-]+)"/.exec(csv);
  const sid = m?.[2];
  if (!sid || !SID.test(sid)) {
    throw new AppError('ELEVATED_RUN_FOLDER_UNPROTECTED', {
      variant: 'account',
      detail: { whoami: csv.slice(0, 200) },
    });
  }
  return sid;
}

/** icacls arguments: drop inherited entries, grant full control to exactly the user, SYSTEM and Administrators. */
export function icaclsArgs(dir: string, userSid: string): string[] {
  if (!SID.test(userSid))
    throw new AppError('ELEVATED_RUN_FOLDER_UNPROTECTED', {
      variant: 'sid',
      detail: { sid: userSid.slice(0, 200) },
    });
  return [
    dir,
    '/inheritance:r',
    '/grant:r',
    `*${userSid}:(OI)(CI)F`,
    `*${SYSTEM_SID}:(OI)(CI)F`,
    `*${ADMINISTRATORS_SID}:(OI)(CI)F`,
  ];
}

export type ExecFile = (file: string, args: string[]) => Promise<string>;

const execFileText: ExecFile = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { windowsHide: true, timeout: 30_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr }));
      else resolve(stdout);
    });
  });

/**
 * Protects a freshly made run folder before anything is written into it. On Windows both tools are started by absolute
 * path under System32, for the same reason as PowerShell. Throws ELEVATED_RUN_FOLDER_UNPROTECTED rather than run unprotected.
 */
export async function protectRunFolder(
  dir: string,
  opts: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; exec?: ExecFile } = {},
): Promise<void> {
  const platform = opts.platform ?? process.platform;
  if (platform !== 'win32') {
    await chmod(dir, 0o700);
    return;
  }
  const env = opts.env ?? process.env;
  const system32 = path.win32.join(env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows', 'System32');
  const exec = opts.exec ?? execFileText;
  try {
    const sid = parseWhoamiSid(
      await exec(path.win32.join(system32, 'whoami.exe'), ['/user', '/fo', 'csv', '/nh']),
    );
    await exec(path.win32.join(system32, 'icacls.exe'), icaclsArgs(dir, sid));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('ELEVATED_RUN_FOLDER_UNPROTECTED', { variant: 'acl', detail: { dir }, cause: e });
  }
}
