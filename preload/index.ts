// Sandboxed preload: exposes window.xs4 (built from the contract) to the page. The page never sees ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, eventWireName } from '../contract/ipc';
import { buildXs4Api } from './expose';

const api = buildXs4Api(
  (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, { channel, input }),
  (event, listener) => {
    const wire = eventWireName(event);
    // The IpcRendererEvent (with its sender) is dropped: only the payload reaches the page.
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(wire, handler);
    return () => {
      ipcRenderer.removeListener(wire, handler);
    };
  },
);

contextBridge.exposeInMainWorld('xs4', api);
