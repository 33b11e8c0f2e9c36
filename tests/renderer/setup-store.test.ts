// The wizard store against a fake window.xs4: resume, navigation, validation before sending, secrets never kept, operations.
import { beforeEach, describe, expect, it } from 'vitest';
import { initialSetupState, useSetupStore } from '../../renderer/store/setup';
import { CERT, SECRET_SHIP_KEY, SPACE_CERT, WHO, check, currentApi, installFake } from './fake-xs4';

beforeEach(() => {
  useSetupStore.setState({ ...initialSetupState });
});

describe('setup store', () => {
  it('resumes at the step the core reports and keeps what was done', async () => {
    installFake({
      progress: {
        current: 'installScript',
        done: { welcome: { at: '2026-11-29T19:00:00Z', summary: 'Setup started.' } },
      },
    });
    await useSetupStore.getState().load();
    const s = useSetupStore.getState();
    expect(s.loaded).toBe(true);
    expect(s.step).toBe('installScript');
    expect(s.progress?.done.welcome?.summary).toBe('Setup started.');
  });

  it('completing a step records its summary and moves to the next; Back records nothing', async () => {
    const fake = installFake({ progress: { current: 'connect', done: {} } });
    await useSetupStore.getState().load();
    const focusBefore = useSetupStore.getState().focusKey;
    const summary = { key: 'setup:connect.summary', params: { url: 'https://x' } };
    await useSetupStore.getState().complete(summary);
    expect(fake.callsOf('markStep')).toEqual([{ step: 'connect', summary, next: 'integrations' }]);
    expect(useSetupStore.getState().step).toBe('integrations');
    expect(useSetupStore.getState().focusKey).toBeGreaterThan(focusBefore);
    await useSetupStore.getState().back();
    expect(fake.callsOf('markStep')[1]).toEqual({ step: 'integrations', summary: null, next: 'connect' });
    expect(useSetupStore.getState().progress?.done.integrations).toBeUndefined();
  });

  it('refuses an invalid port before calling the core, naming the field and the rule', async () => {
    const fake = installFake();
    const ok = await useSetupStore.getState().saveSpaceDetails('space01.site.local', '70000', true);
    expect(ok).toBe(false);
    expect(fake.callsOf('saveSpaceDetails')).toHaveLength(0);
    expect(useSetupStore.getState().fieldErrors).toEqual([{ field: 'port', rule: 'port' }]);
  });

  it('shows the core’s INVALID_INPUT verdict under the field it names, and only there', async () => {
    installFake();
    const api = currentApi();
    const rule = { key: 'rules.hostIpv4' };
    api.setup.saveSpaceDetails = () =>
      Promise.reject({
        name: 'Xs4Error',
        code: 'INVALID_INPUT',
        message: 'Space server name or IP address: looks like a malformed IPv4 address.',
        remedy: 'Correct “Space server name or IP address” and try again.',
        key: 'errors.INVALID_INPUT',
        params: { field: { key: 'fields.spaceHost' }, rule },
        detail: { field: 'spaceHost', rule: 'rules.hostIpv4' },
      });
    await useSetupStore.getState().saveSpaceDetails('space01.site.local', '8100', true);
    const s = useSetupStore.getState();
    // The core's name for the value ("spaceHost") is the form's "host"; the step shows no failure besides.
    expect(s.fieldErrors).toEqual([{ field: 'host', rule: 'core', ruleText: rule }]);
    expect(s.error).toBeNull();
  });

  it('puts a core error that names a field and a rule key (not INVALID_INPUT) under that field', async () => {
    installFake();
    const api = currentApi();
    api.troubleshoot.openBundle = () =>
      Promise.reject({
        name: 'Xs4Error',
        code: 'BUNDLE_NOT_FOUND',
        message: 'C:\\evidence.zip is not a folder.',
        remedy: 'Choose the folder of an evidence bundle.',
        key: 'errors.BUNDLE_NOT_FOUND',
        params: { dir: 'C:\\evidence.zip' },
        detail: { path: 'C:\\evidence.zip', field: 'path', rule: 'rules.folder' },
      });
    await useSetupStore.getState().openBundle('C:\\evidence.zip');
    const s = useSetupStore.getState();
    expect(s.fieldErrors).toEqual([{ field: 'bundlePath', rule: 'core', ruleText: { key: 'rules.folder' } }]);
    expect(s.error).toBeNull();
  });

  it('keeps an error about a field the form does not have as the step’s failure', async () => {
    installFake();
    const api = currentApi();
    api.setup.saveSpaceDetails = () =>
      Promise.reject({
        name: 'Xs4Error',
        code: 'INVALID_INPUT',
        message: 'XS4 Face site: must be 1-128 letters, digits, dot, underscore or hyphen.',
        remedy: 'Correct “XS4 Face site” and try again.',
        detail: { field: 'siteId', rule: 'rules.faceId' },
      });
    await useSetupStore.getState().saveSpaceDetails('space01', '8100', true);
    const s = useSetupStore.getState();
    expect(s.error?.code).toBe('INVALID_INPUT');
    expect(s.fieldErrors).toEqual([{ field: 'siteId', rule: 'core', ruleText: { key: 'rules.faceId' } }]);
  });

  it('asks for trust on a new certificate, pins the shown fingerprint, and can refuse', async () => {
    const fake = installFake({
      connect: (url) => ({
        state: 'needs-trust',
        url,
        certificate: CERT,
        reason: { code: 'TLS_UNTRUSTED', message: 'Not trusted by Windows.', remedy: '' },
      }),
    });
    await useSetupStore.getState().connect('https://xs4face.test', 'tok');
    expect(useSetupStore.getState().pendingTrust?.certificate.fingerprint256).toBe(CERT.fingerprint256);
    expect(useSetupStore.getState().connection).toBeNull();
    await useSetupStore.getState().trustCertificate();
    expect(fake.callsOf('trustFaceCertificate')).toEqual([
      { url: 'https://xs4face.test', fingerprint256: CERT.fingerprint256 },
    ]);
    expect(useSetupStore.getState().connection?.trustedBy).toBe('pin');

    await useSetupStore.getState().connect('https://xs4face.test', '');
    expect(fake.callsOf('connectFace')[1]).toEqual({ url: 'https://xs4face.test', token: null });
    useSetupStore.getState().refuseCertificate();
    expect(useSetupStore.getState().error?.code).toBe('CERT_REFUSED');
  });

  it('a pinned certificate that changed asks again, with the old fingerprint; another server asks for its token', async () => {
    installFake({
      connect: (url) =>
        url.includes('other')
          ? { state: 'needs-token', url: `${url}/`, tokenFor: 'https://xs4face.test:443' }
          : {
              state: 'needs-trust',
              url,
              certificate: CERT,
              reason: { code: 'FACE_TLS_PIN_MISMATCH', message: 'Changed.', remedy: '' },
              previousFingerprint256: 'EF'.repeat(32),
            },
    });
    await useSetupStore.getState().connect('https://xs4face.test', '');
    expect(useSetupStore.getState().pendingTrust?.previousFingerprint256).toBe('EF'.repeat(32));
    await useSetupStore.getState().connect('https://other.test', '');
    const s = useSetupStore.getState();
    expect(s.connection).toBeNull();
    expect(s.pendingTrust).toBeNull();
    expect(s.fieldErrors).toEqual([
      { field: 'token', rule: 'tokenForOtherServer', values: { server: 'https://xs4face.test:443' } },
    ]);
  });

  it('a trust whose connection fails closes the question and shows the real error; the working connection is offered', async () => {
    installFake({
      connect: (url) => ({
        state: 'needs-trust',
        url,
        certificate: CERT,
        reason: { code: 'TLS_UNTRUSTED', message: 'Not trusted by Windows.', remedy: '' },
      }),
    });
    const api = currentApi();
    api.setup.trustFaceCertificate = () =>
      Promise.reject({
        name: 'Xs4Error',
        code: 'FACE_UNAUTHORIZED',
        message: 'Refused (401).',
        remedy: 'Sign in.',
      });
    await useSetupStore.getState().connect('https://xs4face.test', 'wrong');
    await useSetupStore.getState().trustCertificate();
    const s = useSetupStore.getState();
    expect(s.pendingTrust).toBeNull();
    expect(s.error?.code).toBe('FACE_UNAUTHORIZED');
    expect(s.reconnect).toBe('failed');
    expect(s.busy).toBeNull();
  });

  it('a new attempt takes the last success off the screen; a failure keeps it off; a success clears the doubt', async () => {
    const fake = installFake();
    await useSetupStore.getState().connect('https://xs4face.test', 'tok');
    expect(useSetupStore.getState().connection?.url).toBe('https://xs4face.test');
    currentApi().setup.connectFace = () =>
      Promise.reject({ name: 'Xs4Error', code: 'FACE_UNAUTHORIZED', message: 'Refused.', remedy: '' });
    await useSetupStore.getState().connect('https://xs4face.test', 'wrong');
    expect(useSetupStore.getState()).toMatchObject({ connection: null, reconnect: 'failed' });
    expect(useSetupStore.getState().error?.code).toBe('FACE_UNAUTHORIZED');
    currentApi().setup.connectFace = fake.api().setup.connectFace;
    await useSetupStore.getState().connect('https://xs4face.test', '');
    expect(useSetupStore.getState()).toMatchObject({ reconnect: null, error: null });
    expect(useSetupStore.getState().connection?.url).toBe('https://xs4face.test');
  });

  it('signing out takes "Connected" off the screen and asks for a new connection', async () => {
    installFake({ signedIn: WHO });
    await useSetupStore.getState().loadSignIn();
    await useSetupStore.getState().connect('https://xs4face.test', '');
    expect(useSetupStore.getState().connection).not.toBeNull();
    await useSetupStore.getState().signOut();
    expect(useSetupStore.getState()).toMatchObject({
      signedIn: null,
      connection: null,
      reconnect: 'signedOut',
    });
  });

  it('after a reload, a certificate question still open in the core is asked again for its address', async () => {
    const fake = installFake();
    const question = {
      state: 'needs-trust' as const,
      url: 'https://other.test:8443/',
      certificate: CERT,
      reason: { code: 'TLS_UNTRUSTED', message: 'Not trusted by Windows.', remedy: '' },
    };
    currentApi().setup.connectDraft = () => Promise.resolve(question);
    await useSetupStore.getState().loadSignIn();
    expect(useSetupStore.getState()).toMatchObject({
      pendingTrust: question,
      faceUrl: 'https://other.test:8443/',
    });
    useSetupStore.getState().refuseCertificate();
    await Promise.resolve();
    expect(fake.callsOf('refuseFaceCertificate')).toHaveLength(1);
    expect(useSetupStore.getState().pendingTrust).toBeNull();
  });

  it("Space's certificate: asks for trust with its facts, pins the shown fingerprint, and can refuse", async () => {
    const fake = installFake({
      spaceCertificate: () => ({
        state: 'needs-trust',
        url: 'https://space01.site.local:8100/',
        certificate: SPACE_CERT,
        reason: { code: 'SPACE_TLS_SELF_SIGNED', message: 'Self-signed.', remedy: '' },
      }),
    });
    await useSetupStore.getState().checkSpaceCertificate();
    expect(useSetupStore.getState().spaceCertificate?.state).toBe('needs-trust');
    await useSetupStore.getState().trustSpaceCertificate();
    expect(fake.callsOf('trustSpaceCertificate')).toEqual([{ fingerprint256: SPACE_CERT.fingerprint256 }]);
    expect(useSetupStore.getState().spaceCertificate).toMatchObject({ state: 'trusted', trustedBy: 'pin' });
    await useSetupStore.getState().checkSpaceCertificate();
    useSetupStore.getState().refuseSpaceCertificate();
    expect(useSetupStore.getState().spaceCertificate).toBeNull();
    expect(useSetupStore.getState().error?.code).toBe('SPACE_CERT_REFUSED');
  });

  it('never keeps a revealed or generated secret in its state', async () => {
    installFake();
    await useSetupStore.getState().generateShipKey();
    const revealed = await useSetupStore.getState().revealShipKey();
    expect(revealed).toBe(SECRET_SHIP_KEY);
    expect(await useSetupStore.getState().copyShipKey()).toBe(true);
    expect(JSON.stringify(useSetupStore.getState())).not.toContain(SECRET_SHIP_KEY);
    expect(useSetupStore.getState().shipKey).toEqual({ set: true, fingerprint: '3fa4c2d1' });
  });

  it('streams progress and log lines of its own operation and cancels it by id', async () => {
    const fake = installFake();
    useSetupStore.setState({
      script: {
        source: 'face',
        path: 'x.ps1',
        sizeBytes: 1,
        sha256: 'c'.repeat(64),
        signature: { status: 'Valid', signer: 'Salto', reason: null },
      },
    });
    const running = useSetupStore.getState().runScript();
    await Promise.resolve();
    const op = useSetupStore.getState().operation;
    expect(op?.running).toBe(true);
    const id = op?.id ?? '';
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    fake.emit('progress', { operation: 'someone-else', step: 'x', fraction: 0.9, message: 'not mine' });
    fake.emit('progress', { operation: id, step: 'installScript', fraction: 0.5, message: 'Installing' });
    fake.emit('logLine', { level: 'info', time: '2026-11-29T20:00:00Z', message: 'Step 1 of 2' });
    expect(useSetupStore.getState().operation).toMatchObject({
      fraction: 0.5,
      message: 'Installing',
      log: ['Step 1 of 2'],
    });

    await useSetupStore.getState().cancelOperation();
    expect(fake.callsOf('cancel')).toEqual([{ operationId: id }]);
    expect(useSetupStore.getState().operation?.cancelRequested).toBe(true);
    fake.pending.get(id)?.({
      outcome: 'cancelled',
      exitCode: null,
      transcriptPath: null,
      message: 'Cancelled.',
    });
    await running;
    expect(useSetupStore.getState().operation?.running).toBe(false);
    expect(useSetupStore.getState().scriptRun?.outcome).toBe('cancelled');
    // Events after the end are not listened to any more.
    fake.emit('logLine', { level: 'info', time: '2026-11-29T20:00:01Z', message: 'late' });
    expect(useSetupStore.getState().operation?.log).toEqual(['Step 1 of 2']);
  });

  it('replaces a fixed check in every list that shows it', async () => {
    installFake({
      checks: [
        check('power.sleep', 'fail', { fix: { title: 'Turn off sleep', elevated: true } }),
        check('space.https', 'pass'),
      ],
    });
    await useSetupStore.getState().runSettingsChecks();
    expect(useSetupStore.getState().settingsChecks.map((c) => c.status)).toEqual(['fail', 'pass']);
    await useSetupStore.getState().applyFix('power.sleep');
    expect(useSetupStore.getState().settingsChecks[0]).toMatchObject({
      id: 'power.sleep',
      status: 'pass',
      undoAvailable: true,
    });
  });

  it('while a long operation runs, a visit to another step does not end it: busy returns to it, one runs at a time', async () => {
    const fake = installFake({ progress: { current: 'installScript', done: {} } });
    await useSetupStore.getState().load();
    useSetupStore.setState({
      script: {
        source: 'face',
        path: 'x.ps1',
        sizeBytes: 1,
        sha256: 'c'.repeat(64),
        signature: { status: 'Valid', signer: 'Salto', reason: null },
      },
    });
    const running = useSetupStore.getState().runScript();
    await Promise.resolve();
    const op = useSetupStore.getState().operation;
    expect(op).toMatchObject({ running: true, action: 'runScript', step: 'installScript' });
    await useSetupStore.getState().goTo('shipKey');
    await useSetupStore.getState().loadShipKey();
    expect(useSetupStore.getState().step).toBe('shipKey');
    expect(useSetupStore.getState().busy).toBe('runScript');
    // A second operation does not start while the first runs.
    expect(await useSetupStore.getState().runSettingsChecks()).toBeUndefined();
    expect(fake.callsOf('runChecks')).toHaveLength(0);
    fake.pending.get(op?.id ?? '')?.({
      outcome: 'succeeded',
      exitCode: 0,
      transcriptPath: null,
      message: 'Done.',
    });
    await running;
    expect(useSetupStore.getState().busy).toBeNull();
    expect(useSetupStore.getState().scriptRun?.outcome).toBe('succeeded');
  });

  it('a write sent without an answer asks to check it; the read back puts its result on the step', async () => {
    const fake = installFake({ progress: { current: 'spaceDetails', done: {} } });
    await useSetupStore.getState().load();
    currentApi().setup.saveSpaceDetails = () =>
      Promise.reject({
        name: 'Xs4Error',
        code: 'FACE_WRITE_UNCONFIRMED',
        message: 'The connection ended before XS4 Face confirmed the change: it may have been applied.',
        remedy: 'Check what XS4 Face holds now.',
        detail: { route: 'Space server details', reason: 'dropped', checkId: 'unconfirmed-00ff00ff00ff00ff' },
      });
    expect(await useSetupStore.getState().saveSpaceDetails('space01.site.local', '8100', true)).toBe(false);
    let s = useSetupStore.getState();
    expect(s.error).toBeNull();
    expect(s.writeOn).toBe('spaceDetails');
    expect(s.unconfirmedWrite).toEqual({
      checkId: 'unconfirmed-00ff00ff00ff00ff',
      action: 'saveDetails',
      reason: 'dropped',
    });
    fake.keepWaitingResult = {
      write: 'spaceDetails',
      details: { host: 'space01.site.local', port: 8100, https: true },
    };
    await useSetupStore.getState().checkWrite();
    s = useSetupStore.getState();
    expect(fake.callsOf('checkWrite')).toMatchObject([{ checkId: 'unconfirmed-00ff00ff00ff00ff' }]);
    expect(s.unconfirmedWrite).toBeNull();
    expect(s.writeOutcome).toBe('applied');
    expect(s.details).toEqual({ host: 'space01.site.local', port: 8100, https: true });
  });

  it('a failed background refresh of the cards is kept quietly, and cleared by one that works', async () => {
    installFake();
    const api = currentApi();
    const list = api.setup.listIntegrations;
    api.setup.listIntegrations = () =>
      Promise.reject({ name: 'Xs4Error', code: 'FACE_SERVER_ERROR', message: 'HTTP 503.', remedy: '' });
    await useSetupStore.getState().refreshIntegrations(true);
    expect(useSetupStore.getState().cardsRefreshFailed?.message).toBe('HTTP 503.');
    expect(useSetupStore.getState().error).toBeNull();
    api.setup.listIntegrations = list;
    await useSetupStore.getState().refreshIntegrations(true);
    expect(useSetupStore.getState().cardsRefreshFailed).toBeNull();
  });

  it('reads the Verify result the core kept, and a run still going on', async () => {
    const fake = installFake();
    const result = { status: 'connected' as const, connected: true, diagnosis: [], message: 'Connected.' };
    fake.verifyStatus = {
      running: { startedAt: '2026-11-29T20:00:00.000Z', deadlineMs: 120_000, active: true },
      last: { at: '2026-11-29T19:00:00.000Z', result, stale: false },
    };
    await useSetupStore.getState().loadVerifyStatus();
    expect(useSetupStore.getState().verifyResult).toEqual(result);
    const following = useSetupStore.getState().followVerify();
    await Promise.resolve();
    const id = useSetupStore.getState().operation?.id ?? '';
    expect(fake.callsOf('followVerify')).toEqual([{ operationId: id }]);
    expect(useSetupStore.getState().verifyStatus?.running).toBeNull();
    fake.pending.get(id)?.({ ...result, message: 'Connected again.' });
    await following;
    expect(useSetupStore.getState().verifyResult?.message).toBe('Connected again.');
  });

  it('adds only integrations this assistant can configure', async () => {
    const fake = installFake();
    await useSetupStore.getState().addIntegrations(['salto-space', 'unknown-kind']);
    expect(fake.callsOf('addIntegrations')).toMatchObject([{ kinds: ['salto-space'] }]);
    expect(useSetupStore.getState().cards).toHaveLength(1);
  });
});
