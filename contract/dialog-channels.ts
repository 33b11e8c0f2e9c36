// The system's file and folder dialogs, shown by the main process (the page cannot reach the file system): the
// technician picks, the page gets the path, or null when the dialog was cancelled. Spread into the contract by ipc.ts.
import { z } from 'zod';
import { absolutePath, channel } from './channel';

/** What each Browse button chooses. The kind of dialog and the files it offers are decided here, not by the page. */
export const PATH_PURPOSES = {
  /** The Space Install Script from a file (Install Script step). */
  installScript: { kind: 'openFile', extensions: ['ps1'] },
  /** An evidence bundle collected elsewhere, to open (Troubleshoot). */
  bundleFolder: { kind: 'openFolder', extensions: [] },
  /** An empty folder for the evidence bundle collected here (Troubleshoot). */
  evidenceFolder: { kind: 'openFolder', extensions: [] },
  /** Where the HTML report is saved (Troubleshoot). */
  report: { kind: 'saveFile', extensions: ['html', 'htm'] },
} as const satisfies Record<
  string,
  { kind: 'openFile' | 'openFolder' | 'saveFile'; extensions: readonly string[] }
>;
export type PathPurpose = keyof typeof PATH_PURPOSES;
const purposes = Object.keys(PATH_PURPOSES) as [PathPurpose, ...PathPurpose[]];

export const dialogContract = {
  /** Shows the system dialog for `purpose`, in front of the app's window; answers the chosen path or null (cancelled). */
  'dialog.choosePath': channel({
    input: z
      .object({
        purpose: z.enum(purposes),
        /** The dialog's title, in the technician's language (from the page's catalogs). */
        title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
        /** The name of the file filter ("PowerShell script"), in the technician's language; file dialogs only. */
        filterName: z.string().trim().min(1).max(100).optional(),
        /** Where the dialog starts: the field's value when it already holds a full path. */
        defaultPath: absolutePath.optional(),
      })
      .strict(),
    output: z.string().min(1).max(4096).nullable(),
  }),
} as const;

export type DialogContract = typeof dialogContract;
export type DialogChannel = keyof DialogContract;
export type DialogInput<K extends DialogChannel> = z.infer<DialogContract[K]['input']>;
export type DialogOutput<K extends DialogChannel> = z.infer<DialogContract[K]['output']>;
