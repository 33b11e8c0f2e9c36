// Handler for `dialog.choosePath`: one line onto the injected PathDialogs. The core shows nothing itself (it has no
// Electron): the app wires Electron's dialogs (main/path-dialogs.ts), the e2e harness a test double.
import type { DialogChannel, DialogInput, DialogOutput } from '../../../contract/dialog-channels';

/** Shows the system dialog a Browse button asks for; resolves the chosen path, or null when it was cancelled. */
export interface PathDialogs {
  choosePath(request: DialogInput<'dialog.choosePath'>): Promise<string | null>;
}

export type DialogHandlers = {
  [K in DialogChannel]: (input: DialogInput<K>) => Promise<DialogOutput<K>>;
};

export function dialogHandlers(dialogs: PathDialogs): DialogHandlers {
  return {
    'dialog.choosePath': (request) => dialogs.choosePath(request),
  };
}
