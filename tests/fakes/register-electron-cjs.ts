// Shell-project setup: packages that `require('electron')` from CommonJS (electron-log) bypass the vitest alias,
// so the same fake module is placed in Node's require cache under the real package's id.
import { createRequire } from 'node:module';
import fake from './electron';

const require = createRequire(import.meta.url);
const id = require.resolve('electron');
// The main-process view: in Electron's main process `ipcRenderer` and `contextBridge` do not exist, and
// electron-log decides it runs in a preload when it sees them.
const { ipcRenderer: _renderer, contextBridge: _bridge, ...mainProcessView } = fake;
require.cache[id] = {
  id,
  filename: id,
  loaded: true,
  exports: mainProcessView,
  children: [],
  paths: [],
} as unknown as NodeJS.Module;
