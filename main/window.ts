// The one application window and the lockdown every web contents and the session get: isolated, sandboxed,
// no Node, no navigation or new windows outside app://, no permissions, no webviews.
import {
  BrowserWindow,
  Menu,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import type { Logger } from './core/log/logger';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './protocol-serve';

/**
 * `release`: a packaged build (app.isPackaged). DevTools would let anyone at the keyboard read the page's memory and
 * call window.xs4 by hand, so release builds have none.
 */
export function mainWindowOptions(
  preloadPath: string,
  title: string,
  release: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 780,
    minWidth: 880,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !release,
    },
  };
}

export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

// Hardening runs from both createMainWindow and app 'web-contents-created'; once per contents is enough.
const hardened = new WeakSet<WebContents>();

/** The application menu: File, Edit, View (DevTools only in development builds). */
export function appMenu(release: boolean): Menu {
  return Menu.buildFromTemplate([
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(release ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
  ]);
}

/** Applied to every web contents the app creates (see app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, log: Logger, release = false): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  if (release) {
    // Belt and braces: webPreferences.devTools is off, and DevTools opened by any other way are closed at once.
    contents.on('devtools-opened', () => {
      contents.closeDevTools();
      log.warn('DevTools closed (release build)');
    });
  }
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('navigation refused', { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open refused', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
}

/** No permission (camera, notifications, geolocation, …) is ever granted to page content. */
export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(options: {
  preloadPath: string;
  title: string;
  log: Logger;
  release: boolean;
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath, options.title, options.release));
  hardenWebContents(win.webContents, options.log, options.release);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
