// The setup channels: inputs checked by the contract (field + rule), each channel calls its SetupService method,
// long operations stream events under their id and can be cancelled, secrets are copied without crossing to the page.
import { describe, expect, it } from 'vitest';
import { setupHandlers, type SetupHandlerContext } from '../../../main/core/api/setup-handlers';
import type { OperationHooks, SetupService } from '../../../main/core/setup/service';
import { setupContract } from '../../../contract/setup-channels';

const SECRET = 'Zq7Rw2Kp9Lm4Xv8Tn3Bc6Hd1Jf5Gs0Ya';

/** A SetupService that records calls; runChecks waits until its signal aborts so cancel can be observed. */
function recordingService(): { service: SetupService; calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const rec =
    <T>(name: string, value: T) =>
    async (...args: unknown[]): Promise<T> => {
      calls.push([name, args]);
      return value;
    };
  const progress = { current: 'welcome' as const, done: {} };
  const spaceTrusted = {
    state: 'trusted' as const,
    url: 'https://space.test:8100/',
    certificate: {
      subject: 'CN=space.test',
      issuer: 'CN=space.test',
      subjectAltNames: [],
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      fingerprint256: Array(32).fill('AB').join(':'),
      selfSigned: true,
      serialNumber: '01',
    },
    trustedBy: 'pin' as const,
  };
  const service: SetupService = {
    progress: rec('progress', progress),
    markStep: rec('markStep', progress),
    resetProgress: rec('resetProgress', progress),
    connectFace: rec('connectFace', {
      state: 'connected',
      url: 'https://f.test/',
      certificate: null,
      trustedBy: 'system',
    }),
    trustFaceCertificate: rec('trustFaceCertificate', {
      state: 'connected',
      url: 'https://f.test/',
      certificate: null,
      trustedBy: 'pin',
    }),
    connectDraft: rec('connectDraft', null),
    refuseFaceCertificate: rec('refuseFaceCertificate', null),
    faceServerChoices: rec('faceServerChoices', {
      sites: [],
      preselected: null,
      reason: 'no-servers' as const,
    }),
    chooseFaceServer: rec('chooseFaceServer', {
      siteId: 's',
      serverId: 'v',
      siteName: 'S',
      serverName: 'V',
      online: true,
      pendingMessages: 0,
    }),
    faceChoice: rec('faceChoice', null),
    // Like a write left pending, then finished: tells the operation how long it has waited.
    keepWaiting: async (changeId: string, hooks: OperationHooks) => {
      calls.push(['keepWaiting', [changeId]]);
      hooks.onPending?.({ route: 'Space server details', changeId, elapsedMs: 1500.4, deadlineMs: 60_000 });
      return { write: 'spaceDetails' as const, details: { host: 'space.test', port: 8100, https: true } };
    },
    // Reads back a write without an answer: reports what it waits for, then the write's own result.
    checkWrite: async (checkId: string, hooks: OperationHooks) => {
      calls.push(['checkWrite', [checkId]]);
      hooks.onStage?.('reading');
      return {
        write: 'enrollment' as const,
        enrollment: { companyName: 'A', privacyPolicyUrl: 'https://a.test/p' },
      };
    },
    listIntegrations: rec('listIntegrations', []),
    addIntegrations: rec('addIntegrations', []),
    detectSpace: rec('detectSpace', {
      available: false,
      reason: 'Not Windows.',
      fqdn: null,
      ipv4: [],
      port: 8100,
      https: null,
      serviceRunning: null,
      version: null,
    }),
    getSpaceDetails: rec('getSpaceDetails', null),
    saveSpaceDetails: rec('saveSpaceDetails', { host: 'space.test', port: 8100, https: true }),
    spaceCertificate: rec('spaceCertificate', spaceTrusted),
    trustSpaceCertificate: rec('trustSpaceCertificate', spaceTrusted),
    shipKey: rec('shipKey', { set: true, fingerprint: 'abcd1234' }),
    setShipKey: rec('setShipKey', { set: true, fingerprint: 'abcd1234' }),
    revealShipKey: rec('revealShipKey', SECRET),
    resetAuthKey: rec('resetAuthKey', []),
    loadInstallScript: rec('loadInstallScript', {
      source: 'face',
      path: 'x',
      sizeBytes: 1,
      sha256: 'a'.repeat(64),
      signature: { status: 'unavailable', signer: null, reason: null },
    }),
    runInstallScript: async (sha256: string, hooks: OperationHooks) => {
      calls.push(['runInstallScript', [sha256]]);
      hooks.onProgress?.('Running', 0.5);
      hooks.onLogLine?.('hello from the script');
      return { outcome: 'succeeded', exitCode: 0, transcriptPath: null, message: 'Done.' };
    },
    runChecks: (ids: string[] | null, hooks: OperationHooks) =>
      new Promise((resolve) => {
        calls.push(['runChecks', [ids]]);
        hooks.signal?.addEventListener('abort', () => resolve([]));
      }),
    applyFix: rec('applyFix', null as never),
    undoFix: rec('undoFix', null as never),
    generalOptions: rec('generalOptions', []),
    revealGeneralOption: rec('revealGeneralOption', 'auth-secret'),
    getEnrollment: rec('getEnrollment', null),
    saveEnrollment: rec('saveEnrollment', {
      saved: true,
      enrollment: { companyName: 'A', privacyPolicyUrl: 'https://a.test/p' },
      checks: [],
    }),
    verify: rec('verify', { status: 'connected', connected: true, diagnosis: [], message: 'Connected.' }),
    verifyStatus: rec('verifyStatus', { running: null, last: null }),
    followVerify: rec('followVerify', {
      status: 'connected',
      connected: true,
      diagnosis: [],
      message: 'Connected.',
    }),
    // The CLI's profile export; the GUI has no channel for it.
    siteProfile: rec('siteProfile', null as never),
    collectBundle: rec('collectBundle', { path: '/tmp/bundle', checks: [] }),
  };
  return { service, calls };
}

