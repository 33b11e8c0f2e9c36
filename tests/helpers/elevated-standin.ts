// A ProcessLauncher that decodes the real generated wrapper (outer → inner → base64 JSON) and starts a node stand-in child with what it found.
import { spawn } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { LaunchedProcess, ProcessLauncher } from '../../main/core/windows/process-launcher';

/** `-EncodedCommand` carries base64 of UTF-16LE script text (the inverse of ps-encoding's encodeCommand). */
const decodeCommand = (encoded: string): string => Buffer.from(encoded, 'base64').toString('utf16le');

const CHILD = fileURLToPath(new URL('./fake-elevated-child.mjs', import.meta.url));

export interface DecodedWrapper {
  outer: string;
  inner: string;
  innerData: {
    target: string;
    sha256: string;
    params: Record<string, unknown>;
    log: string;
    status: string;
    nonce: string;
    ps: string;
    secretFile: string;
    secretParam: string;
    cancel: string;
  };
  outerData: { elevate: boolean; ps: string };
}

/** Decodes the argv the runner gives powershell.exe, the way PowerShell itself would. */
export function decodeWrapperArgs(args: readonly string[]): DecodedWrapper {
  const i = args.indexOf('-EncodedCommand');
  const outer = decodeCommand(args[i + 1] ?? '');
  // The outer holds two literals: its own parameters first, then the inner script (base64 of gzipped UTF-8).
  const [outerB64 = '', innerB64 = ''] = [...outer.matchAll(/FromBase64String\('([A-Za-z0-9+/=]+)'\)/g)].map(
    (m) => m[1] ?? '',
  );
  const inner = gunzipSync(Buffer.from(innerB64, 'base64')).toString('utf8');
  const innerDataB64 = /FromBase64String\('([A-Za-z0-9+/=]+)'\)/.exec(inner)?.[1] ?? '';
  return {
    outer,
    inner,
    innerData: JSON.parse(Buffer.from(innerDataB64, 'base64').toString('utf8')),
    outerData: JSON.parse(Buffer.from(outerB64, 'base64').toString('utf8')),
  };
}

export function standInLauncher(
  mode: string,
  seen: Array<{ file: string; args: readonly string[] }> = [],
): ProcessLauncher {
  return (file, args): LaunchedProcess => {
    seen.push({ file, args });
    const { innerData } = decodeWrapperArgs(args);
    const child = spawn(process.execPath, [CHILD, mode, JSON.stringify(innerData)], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { exited, kill: () => void child.kill() };
  };
}
