// preload/index.ts exposes window.xs4 built from the contract, over the one invoke channel; errors keep their code.
import { beforeAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer } from '../fakes/electron';
import { channelNames, INVOKE_CHANNEL, type Xs4Api } from '../../contract/ipc';
import { isXs4Error } from '../../contract/xs4-error';

let api: Xs4Api;

beforeAll(async () => {
  await import('../../preload/index');
  api = contextBridge.exposed.get('xs4') as Xs4Api;
});

describe('preload', () => {
  it('exposes only window.xs4, with one method per contract channel plus on()', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['xs4']);
    const methods = Object.entries(api as unknown as Record<string, unknown>).flatMap(([ns, v]) =>
      typeof v === 'function' ? [ns] : Object.keys(v as object).map((m) => `${ns}.${m}`),
    );
    expect(methods.sort()).toEqual([...channelNames, 'on'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('sends { channel, input } on the invoke channel and resolves the value', async () => {
    ipcRenderer.reply = async () => ({ ok: true, value: { language: 'es' } });
    await expect(api.settings.update({ language: 'es' })).resolves.toEqual({ language: 'es' });
    expect(ipcRenderer.invocations.at(-1)).toEqual({
      channel: INVOKE_CHANNEL,
      args: [{ channel: 'settings.update', input: { language: 'es' } }],
    });
  });

  it('rejects with a plain Xs4Error carrying the code', async () => {
    ipcRenderer.reply = async () => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'language: bad.', remedy: 'Fix it.' },
    });
    const err = await api.settings.update({ language: 'en' }).catch((e: unknown) => e);
    expect(isXs4Error(err)).toBe(true);
    expect(err).toMatchObject({ name: 'Xs4Error', code: 'INVALID_INPUT', remedy: 'Fix it.' });
    ipcRenderer.reply = async () => 'garbage';
    await expect(api.app.info()).rejects.toMatchObject({ code: 'IPC_BAD_REPLY' });
    ipcRenderer.reply = async () => {
      throw new Error('channel closed');
    };
    await expect(api.app.info()).rejects.toMatchObject({ code: 'IPC_FAILED' });
  });

  it('delivers valid events, drops invalid ones, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('progress', (p) => seen.push(p));
    const good = { operation: 'x', step: 's', fraction: null, message: 'm' };
    ipcRenderer.emit('xs4:event:progress', {}, good);
    ipcRenderer.emit('xs4:event:progress', {}, { operation: 5 });
    expect(seen).toEqual([good]);
    off();
    ipcRenderer.emit('xs4:event:progress', {}, good);
    expect(seen).toHaveLength(1);
    expect(ipcRenderer.listenerCount('xs4:event:progress')).toBe(0);
  });
});
