// The system's file and folder dialogs behind the Browse buttons, shown by the main process in front of the app's window
// (the page has no file system). What each purpose opens (file, folder, save) and which files it offers come from the
// contract; the page only gives the words (title, filter name) in the technician's language.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { PATH_PURPOSES } from '../contract/dialog-channels';
import type { PathDialogs } from './core/api/dialog-handlers';

/** `window` answers the app's window at the time of the call (null before it exists or after it closed). */
export function createPathDialogs(window: () => BrowserWindow | null): PathDialogs {
  return {
    async choosePath({ purpose, title, filterName, defaultPath }) {
      const spec = PATH_PURPOSES[purpose];
      const extensions: string[] = [...spec.extensions];
      const filters =
        extensions.length > 0 ? [{ name: filterName ?? extensions.join(', '), extensions }] : undefined;
      const common = {
        title,
        ...(defaultPath !== undefined ? { defaultPath } : {}),
        ...(filters !== undefined ? { filters } : {}),
      };
      const parent = window();
      if (spec.kind === 'saveFile') {
        const options: SaveDialogOptions = { ...common, properties: ['showOverwriteConfirmation'] };
        const r =
          parent !== null
            ? await dialog.showSaveDialog(parent, options)
            : await dialog.showSaveDialog(options);
        return r.canceled || r.filePath === undefined || r.filePath === '' ? null : r.filePath;
      }
      const options: OpenDialogOptions = {
        ...common,
        // A folder made in the dialog is the technician's own act ("New folder"), not one the app creates silently.
        properties: spec.kind === 'openFolder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
      };
      const r =
        parent !== null ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
