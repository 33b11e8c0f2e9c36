// Fake `electron` for the shell tests (vitest alias): records what the main process and preload ask of Electron,
// and lets tests fire the events Electron would. The one seam where Electron is mocked (no binary here).
/* eslint-disable @typescript-eslint/no-explicit-any */
type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  removeListener(event: string, fn: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== fn),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}

/** A navigation-like event: records whether the app prevented it. */
export function fakeEvent(): { preventDefault(): void; defaultPrevented: boolean } {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  destroyed = false;
  mainFrame = { url: 'app://xs4/index.html', parent: null };
  setWindowOpenHandler(fn: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  devToolsClosed = 0;
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
}

export class BrowserWindow extends Emitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  focused = false;
  constructor(readonly options: any) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused = true;
  }
}

class FakeIpcMain extends Emitter {
  readonly handlers = new Map<string, Listener>();
  readonly handleCalls: string[] = [];
  handle(channel: string, fn: Listener): void {
    // Like Electron: a second handler for the same channel is an error.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handleCalls.push(channel);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  removeAllListeners(channel: string): void {
    this.listeners.delete(channel);
  }
  /** What a renderer invoke would do: run the handler with a fake event. */
  async invokeAs(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (h === undefined) throw new Error(`No handler registered for '${channel}'`);
    return h(event, ...args);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends Emitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: null });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.reply(channel, ...args);
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};

class FakeProtocolRegistry {
  readonly handlers = new Map<string, Listener>();
  handle(scheme: string, fn: Listener): void {
    this.handlers.set(scheme, fn);
  }
}

export const protocol = {
  privileged: [] as any[],
  registerSchemesAsPrivileged(schemes: any[]): void {
    protocol.privileged.push(...schemes);
  },
};

class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  readonly protocol = new FakeProtocolRegistry();
  setPermissionRequestHandler(fn: Listener): void {
    this.permissionRequestHandler = fn;
  }
  setPermissionCheckHandler(fn: Listener): void {
    this.permissionCheckHandler = fn;
  }
}
export const session = { defaultSession: new FakeSession() };

export const app = Object.assign(new Emitter(), {
  /** Paths returned by getPath; tests point them at temp dirs. */
  paths: {} as Record<string, string>,
  /** What requestSingleInstanceLock answers. */
  singleInstance: true,
  quitCalled: false,
  /** Resolve it (tests assign a resolved promise) to let the main process start. */
  ready: new Promise<void>(() => {}) as Promise<void>,
  getPath(name: string): string {
    return app.paths[name] ?? '/nonexistent/xs4-fake-path';
  },
  isPackaged: false,
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0-fake',
  requestSingleInstanceLock(): boolean {
    return app.singleInstance;
  },
  whenReady(): Promise<void> {
    return app.ready;
  },
  quit(): void {
    app.quitCalled = true;
  },
  exit: (_code?: number) => {},
});

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: unknown) => {
    Menu.current = menu;
  },
};

/** Electron 45's ClipboardItem: MIME type (or custom format) → payload. */
export class ClipboardItem {
  constructor(readonly items: Record<string, unknown>) {}
  get types(): string[] {
    return Object.keys(this.items);
  }
}

/** The system clipboard as Electron 45 exposes it (asynchronous W3C-like API); records what was written. */
export const clipboard = {
  items: [] as ClipboardItem[],
  text: '',
  cleared: 0,
  write(data: ClipboardItem[]): Promise<void> {
    clipboard.items = data;
    const t = data[0]?.items['text/plain'];
    clipboard.text = typeof t === 'string' ? t : '';
    return Promise.resolve();
  },
  writeText(text: string): Promise<void> {
    clipboard.items = [new ClipboardItem({ 'text/plain': text })];
    clipboard.text = text;
    return Promise.resolve();
  },
  readText(): Promise<string> {
    return Promise.resolve(clipboard.text);
  },
  clear(): void {
    clipboard.cleared += 1;
    clipboard.items = [];
    clipboard.text = '';
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (_s: string): Buffer => {
    throw new Error('fake safeStorage cannot encrypt');
  },
  decryptString: (_b: Buffer): string => {
    throw new Error('fake safeStorage cannot decrypt');
  },
};

/** shell.openExternal: records the URLs the app hands to the system browser (Microsoft sign-in). */
export const shell = {
  opened: [] as string[],
  openExternal: (url: string): Promise<void> => {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

/** The system's file dialogs: records each call (with the parent window, if any) and answers what the test set. */
export const dialog = {
  calls: [] as Array<{ kind: 'open' | 'save'; parent: unknown; options: any }>,
  openResult: { canceled: true, filePaths: [] as string[] },
  saveResult: { canceled: true, filePath: undefined as string | undefined },
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    const [parent, options] = args.length > 1 ? args : [null, args[0]];
    dialog.calls.push({ kind: 'open', parent, options });
    return Promise.resolve(dialog.openResult);
  },
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string | undefined }> {
    const [parent, options] = args.length > 1 ? args : [null, args[0]];
    dialog.calls.push({ kind: 'save', parent, options });
    return Promise.resolve(dialog.saveResult);
  },
};

/** Resets recorded state between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.created.length = 0;
  ipcMain.handlers.clear();
  ipcMain.handleCalls.length = 0;
  ipcRenderer.invocations.length = 0;
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  session.defaultSession = new FakeSession();
  clipboard.items = [];
  clipboard.text = '';
  clipboard.cleared = 0;
  dialog.calls.length = 0;
  dialog.openResult = { canceled: true, filePaths: [] };
  dialog.saveResult = { canceled: true, filePath: undefined };
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  Menu,
  safeStorage,
  clipboard,
  ClipboardItem,
  dialog,
};
