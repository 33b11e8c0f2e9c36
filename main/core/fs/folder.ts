// A folder the technician named for something the app writes (a report, an evidence bundle): it must exist, or be
// created because the technician agreed to it. A missing folder is never created silently.
import { mkdir, stat } from 'node:fs/promises';
import { AppError } from '../errors';
import { ioCode } from './atomic-write';

/**
 * Resolves when `folder` exists; creates it (and its parents) only when `create` is true, else PATH_FOLDER_MISSING.
 * `field`: the input that named the folder itself, so a file given as the folder is said under that field.
 */
export async function folderReady(folder: string, create: boolean, field?: string): Promise<void> {
  const found = await stat(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new AppError('PATH_UNREADABLE', { params: { folder, code: ioCode(e) }, detail: { folder } });
  });
  if (found !== null) {
    if (found.isDirectory()) return;
    throw new AppError('PATH_NOT_A_FOLDER', {
      params: { folder },
      detail: { folder, ...(field !== undefined ? { field, rule: 'rules.folder' } : {}) },
    });
  }
  if (!create) throw new AppError('PATH_FOLDER_MISSING', { params: { folder }, detail: { folder } });
  await mkdir(folder, { recursive: true });
}
