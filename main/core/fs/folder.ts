// A folder the technician named for something the app writes (a report, an evidence bundle): it must exist, or be
// created because the technician agreed to it. A missing folder is never created silently.
import { mkdir, stat } from 'node:fs/promises';
import { AppError } from '../errors';

export const FolderCodes = {
  /** The folder does not exist and the technician has not agreed to create it (the page asks, then calls again). */
  MISSING: 'PATH_FOLDER_MISSING',
  NOT_A_FOLDER: 'PATH_NOT_A_FOLDER',
} as const;

/** Resolves when `folder` exists; creates it (and its parents) only when `create` is true, else PATH_FOLDER_MISSING. */
export async function folderReady(folder: string, create: boolean): Promise<void> {
  const found = await stat(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new AppError(
      'PATH_UNREADABLE',
      `The folder ${folder} cannot be read (${e.code ?? e.message}).`,
      'Choose a folder you can write to.',
      { folder },
    );
  });
  if (found !== null) {
    if (found.isDirectory()) return;
    throw new AppError(
      FolderCodes.NOT_A_FOLDER,
      `${folder} is a file, not a folder.`,
      'Choose a folder with Browse, or type the full path of a folder.',
      { folder },
    );
  }
  if (!create)
    throw new AppError(
      FolderCodes.MISSING,
      `The folder ${folder} does not exist.`,
      'Choose an existing folder with Browse, or agree to create this one.',
      { folder },
    );
  await mkdir(folder, { recursive: true });
}
