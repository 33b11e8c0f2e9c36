// The setup flow end to end over real HTTPS: both simulators, the real XS4 Face client, SHIP probe, checks engine and history.
import { targetName } from '../../../main/core/history/target-names';
import { en } from '../../../messages/render';
import { afterEach, describe, expect, it } from 'vitest';
import { startSetupEnv, type SetupEnv } from '../../helpers/setup-env';
import { AppError } from '../../../main/core/errors';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readBundle } from '../../../main/core/evidence/bundle-reader';
import { evaluateEvidence } from '../../../main/core/checks/runner';
import { allChecks } from '../../../main/core/checks/all';
import { createWindowsRun } from '../../../main/core/checks/windows/index';

let env: SetupEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function connect(e: SetupEnv): Promise<void> {
  const first = await e.service.connectFace(e.face.url, e.face.token);
  expect(first.state).toBe('needs-trust');
  if (first.state !== 'needs-trust') return;
  expect(first.certificate.fingerprint256).toBe(e.face.fingerprint256);
  const second = await e.service.trustFaceCertificate(first.url, first.certificate.fingerprint256);
  expect(second.state).toBe('connected');
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
}

describe('setup service against the simulators', () => {
  it('goes from nothing to Connected, records every change, and never stores the key in the history', async () => {
    env = await startSetupEnv();
    const e = env;
    await connect(e);
    let cards = await e.service.listIntegrations();
    expect(cards.find((c) => c.kind === 'salto-space')?.status).toBe('unconfigured');
    cards = await e.service.addIntegrations(['salto-space']);
    expect(cards.find((c) => c.kind === 'salto-space')).toBeDefined();

    const saved = await e.service.saveSpaceDetails({ host: '127.0.0.1', port: e.space.port, https: true });
    expect(saved).toEqual({ host: '127.0.0.1', port: e.space.port, https: true });
    expect(await e.service.getSpaceDetails()).toEqual(saved);

    const masked = await e.service.setShipKey({ generate: true });
    expect(masked.set).toBe(true);
    const key = await e.service.revealShipKey();
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(masked.fingerprint).toMatch(/^[0-9a-f]{8}$/);

    // Before Space has the key: SHIP answers 401, XS4 Face says Unauthorized, and verify explains why.
    e.space.setState({ key: 'not-the-same-key-000' });
    const bad = await e.service.verify(1500, {});
    expect(bad.connected).toBe(false);
    expect(bad.status).toBe('unauthorized');
    expect(bad.diagnosis.map((d) => d.code)).toContain('SHIP_UNAUTHORIZED');
    // A cancel that arrives while XS4 Face is being read (not during a wait) still stops verify at once.
    const stopped = new AbortController();
    stopped.abort();
    await expect(e.service.verify(5000, { signal: stopped.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });

    // The technician types the same key into Space's SHIP tab.
    e.space.setState({ key });
    const progress: string[] = [];
    const ok = await e.service.verify(10_000, { onProgress: (m) => progress.push(en(m)) });
    expect(ok).toMatchObject({ connected: true, status: 'connected' });

    const checks = await e.service.runChecks(['space.ship', 'space.https'], {});
    expect(checks.find((c) => c.id === 'space.ship')?.status).toBe('pass');

    // A policy nobody can open is not saved unless the technician accepts the failing check.
    const policy = { companyName: 'Hotel Miramar S.L.', privacyPolicyUrl: 'https://example.invalid/privacy' };
    expect(await e.service.saveEnrollment(policy)).toMatchObject({ saved: false });
    expect(await e.service.getEnrollment()).toBeNull();
    const enrollment = await e.service.saveEnrollment({ ...policy, acceptFailingPolicy: true });
    expect(enrollment).toMatchObject({ saved: true, enrollment: policy });
    expect(await e.service.getEnrollment()).toEqual(policy);

    const options = await e.service.generalOptions();
    const secret = options.find((o) => o.secret);
    expect(secret?.value).toBeNull();
    const revealed = await e.service.revealGeneralOption(secret!.label);
    expect(revealed.length).toBeGreaterThan(8);
    const after = await e.service.resetAuthKey();
    expect(after.find((o) => o.secret)?.value).toBeNull();
    expect(await e.service.revealGeneralOption(secret!.label)).not.toBe(revealed);

    // An evidence bundle of this server, evaluated offline, gives the same verdicts; no secret is in it.
    const bundleDir = join(e.dataDir, 'bundle');
    const collected = await e.service.collectBundle(bundleDir, {}, { createFolder: true });
    const { supplied } = await readBundle(collected.path, allChecks(createWindowsRun({}).deps));
    const offline = await evaluateEvidence(allChecks(createWindowsRun({}).deps), supplied);
    for (const v of collected.checks) expect(offline.byId[v.id]?.result.status).toBe(v.status);
    const files = await readdir(bundleDir, { recursive: true });
    const bundleText = (
      await Promise.all(
        files
          .filter((f) => f.endsWith('.json') || f.endsWith('.txt'))
          .map((f) => readFile(join(bundleDir, f), 'utf8')),
      )
    ).join('\n');
    expect(bundleText).not.toContain(key);
    expect(bundleText).not.toContain(e.face.token);
    expect(bundleText).not.toContain(revealed);

    // XS4 Face goes down: its checks fail, but Space is still checked at the details last seen.
    await e.face.close();
    const whileDown = await e.reopen().runChecks(null, {});
    expect(whileDown.find((c) => c.id === 'face.reachable')?.status).toBe('fail');
    expect(whileDown.find((c) => c.id === 'space.https')?.status).toBe('pass');
    expect(whileDown.find((c) => c.id === 'space.ship')?.status).toBe('pass');

    const { entries, problems } = await e.history.read();
    expect(problems).toEqual([]);
    expect(entries.map((x) => x.kind)).toEqual(
      expect.arrayContaining(['setting', 'face-write', 'key-reset']),
    );
    // Every change is said in words: the integration by the name XS4 Face gives it, each target by its name.
    const added = entries.find((x) => x.target === 'face:integrations');
    expect(en(added!.result.summary)).toBe('Added integration: Salto Space');
    for (const x of entries) expect(targetName(x.target).key).not.toBe('history.target.other');
    const text = JSON.stringify(entries);
    expect(text).not.toContain(key);
    expect(text).not.toContain(revealed);
    expect(text).not.toContain(e.face.token);
  });

  it('resumes: progress survives a new service on the same data folder, and the pin refuses a replaced certificate', async () => {
    env = await startSetupEnv();
    const e = env;
    await connect(e);
    await e.service.markStep('connect', 'Connected', 'integrations');
    expect((await e.service.progress()).current).toBe('integrations');
    const reopened = e.reopen();
    expect(await reopened.progress()).toMatchObject({
      current: 'integrations',
      done: { connect: { summary: 'Connected' } },
    });
    expect((await reopened.listIntegrations()).length).toBeGreaterThan(0);
    const old = e.face.fingerprint256;
    e.face.replaceCertificate();
    expect(await codeOf(e.service.listIntegrations())).toBe('FACE_TLS_PIN_MISMATCH');
    // Connecting again shows both fingerprints for the technician to decide; nothing is pinned on its own.
    expect(await e.service.connectFace(e.face.url, null)).toMatchObject({
      state: 'needs-trust',
      previousFingerprint256: old.toUpperCase(),
      reason: { code: 'FACE_TLS_PIN_MISMATCH' },
    });
    expect(await codeOf(e.service.listIntegrations())).toBe('FACE_TLS_PIN_MISMATCH');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    env = await startSetupEnv();
    const e = env;
    await connect(e);
    await e.service.addIntegrations(['salto-space']);
    expect(await codeOf(e.service.saveSpaceDetails({ host: 'bad host!', port: 8100, https: true }))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(e.service.saveSpaceDetails({ host: 'space.local', port: 70000, https: true }))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(e.service.setShipKey({ value: 'has space' }))).toBe('INVALID_INPUT');
    expect(await codeOf(e.service.connectFace('http://127.0.0.1:1/', 't'))).toBe('INVALID_INPUT');
    expect(await codeOf(e.service.verify(10, {}))).toBe('INVALID_INPUT');
    expect((await e.history.read()).entries.filter((x) => x.kind === 'face-write').length).toBe(1);
  });

  it('says what is missing when steps are taken out of order', async () => {
    env = await startSetupEnv();
    expect(await codeOf(env.service.listIntegrations())).toBe('SETUP_FACE_NOT_CONNECTED');
    await connect(env);
    await env.service.addIntegrations(['salto-space']);
    expect(await codeOf(env.service.setShipKey({ generate: true }))).toBe('SETUP_SPACE_DETAILS_MISSING');
    expect(await codeOf(env.service.runInstallScript('a'.repeat(64), {}))).toBe('INSTALL_SCRIPT_NOT_LOADED');
  });
});
