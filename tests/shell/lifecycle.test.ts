// main/index.ts end to end against the fake electron: scheme before ready, single instance, IPC, protocol,
// session lockdown, menu, and the window with the built preload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { app, BrowserWindow, ipcMain, Menu, protocol, resetFakeElectron, session } from '../fakes/electron';
import { INVOKE_CHANNEL } from '../../contract/ipc';
import { startFaceSimulator } from '../../scripts/sim/face-server';

let dir: string;

beforeAll(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'xs4-life-'));
  app.paths = { userData: join(dir, 'userData'), logs: join(dir, 'logs') };
  app.ready = Promise.resolve();
  await import('../../main/index');
  // start() runs after whenReady(): wait (bounded) for the window.
  for (let i = 0; i < 200 && BrowserWindow.created.length === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('main process start', () => {
  it('registers app:// as privileged before anything else', () => {
    expect(protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
  });

  it('wires IPC, the app:// protocol, the session lockdown and a minimal menu', () => {
    // Only the contract's channel stays open: electron-log's and electron-store's own IPC is closed.
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    expect([...ipcMain.listeners.keys()].filter((k) => ipcMain.listenerCount(k) > 0)).toEqual([]);
    expect(session.defaultSession.protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.permissionCheckHandler).not.toBeNull();
    expect(Menu.current).toMatchObject({ template: expect.any(Array) });
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('opens one window on app:// with the built preload', () => {
    const win = BrowserWindow.created[0]!;
    expect(win.options.webPreferences.preload).toBe(join(process.cwd(), 'dist', 'preload', 'index.cjs'));
    expect(win.loadedUrl).toBe('app://xs4/index.html');
  });

  it('answers calls from its page through the real core', async () => {
    const reply = await ipcMain.invokeAs(
      INVOKE_CHANNEL,
      {
        sender: BrowserWindow.created[0]!.webContents,
        senderFrame: { url: 'app://xs4/index.html', parent: null },
      },
      { channel: 'app.info' },
    );
    expect(reply).toMatchObject({ ok: true, value: { version: '0.0.0-fake', startupProblems: [] } });
    // The fake safeStorage offers no encryption: the token, kept only once the server accepted it, is refused rather
    // than written in plain text.
    const face = await startFaceSimulator();
    try {
      const call = (channel: string, input: unknown): Promise<unknown> =>
        ipcMain.invokeAs(
          INVOKE_CHANNEL,
          {
            sender: BrowserWindow.created[0]!.webContents,
            senderFrame: { url: 'app://xs4/index.html', parent: null },
          },
          { channel, input },
        );
      const asked = (await call('setup.connectFace', { url: face.url, token: face.token })) as {
        ok: true;
        value: { state: string; url: string; certificate: { fingerprint256: string } };
      };
      expect(asked).toMatchObject({ ok: true, value: { state: 'needs-trust' } });
      const refused = await call('setup.trustFaceCertificate', {
        url: asked.value.url,
        fingerprint256: asked.value.certificate.fingerprint256,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SECRETS_ENCRYPTION_UNAVAILABLE' } });
    } finally {
      await face.close();
    }
  });

  it('a second instance focuses the first window', () => {
    app.emit('second-instance');
    expect(BrowserWindow.created[0]!.focused).toBe(true);
  });
});