const noHistory = { read: async () => ({ entries: [] }) };

function context(): { ctx: SetupHandlerContext; events: Array<[string, unknown]> } {
  const events: Array<[string, unknown]> = [];
  return {
    ctx: { emit: (event: string, payload: unknown) => events.push([event, payload]) } as SetupHandlerContext,
    events,
  };
}

function firstIssue(
  channel: keyof typeof setupContract,
  input: unknown,
): { path: string; message: string } | null {
  const r = setupContract[channel].input.safeParse(input);
  if (r.success) return null;
  const issue = r.error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? '' };
}

describe('setup contract inputs', () => {
  it('names the field and the rule for bad Space Server Details', () => {
    const op = { operationId: 'op-12345678' };
    expect(
      firstIssue('setup.saveSpaceDetails', { ...op, host: 'space.test', port: 70000, https: true }),
    ).toEqual({
      path: 'port',
      message: 'must be a whole number from 1 to 65535',
    });
    expect(
      firstIssue('setup.saveSpaceDetails', { ...op, host: 'bad host', port: 8100, https: true }),
    ).toEqual({
      path: 'host',
      message: 'must be a host name (letters, digits, hyphens, dots) or an IP address',
    });
    expect(
      firstIssue('setup.saveSpaceDetails', { ...op, host: 'space.test', port: 8100, https: true }),
    ).toBeNull();
    // A write is an operation: without its id it cannot be stopped, so it is refused.
    expect(firstIssue('setup.saveSpaceDetails', { host: 'space.test', port: 8100, https: true })?.path).toBe(
      'operationId',
    );
  });

  it('takes server choices and waits only by ids XS4 Face could have given', () => {
    expect(firstIssue('setup.chooseFaceServer', { siteId: 'site-2', serverId: 'face-3' })).toBeNull();
    expect(firstIssue('setup.chooseFaceServer', { siteId: '../x', serverId: 'face-3' })).toEqual({
      path: 'siteId',
      message: 'must be 1-128 letters, digits, dot, underscore or hyphen',
    });
    expect(firstIssue('setup.keepWaiting', { operationId: 'op-12345678', changeId: 'chg/1' })?.path).toBe(
      'changeId',
    );
  });

  it('reveals and resets only on an explicit, confirmed action', () => {
    expect(firstIssue('setup.revealShipKey', {})?.path).toBe('userAction');
    expect(firstIssue('setup.resetAuthKey', { operationId: 'op-12345678', confirmed: false })?.path).toBe(
      'confirmed',
    );
    expect(firstIssue('setup.applyFix', { operationId: 'op-12345678', checkId: 'power.sleep' })?.path).toBe(
      'confirmed',
    );
  });

  it('checks typed SHIP keys and operation ids', () => {
    const op = { operationId: 'op-12345678' };
    expect(firstIssue('setup.setShipKey', { ...op, value: 'abc' })).not.toBeNull();
    expect(firstIssue('setup.setShipKey', { ...op, value: 'two\nlines' })?.message).toBe(
      'must be one line without control characters',
    );
    expect(firstIssue('setup.setShipKey', { ...op, value: SECRET })).toBeNull();
    expect(firstIssue('setup.setShipKey', { ...op, generate: true })).toBeNull();
    expect(firstIssue('setup.runChecks', { operationId: 'x', ids: null })?.path).toBe('operationId');
  });
});

