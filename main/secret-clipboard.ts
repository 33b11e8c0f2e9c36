// The app's clipboard, in the main process: ordinary text as text; a secret (SHIP key, authentication key) kept out of
// Windows clipboard history and cloud clipboard, and cleared after a minute if it is still there.
//
// Windows reads three clipboard formats for this (Microsoft's "Clipboard formats" page):
// ExcludeClipboardContentFromMonitorProcessing (any data: monitors such as clipboard history skip the content), and
// CanIncludeInClipboardHistory / CanUploadToCloudClipboard holding a DWORD 0. Electron 45 writes raw platform formats
// as `electron application/osclipboard;format="<name>"` beside the text, in one atomic write.
import { createHash } from 'node:crypto';
import { clipboard, ClipboardItem } from 'electron';

/** How long a copied secret may stay on the clipboard. */
export const CLEAR_SECRET_AFTER_MS = 60_000;

const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;
const dwordZero = (): Blob => new Blob([new Uint8Array(4)]);
const digest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface AppClipboard {
  writeText(text: string): Promise<void>;
  writeSecret(text: string): Promise<void>;
}

export function createAppClipboard(options: { platform?: NodeJS.Platform } = {}): AppClipboard {
  const platform = options.platform ?? process.platform;
  let timer: NodeJS.Timeout | undefined;
  return {
    writeText: (text) => clipboard.writeText(text),
    async writeSecret(text) {
      const items: Record<string, string | Blob> = { 'text/plain': text };
      if (platform === 'win32') {
        items[osFormat('ExcludeClipboardContentFromMonitorProcessing')] = dwordZero();
        items[osFormat('CanIncludeInClipboardHistory')] = dwordZero();
        items[osFormat('CanUploadToCloudClipboard')] = dwordZero();
      }
      await clipboard.write([new ClipboardItem(items)]);
      // Only a hash is kept to recognise it later: the value itself does not stay in this process for the minute.
      const copied = digest(text);
      clearTimeout(timer);
      timer = setTimeout(() => {
        void clipboard.readText().then(
          (now) => {
            if (digest(now) === copied) clipboard.clear();
          },
          () => undefined,
        );
      }, CLEAR_SECRET_AFTER_MS);
      timer.unref?.();
    },
  };
}
