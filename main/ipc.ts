// The only place ipcMain is touched: one invoke channel dispatched to the contract's handlers, after checking
// that the call comes from the app's own page (app:// origin, main frame). Never throws into Electron.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL, eventWireName, type HandlerContext, type Handlers } from '../contract/ipc';
import { type Result } from '../contract/channel';
import { AppError, toErrorInfo } from './core/errors';
import { checkEvent, createDispatcher } from './core/api/dispatch';
import type { Logger } from './core/log/logger';
import { APP_HOST, APP_SCHEME } from './protocol-serve';

type SenderFrame = { url: string; parent: unknown } | null | undefined;

/** True only for the top frame of a page served from app://xs4/. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame as SenderFrame;
  // A frame that navigated away or was destroyed has no senderFrame: not trusted.
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

function rejected(code: string, message: string): Result<never> {
  return {
    ok: false,
    error: toErrorInfo(new AppError(code, message, 'Restart the app; if it persists, export the log.')),
  };
}

/**
 * Registers the contract. Throws at start (IPC_CONTRACT_MISMATCH) when a channel lacks a handler or a handler
 * lacks a channel. Returns a function that unregisters.
 */
export function registerIpc(handlers: Handlers, log: Logger): () => void {
  const dispatch = createDispatcher(handlers, log);
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      try {
        if (!isTrustedSender(event)) {
          log.warn('ipc: call from a foreign frame refused', {
            url: String((event.senderFrame as SenderFrame)?.url ?? 'none').slice(0, 200),
          });
          return rejected(
            'IPC_FOREIGN_SENDER',
            'The call did not come from the app’s own page and was refused.',
          );
        }
        if (typeof payload !== 'object' || payload === null || !('channel' in payload)) {
          log.warn('ipc: malformed envelope', { type: typeof payload });
          return rejected('IPC_MALFORMED', 'The call was not shaped as { channel, input }.');
        }
        const { channel, input } = payload as { channel: unknown; input?: unknown };
        const abort = new AbortController();
        const onGone = (): void => abort.abort();
        event.sender.once('destroyed', onGone);
        event.sender.once('render-process-gone', onGone);
        const ctx: HandlerContext = {
          signal: abort.signal,
          emit(name, data) {
            const checked = checkEvent(name, data);
            if (!event.sender.isDestroyed()) event.sender.send(eventWireName(name), checked);
          },
        };
        try {
          return await dispatch(channel, input, ctx);
        } finally {
          event.sender.removeListener('destroyed', onGone);
          event.sender.removeListener('render-process-gone', onGone);
        }
      } catch (e) {
        // dispatch never throws; this is the last net so the main process cannot crash on a call.
        log.error('ipc: unexpected failure', { error: e });
        return { ok: false, error: toErrorInfo(e) };
      }
    },
  );
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Channels that libraries register on their own (electron-log: renderer → main logging; electron-store: renderer data). */
export const THIRD_PARTY_CHANNELS = ['__ELECTRON_LOG__', 'electron-store-get-data'] as const;

/**
 * Removes the IPC that electron-log and electron-store open at load time. Our page cannot reach them (the preload
 * exposes no ipcRenderer), but the main process should answer nothing outside the contract.
 */
export function closeThirdPartyIpc(): void {
  for (const channel of THIRD_PARTY_CHANNELS) {
    ipcMain.removeHandler(channel);
    ipcMain.removeAllListeners(channel);
  }
}
