// main/ipc.ts: one handler per contract channel, sender check, input/output validation, structured errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { ipcMain, resetFakeElectron, FakeWebContents } from '../fakes/electron';
import { registerIpc } from '../../main/ipc';
import { createCoreHandlers } from '../../main/core/api/handlers';
import { channelNames, contract, INVOKE_CHANNEL, type Handlers } from '../../contract/ipc';
import { createTestDeps } from '../helpers/core-deps';

type Reply =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; remedy: string; detail?: Record<string, unknown> } };

function appEvent(frameUrl = 'app://xs4/index.html', parent: unknown = null) {
  const sender = new FakeWebContents();
  return { sender, senderFrame: { url: frameUrl, parent } };
}

async function call(channel: unknown, input?: unknown, event: unknown = appEvent()): Promise<Reply> {
  return (await ipcMain.invokeAs(INVOKE_CHANNEL, event, { channel, input })) as Reply;
}

describe('IPC registration', () => {
  beforeEach(() => resetFakeElectron());

  it('the core has exactly one handler per contract channel, and no handler without a channel', () => {
    const handlers = createCoreHandlers(createTestDeps());
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    expect(channelNames.length).toBeGreaterThan(0);
    for (const name of channelNames) expect(typeof handlers[name]).toBe('function');
  });

  it('registers one invoke handler on the wire channel', () => {
    registerIpc(createCoreHandlers(createTestDeps()), createTestDeps().log);
    expect(ipcMain.handleCalls).toEqual([INVOKE_CHANNEL]);
  });

  it('fails loudly at start when a handler is missing', () => {
    const deps = createTestDeps();
    const { ['settings.update']: _dropped, ...partial } = createCoreHandlers(deps);
    expect(() => registerIpc(partial as Handlers, deps.log)).toThrow(
      expect.objectContaining({
        code: 'IPC_CONTRACT_MISMATCH',
        detail: { missing: ['settings.update'], extra: [] },
      }),
    );
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('fails loudly at start when a handler has no channel', () => {
    const deps = createTestDeps();
    const extra = {
      ...createCoreHandlers(deps),
      'app.secretBackdoor': async () => null,
    } as unknown as Handlers;
    expect(() => registerIpc(extra, deps.log)).toThrow(
      expect.objectContaining({
        code: 'IPC_CONTRACT_MISMATCH',
        detail: { missing: [], extra: ['app.secretBackdoor'] },
      }),
    );
  });
});

describe('IPC calls', () => {
  let deps: ReturnType<typeof createTestDeps>;
  beforeEach(() => {
    resetFakeElectron();
    deps = createTestDeps();
    registerIpc(createCoreHandlers(deps), deps.log);
  });

  it('answers a valid call with the value', async () => {
    const reply = await call('app.info');
    expect(reply).toEqual({
      ok: true,
      value: expect.objectContaining({ version: '0.1.0', platform: 'win32', windowsFeatures: true }),
    });
    expect(contract['app.info'].output.safeParse((reply as { value: unknown }).value).success).toBe(true);
  });

  it('rejects a malformed payload with an error naming the field and the rule', async () => {
    const reply = await call('settings.update', { language: 'xx' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INVALID_INPUT');
    expect(reply.error.detail).toMatchObject({ field: 'language', channel: 'settings.update' });
    expect(reply.error.message).toBe('Language: must be one of en, fr, de, nl, es, ar.');
    expect(await deps.settings.get()).toMatchObject({ language: 'en' });
  });

  it('names nested and missing fields too', async () => {
    const missing = await call('clipboard.copyText', {});
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: 'text' } },
    });
    const unknownKey = await call('settings.update', { langauge: 'es' });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const noConfirm = await call('setup.revealShipKey', {});
    expect(noConfirm).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: 'userAction' } },
    });
  });

  it('never logs the value of a malformed secret', async () => {
    await call('setup.setShipKey', { value: 'hunter2-plaintext\n' });
    expect(JSON.stringify(deps.records)).not.toContain('hunter2-plaintext');
    expect(deps.records.some((r) => r.message.includes('malformed input'))).toBe(true);
  });

  it.each([
    ['another origin', appEvent('https://evil.example/index.html')],
    ['a sub-frame of the app', appEvent('app://xs4/index.html', { url: 'app://xs4/index.html' })],
    ['a file:// page', appEvent('file:///C:/app/index.html')],
    ['a destroyed frame', { sender: new FakeWebContents(), senderFrame: null }],
  ])('refuses a call from %s', async (_label, event) => {
    const reply = await call('app.info', undefined, event);
    expect(reply).toMatchObject({ ok: false, error: { code: 'IPC_FOREIGN_SENDER' } });
    expect(deps.records.some((r) => r.level === 'warn' && r.message.includes('foreign frame'))).toBe(true);
  });

  it('answers an unknown channel and a malformed envelope with errors', async () => {
    expect(await call('app.format-disk')).toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_CHANNEL' },
    });
    expect(await call('__proto__')).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    expect(await ipcMain.invokeAs(INVOKE_CHANNEL, appEvent(), 'app.info')).toMatchObject({
      ok: false,
      error: { code: 'IPC_MALFORMED' },
    });
    expect(await ipcMain.invokeAs(INVOKE_CHANNEL, appEvent(), null)).toMatchObject({
      ok: false,
      error: { code: 'IPC_MALFORMED' },
    });
  });

  it('turns a throwing handler into a structured error without leaking into logs', async () => {
    resetFakeElectron();
    const d = createTestDeps();
    const handlers = createCoreHandlers(d);
    await d.secrets.set('faceToken', 'tok-very-secret-123');
    handlers['settings.get'] = async () => {
      throw new Error('disk exploded near tok-very-secret-123');
    };
    registerIpc(handlers, d.log);
    const reply = await call('settings.get');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', remedy: expect.any(String) } });
    expect(JSON.stringify(d.records)).not.toContain('tok-very-secret-123');
    // The main process keeps answering.
    expect(await call('app.info')).toMatchObject({ ok: true });
  });

  it('refuses a handler output outside the contract', async () => {
    resetFakeElectron();
    const d = createTestDeps();
    const handlers = createCoreHandlers(d);
    handlers['settings.get'] = (async () => 'yes') as unknown as Handlers['settings.get'];
    registerIpc(handlers, d.log);
    expect(await call('settings.get')).toMatchObject({
      ok: false,
      error: { code: 'IPC_BAD_OUTPUT' },
    });
  });

  it('validates events and sends them to the calling page only', async () => {
    resetFakeElectron();
    const d = createTestDeps();
    const handlers = createCoreHandlers(d);
    handlers['app.info'] = async (_input, ctx) => {
      ctx.emit('progress', { operation: 'demo', step: 'one', fraction: 0.5, message: 'half' });
      return createCoreHandlers(d)['app.info'](undefined, ctx);
    };
    handlers['settings.get'] = async (_input, ctx) => {
      ctx.emit('progress', { operation: 'demo', step: 'one', fraction: 7, message: 'bad' } as never);
      return d.settings.get();
    };
    registerIpc(handlers, d.log);
    const event = appEvent();
    expect(await call('app.info', undefined, event)).toMatchObject({ ok: true });
    expect(event.sender.sent).toEqual([
      {
        channel: 'xs4:event:progress',
        payload: { operation: 'demo', step: 'one', fraction: 0.5, message: 'half' },
      },
    ]);
    expect(await call('settings.get', undefined, event)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(event.sender.sent).toHaveLength(1);
  });

  it('aborts the context signal when the calling page goes away', async () => {
    resetFakeElectron();
    const d = createTestDeps();
    const handlers = createCoreHandlers(d);
    let seen: AbortSignal | null = null;
    const event = appEvent();
    handlers['settings.get'] = async (_input, ctx) => {
      seen = ctx.signal;
      event.sender.emit('destroyed');
      return d.settings.get();
    };
    registerIpc(handlers, d.log);
    expect(await call('settings.get', undefined, event)).toMatchObject({ ok: true });
    expect(seen!.aborted).toBe(true);
    expect(event.sender.listenerCount('destroyed')).toBe(0);
  });

  it('reveals a stored secret only with an explicit user action', async () => {
    await deps.secrets.set('shipApiKey', 'ship-key-0001');
    expect(await call('setup.shipKey')).toEqual({
      ok: true,
      value: { set: true, fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) },
    });
    expect(await call('setup.revealShipKey', { userAction: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: 'userAction' } },
    });
    expect(await call('setup.revealShipKey', { userAction: true })).toEqual({
      ok: true,
      value: 'ship-key-0001',
    });
    expect(JSON.stringify(deps.records)).not.toContain('ship-key-0001');
  });
});
