// Atomic file replacement: write a temp file beside the target, then rename over it, so a crash never leaves half a file.
import * as nodeFs from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file operations the stores need, injectable so tests can watch the order or fail a step. */
export interface FileOps {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, options: { encoding: 'utf8'; mode?: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  rm(path: string, options: { force: true }): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
}

export const nodeFileOps: FileOps = {
  readFile: (p, e) => nodeFs.readFile(p, e),
  writeFile: (p, d, o) => nodeFs.writeFile(p, d, o),
  rename: (a, b) => nodeFs.rename(a, b),
  mkdir: (p, o) => nodeFs.mkdir(p, o),
  rm: (p, o) => nodeFs.rm(p, o),
  copyFile: (a, b) => nodeFs.copyFile(a, b),
};

export async function writeFileAtomic(
  path: string,
  data: string,
  fs: FileOps = nodeFileOps,
  mode = 0o600,
): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data, { encoding: 'utf8', mode });
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

export function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';
}

/** The system's code of a failed file operation (EACCES, ENOSPC …) for a message; the error's name when it has none. */
export function ioCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code !== '') return code;
  return e instanceof Error ? e.name : 'Error';
}
