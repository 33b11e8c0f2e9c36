// Trusting Space's certificate from the app (Space settings step and Troubleshoot): the same facts as for XS4 Face
// (subject, issuer, names, validity, SHA-256), the pin is exclusive, and with it the SHIP check sends the key and
// verifies it. Against both simulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSetupEnv, type SetupEnv } from '../../helpers/setup-env';
import { AppError } from '../../../main/core/errors';

let env: SetupEnv;
const KEY = 'SpaceTrustKey0123456789abcdefXYZ';

beforeAll(async () => {
  env = await startSetupEnv({ certificate: 'self-signed', key: KEY });
  const s = env.service;
  const c = await s.connectFace(env.face.url, env.face.token);
  if (c.state === 'needs-trust') await s.trustFaceCertificate(c.url, c.certificate.fingerprint256);
  await s.addIntegrations(['salto-space']);
  await s.saveSpaceDetails({ host: '127.0.0.1', port: env.space.port, https: true });
  await s.setShipKey({ value: KEY });
});
afterAll(() => env.close());

describe("Space's certificate in the app", () => {
  it('a self-signed Space asks for trust with the certificate facts; trusting it lets the SHIP check send and verify the key', async () => {
    const keyedBefore = env.space.keyedRequests;
    const unpinned = await env.service.runChecks(['space.ship'], {});
    expect(unpinned[0]).toMatchObject({ status: 'fail', code: 'SHIP_TLS_UNTRUSTED' });
    expect(env.space.keyedRequests).toBe(keyedBefore);

    const seen = await env.service.spaceCertificate();
    expect(seen.state).toBe('needs-trust');
    if (seen.state !== 'needs-trust') return;
    expect(seen.url).toBe(`https://127.0.0.1:${env.space.port}/`);
    expect(seen.certificate).toMatchObject({ fingerprint256: env.space.fingerprint256, selfSigned: true });
    expect(seen.certificate.subjectAltNames.length).toBeGreaterThan(0);
    expect(seen.certificate.validTo).toMatch(/^\d{4}-/);
    expect(seen.reason.code).toBe('SPACE_TLS_SELF_SIGNED');

    const trusted = await env.service.trustSpaceCertificate(seen.certificate.fingerprint256);
    expect(trusted).toMatchObject({ state: 'trusted', trustedBy: 'pin' });
    const pinned = await env.service.runChecks(['space.ship'], {});
    expect(pinned[0]).toMatchObject({ status: 'pass', code: 'SHIP_OK' });
    expect(env.space.keyedRequests).toBe(keyedBefore + 1);
    const history = await env.history.read();
    expect(history.entries.some((e) => e.target === `trust:127.0.0.1:${env.space.port}`)).toBe(true);
  });

  it('a changed certificate, even one this machine trusts, shows the old and new fingerprints; the key is not sent', async () => {
    const old = env.space.fingerprint256;
    // The XS4 Face simulator would now trust Space (its CA) and send the key itself: only this app's requests count.
    env.face.setSpaceTrust({});
    env.space.setState({ certificate: 'valid' });
    const keyedBefore = env.space.keyedRequests;
    const changed = await env.service.spaceCertificate();
    expect(changed).toMatchObject({ state: 'needs-trust', previousFingerprint256: old });
    if (changed.state !== 'needs-trust') return;
    expect(changed.certificate.fingerprint256).toBe(env.space.fingerprint256);
    const ship = await env.service.runChecks(['space.ship'], {});
    expect(ship[0]).toMatchObject({ status: 'fail', code: 'SHIP_TLS_PIN_MISMATCH' });
    expect(env.space.keyedRequests).toBe(keyedBefore);
    // Trusting a fingerprint the server no longer presents is refused: nothing is pinned blindly.
    await expect(env.service.trustSpaceCertificate(old)).rejects.toMatchObject({
      code: 'SPACE_TLS_PIN_MISMATCH',
    });
    expect(await env.service.trustSpaceCertificate(changed.certificate.fingerprint256)).toMatchObject({
      state: 'trusted',
      trustedBy: 'pin',
    });
  });

  it('without Space Server Details there is nothing to trust: a clear error', async () => {
    const fresh = await startSetupEnv();
    try {
      const err = await fresh.service.spaceCertificate().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
    } finally {
      await fresh.close();
    }
  });
});