describe('setup handlers', () => {
  it('has exactly one handler per setup channel', () => {
    const handlers = setupHandlers({
      service: recordingService().service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date(0),
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(setupContract).sort());
  });

  it('maps channels onto the service methods with their arguments', async () => {
    const { service, calls } = recordingService();
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date(0),
    });
    const { ctx } = context();
    await h['setup.markStep']({ step: 'connect', summary: 'ok', next: 'integrations' }, ctx);
    await h['setup.connectFace']({ url: 'https://f.test', token: null }, ctx);
    await h['setup.trustFaceCertificate']({ url: 'https://f.test', fingerprint256: 'AB'.repeat(32) }, ctx);
    await h['setup.saveSpaceDetails'](
      { operationId: 'op-cccc3333', host: 'space.test', port: 8100, https: true },
      ctx,
    );
    await h['setup.spaceCertificate'](undefined, ctx);
    await h['setup.trustSpaceCertificate']({ fingerprint256: 'CD'.repeat(32) }, ctx);
    await h['setup.setShipKey']({ operationId: 'op-dddd4444', generate: true }, ctx);
    await h['setup.revealGeneralOption']({ label: 'Authentication (API key)', userAction: true }, ctx);
    await h['setup.chooseFaceServer']({ siteId: 'site-2', serverId: 'face-3' }, ctx);
    // Writes get the operation's hooks (its signal, its pending progress), never the operation id itself.
    const hooks = expect.objectContaining({ signal: expect.any(AbortSignal) });
    expect(calls).toEqual([
      ['markStep', ['connect', 'ok', 'integrations']],
      ['connectFace', ['https://f.test', null]],
      ['trustFaceCertificate', ['https://f.test', 'AB'.repeat(32)]],
      ['saveSpaceDetails', [{ host: 'space.test', port: 8100, https: true }, hooks]],
      ['spaceCertificate', []],
      ['trustSpaceCertificate', ['CD'.repeat(32)]],
      ['setShipKey', [{ generate: true }, hooks]],
      ['revealGeneralOption', ['Authentication (API key)']],
      ['chooseFaceServer', [{ site: 'site-2', server: 'face-3' }]],
    ]);
  });

  it('streams progress and log lines of an operation under its id', async () => {
    const { service } = recordingService();
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date('2026-11-29T20:00:00Z'),
    });
    const { ctx, events } = context();
    const result = await h['setup.runInstallScript'](
      { operationId: 'op-aaaa1111', sha256: 'a'.repeat(64) },
      ctx,
    );
    expect(result.outcome).toBe('succeeded');
    expect(events).toEqual([
      ['progress', { operation: 'op-aaaa1111', step: 'installScript', fraction: 0.5, message: 'Running' }],
      ['logLine', { level: 'info', time: '2026-11-29T20:00:00.000Z', message: 'hello from the script' }],
    ]);
  });

  it("keeps waiting for a write left pending and streams its pending progress under the operation's id", async () => {
    const { service, calls } = recordingService();
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date(0),
    });
    const { ctx, events } = context();
    const result = await h['setup.keepWaiting']({ operationId: 'op-eeee5555', changeId: 'chg-1a2b' }, ctx);
    expect(result).toEqual({
      write: 'spaceDetails',
      details: { host: 'space.test', port: 8100, https: true },
    });
    expect(calls).toEqual([['keepWaiting', ['chg-1a2b']]]);
    expect(events).toEqual([
      [
        'pending',
        {
          operation: 'op-eeee5555',
          route: 'Space server details',
          changeId: 'chg-1a2b',
          elapsedMs: 1500,
          deadlineMs: 60_000,
        },
      ],
    ]);
  });

  it("reads back a write without an answer and says what it waits for under the operation's id", async () => {
    const { service, calls } = recordingService();
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date(0),
    });
    const { ctx, events } = context();
    const result = await h['setup.checkWrite'](
      { operationId: 'op-abab1212', checkId: 'unconfirmed-0123456789abcdef' },
      ctx,
    );
    expect(result.write).toBe('enrollment');
    expect(calls).toEqual([['checkWrite', ['unconfirmed-0123456789abcdef']]]);
    expect(events).toEqual([
      [
        'progress',
        { operation: 'op-abab1212', step: 'checkWrite', fraction: null, message: '', stage: 'reading' },
      ],
    ]);
    expect(firstIssue('setup.checkWrite', { operationId: 'op-abab1212', checkId: '../x' })?.path).toBe(
      'checkId',
    );
  });

  it('stops an operation when the page that started it goes away', async () => {
    const { service } = recordingService();
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date(0),
    });
    const page = new AbortController();
    const { ctx } = context();
    const running = h['setup.runChecks'](
      { operationId: 'op-ffff6666', ids: null },
      { ...ctx, signal: page.signal },
    );
    page.abort();
    await expect(running).resolves.toEqual([]);
    expect(await h['setup.cancel']({ operationId: 'op-ffff6666' }, ctx)).toBe(false);
  });

  it('cancels a running operation by id and refuses a second one with the same id', async () => {
    const { service } = recordingService();
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history: noHistory,
      clock: () => new Date(0),
    });
    const { ctx } = context();
    const running = h['setup.runChecks']({ operationId: 'op-bbbb2222', ids: null }, ctx);
    await expect(h['setup.runChecks']({ operationId: 'op-bbbb2222', ids: null }, ctx)).rejects.toMatchObject({
      code: 'OPERATION_ID_IN_USE',
    });
    expect(await h['setup.cancel']({ operationId: 'op-bbbb2222' }, ctx)).toBe(true);
    await expect(running).resolves.toEqual([]);
    expect(await h['setup.cancel']({ operationId: 'op-bbbb2222' }, ctx)).toBe(false);
  });

  it('copies a secret to the clipboard as a secret (kept out of history, cleared later) and answers only null', async () => {
    const { service } = recordingService();
    const written: string[] = [];
    const h = setupHandlers({
      service,
      clipboard: {
        writeText: (t) => void written.push(`text:${t}`),
        writeSecret: (t) => void written.push(`secret:${t}`),
      },
      history: noHistory,
      clock: () => new Date(0),
    });
    const { ctx } = context();
    expect(await h['clipboard.copySecret']({ kind: 'shipKey' }, ctx)).toBeNull();
    expect(
      await h['clipboard.copySecret']({ kind: 'generalOption', label: 'Authentication (API key)' }, ctx),
    ).toBeNull();
    expect(await h['clipboard.copyText']({ text: 'https://xs4face.site.local' }, ctx)).toBeNull();
    expect(written).toEqual([`secret:${SECRET}`, 'secret:auth-secret', 'text:https://xs4face.site.local']);
  });

  it('lists the applied-settings history with its outcome, newest last', async () => {
    const { service } = recordingService();
    const history = {
      read: async () => ({
        entries: [
          {
            time: '2026-11-29T20:00:00.000Z',
            kind: 'face-write',
            target: 'face:integration.space',
            result: { ok: true, summary: 'Space Server Details written.' },
          },
          {
            time: '2026-11-29T20:01:00.000Z',
            kind: 'fix',
            target: 'power.sleep',
            result: { ok: false, summary: 'UAC cancelled.', code: 'ELEVATION_CANCELLED' },
          },
        ],
      }),
    };
    const h = setupHandlers({
      service,
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history,
      clock: () => new Date(0),
    });
    const rows = await h['history.list'](undefined, context().ctx);
    expect(rows).toEqual([
      {
        time: '2026-11-29T20:00:00.000Z',
        kind: 'face-write',
        target: 'face:integration.space',
        targetName: { key: 'history.target.other', params: { target: 'face:integration.space' } },
        summary: 'Space Server Details written.',
        result: { key: 'history.result.ok' },
      },
      {
        time: '2026-11-29T20:01:00.000Z',
        kind: 'fix',
        target: 'power.sleep',
        targetName: { key: 'history.target.powerSleep' },
        summary: 'UAC cancelled.',
        result: { key: 'history.result.failedCode', params: { code: 'ELEVATION_CANCELLED' } },
      },
    ]);
    expect(setupContract['history.list'].output.safeParse(rows).success).toBe(true);
  });
});
