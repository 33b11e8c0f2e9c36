// Main process: single instance, start-up wiring (logger, stores, IPC, protocol, lockdown), one window, minimal menu.
import { app, BrowserWindow, Menu, safeStorage, session, shell } from 'electron';
import { createSignInService } from './core/auth/sign-in-service';
import { appSignInFiles } from './core/auth/sign-in-file';
import { dpapiCipher } from './core/windows/dpapi-cipher';
import { join } from 'node:path';
import { createCoreHandlers } from './core/api/handlers';
import { allChecks } from './core/checks/all';
import { createWindowsRun } from './core/checks/windows/index';
import { toErrorInfo, type ErrorInfo } from './core/errors';
import { HistoryStore } from './core/history/history-store';
import { createSetupService } from './core/setup/setup-service';
import { createRedactor } from './core/secrets/redact';
import { createEncryptedFileSecretStore } from './core/secrets/encrypted-file-secret-store';
import type { Cipher } from './core/secrets/secret-store';
import { closeThirdPartyIpc, registerIpc } from './ipc';
import { createAppLogger } from './logging';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { openElectronSettingsStore } from './settings';
import { appMenu, createMainWindow, hardenSession, hardenWebContents } from './window';
import { createAppClipboard } from './secret-clipboard';
import { createPathDialogs } from './path-dialogs';

const PRODUCT_NAME = 'XS4 Face Space Assistant';

/** safeStorage as the core's Cipher. On Linux the "basic_text" backend is not encryption, so it counts as unavailable. */
const safeStorageCipher: Cipher = {
  isAvailable: () =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (s) => safeStorage.encryptString(s),
  decrypt: (b) => safeStorage.decryptString(b),
};

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  // A packaged build is a release: no DevTools (main/window.ts).
  const release = app.isPackaged;
  const userData = app.getPath('userData');
  const logsDir = app.getPath('logs');
  const redactor = createRedactor();
  const log = createAppLogger(redactor, logsDir);
  process.on('uncaughtException', (e) => log.error('uncaught exception', { error: e }));
  process.on('unhandledRejection', (e) => log.error('unhandled rejection', { error: e }));

  const startupProblems: ErrorInfo[] = [];
  const { store: settings, problem } = await openElectronSettingsStore(userData);
  if (problem !== null) {
    log.error('settings file was damaged and set aside', problem.detail);
    startupProblems.push(problem);
  }
  const secrets = createEncryptedFileSecretStore({
    path: join(userData, 'secrets.json'),
    cipher: safeStorageCipher,
    onSecretSeen: (v) => redactor.register(v),
  });

  // One Windows layer for the app: its PowerShell session starts on first use, not here.
  // Installed: the PowerShell scripts sit beside the asar (electron-builder extraResources); from a checkout, in resources/.
  const windows = createWindowsRun({
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
  });
  app.on('will-quit', () => void windows.dispose());
  const history = new HistoryStore({ dataDir: userData });
  // Microsoft sign-in (issue 14): the system browser via shell.openExternal. On Windows the sign-in is the one the CLI
  // uses too (DPAPI through PowerShell, asynchronous); the app's earlier safeStorage file is moved into it on first use.
  // Off Windows it stays in the app's own file, encrypted with safeStorage.
  const signIn = createSignInService({
    dataDir: userData,
    ...appSignInFiles(safeStorageCipher, dpapiCipher({ platform: process.platform })),
    openBrowser: (url) => shell.openExternal(url),
    onSecretSeen: (v) => redactor.register(v),
  });

  registerIpc(
    createCoreHandlers({
      app: {
        productName: PRODUCT_NAME,
        version: app.getVersion(),
        platform: process.platform,
        arch: process.arch,
      },
      settings,
      secrets,
      log,
      clock: () => new Date(),
      paths: { userData, logs: logsDir },
      startupProblems,
      setup: {
        service: createSetupService({
          dataDir: userData,
          settings,
          secrets,
          history,
          checks: (w) => allChecks(w),
          windows: windows.deps,
          platform: process.platform,
          now: () => new Date(),
          toolVersion: app.getVersion(),
          faceTokenProvider: (url) => signIn.tokenProviderFor(url),
        }),
        // Secrets are copied here, in main: the page never receives them, Windows keeps them out of clipboard
        // history and cloud sync, and they are cleared after a minute (main/secret-clipboard.ts).
        clipboard: createAppClipboard(),
        history,
      },
      // Bundles are evaluated offline with the same checks (nothing is collected).
      troubleshoot: { checks: () => allChecks(windows.deps), toolVersion: app.getVersion() },
      // The sign-in screen's channels; the page passes the browser's after-sign-in page in the technician's language.
      signIn,
      // Browse buttons: the system's file and folder dialogs, modal to the app's window once it exists.
      dialogs: createPathDialogs(() => mainWindow),
    }),
    log,
  );
  closeThirdPartyIpc();

  hardenSession(session.defaultSession, log);
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, log, release));
  // Dev and production both load the built files: there is no HTTP dev server to trust.
  registerAppProtocol(session.defaultSession, join(app.getAppPath(), 'dist', 'renderer'));
  Menu.setApplicationMenu(appMenu(release));
  mainWindow = createMainWindow({
    preloadPath: join(app.getAppPath(), 'dist', 'preload', 'index.cjs'),
    title: PRODUCT_NAME,
    log,
    release,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  log.info('started', { version: app.getVersion(), platform: process.platform });
}

registerAppSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      const info = toErrorInfo(e);
      console.error(`[xs4] start failed: ${info.code}: ${info.message}`);
      app.exit(1);
    });
}
