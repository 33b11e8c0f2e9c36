// The window and session lockdown: options, navigation, window.open, webviews, permissions.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BrowserWindow,
  fakeEvent,
  resetFakeElectron,
  session,
  type FakeWebContents,
} from '../fakes/electron';
import { appMenu, createMainWindow, hardenSession, mainWindowOptions } from '../../main/window';
import { createMemoryLogger } from '../../main/core/log/logger';
import type { Session } from 'electron';

const log = createMemoryLogger();

describe('main window', () => {
  beforeEach(() => resetFakeElectron());

  it('is created with exactly the hardened web preferences and loads the app:// entry', () => {
    createMainWindow({ preloadPath: '/app/dist/preload/index.cjs', title: 'XS4', log, release: false });
    expect(BrowserWindow.created).toHaveLength(1);
    const win = BrowserWindow.created[0]!;
    expect(win.options.webPreferences).toEqual({
      preload: '/app/dist/preload/index.cjs',
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
      devTools: true,
    });
    expect(win.loadedUrl).toBe('app://xs4/index.html');
    expect(mainWindowOptions('/p', 't', false).webPreferences?.preload).toBe('/p');
  });

  it('has no DevTools in a release build (packaged): none in the window, none in the menu, closed if forced open', () => {
    createMainWindow({ preloadPath: '/p', title: 'XS4', log, release: true });
    expect(BrowserWindow.created[0]!.options.webPreferences.devTools).toBe(false);
    const roles = (menu: unknown): string[] =>
      JSON.stringify(menu)
        .match(/"role":"[A-Za-z]+"/g)
        ?.map((r) => r.slice(8, -1)) ?? [];
    expect(roles(appMenu(true))).not.toContain('toggleDevTools');
    expect(roles(appMenu(false))).toContain('toggleDevTools');
    const wc = BrowserWindow.created[0]!.webContents;
    wc.emit('devtools-opened');
    expect(wc.devToolsClosed).toBe(1);
  });

  it('keeps DevTools in a development build', () => {
    createMainWindow({ preloadPath: '/p', title: 'XS4', log, release: false });
    expect(BrowserWindow.created[0]!.options.webPreferences.devTools).toBe(true);
    BrowserWindow.created[0]!.webContents.emit('devtools-opened');
    expect(BrowserWindow.created[0]!.webContents.devToolsClosed).toBe(0);
  });

  function contents(): FakeWebContents {
    createMainWindow({ preloadPath: '/p', title: 'XS4', log, release: false });
    return BrowserWindow.created[0]!.webContents;
  }

  it.each(['will-navigate', 'will-redirect'])('%s is prevented for anything outside app://xs4', (event) => {
    const wc = contents();
    for (const url of [
      'https://evil.example/',
      'file:///C:/Windows/win.ini',
      'app://other/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const e = fakeEvent();
      wc.emit(event, e, url);
      expect(e.defaultPrevented, url).toBe(true);
    }
    const inside = fakeEvent();
    wc.emit(event, inside, 'app://xs4/index.html#/troubleshoot');
    expect(inside.defaultPrevented).toBe(false);
  });

  it('denies every window.open', () => {
    const wc = contents();
    expect(wc.windowOpenHandler).not.toBeNull();
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'app://xs4/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents webviews from attaching', () => {
    const wc = contents();
    const e = fakeEvent();
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('session lockdown', () => {
  beforeEach(() => resetFakeElectron());

  it('denies every permission request and check', () => {
    hardenSession(session.defaultSession as unknown as Session, log);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.defaultSession.permissionRequestHandler!({}, p, (granted: boolean) => answers.push(granted));
      expect(session.defaultSession.permissionCheckHandler!({}, p, 'app://xs4')).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });
});
