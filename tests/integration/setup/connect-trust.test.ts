// Connect to XS4 Face: pins are exclusive (a changed certificate, even one this machine trusts, is shown with the old
// and new fingerprints for the technician to decide), and the stored token belongs to the server it was entered for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { startFaceSimulator, type FaceSimulator } from '../../../scripts/sim/face-server';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { createSetupService } from '../../../main/core/setup/setup-service';
import type { SetupService } from '../../../main/core/setup/service';
import { createMemorySettingsStore } from '../../../main/core/settings/settings-store';
import { createMemorySecretStore } from '../../../main/core/secrets/memory-secret-store';
import { HistoryStore } from '../../../main/core/history/history-store';
import { allChecks } from '../../../main/core/checks/all';
import { createWindowsRun } from '../../../main/core/checks/windows/index';
import { normaliseFingerprint } from '../../../contract/rules/fingerprint';

const ca = makeCa('Site CA');
const windows = createWindowsRun({});
let a: FaceSimulator;
let b: FaceSimulator;
let dataDir: string;
const settings = createMemorySettingsStore();
const secrets = createMemorySecretStore();
let service: SetupService;

const fp = (pem: string): string => normaliseFingerprint(new X509Certificate(pem).fingerprint256);

beforeAll(async () => {
  a = await startFaceSimulator({ token: 'token-for-server-A-0001' });
  b = await startFaceSimulator({ token: 'token-for-server-B-0002' });
  dataDir = await mkdtemp(join(tmpdir(), 'xs4-connect-'));
  service = createSetupService({
    dataDir,
    settings,
    secrets,
    history: new HistoryStore({ dataDir }),
    checks: (w) => allChecks(w),
    windows: windows.deps,
    platform: 'linux',
    now: () => new Date(),
    extraCa: [ca.cert],
    timeouts: { requestMs: 5000, checkMs: 5000, pollMs: 200 },
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await windows.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('connect: pins are exclusive', () => {
  it('a changed certificate, even one this machine trusts, is shown with the old and new fingerprints; trusting it re-pins', async () => {
    const first = await service.connectFace(a.url, 'token-for-server-A-0001');
    expect(first.state).toBe('needs-trust');
    if (first.state !== 'needs-trust') return;
    const oldFp = first.certificate.fingerprint256;
    expect(await service.trustFaceCertificate(first.url, oldFp)).toMatchObject({
      state: 'connected',
      trustedBy: 'pin',
    });

    // The new certificate is issued by a CA this machine trusts: without the pin it would be accepted silently.
    const issued = makeCert({ issuer: ca, altNames: ['127.0.0.1'] });
    a.replaceCertificate(issued);
    const hitsBefore = a.hits('whoami');
    const changed = await service.connectFace(a.url, null);
    expect(changed).toMatchObject({ state: 'needs-trust', previousFingerprint256: oldFp });
    if (changed.state !== 'needs-trust') return;
    expect(changed.certificate.fingerprint256).toBe(fp(issued.cert));
    expect(changed.reason.code).toBe('FACE_TLS_PIN_MISMATCH');
    // Nothing was sent over the changed certificate: no request carrying the token reached the server.
    expect(a.hits('whoami')).toBe(hitsBefore);

    const trusted = await service.trustFaceCertificate(changed.url, changed.certificate.fingerprint256);
    expect(trusted).toMatchObject({ state: 'connected', trustedBy: 'pin' });
    const pins = (await settings.get()).pinnedFingerprints;
    expect(Object.values(pins)).toContain(fp(issued.cert));
    expect(Object.values(pins)).not.toContain(oldFp);
  });
});

describe('connect: the stored token belongs to the server it was entered for', () => {
  it('another URL without a token asks for the token again, and nothing is sent to that server', async () => {
    const r = await service.connectFace(b.url, null);
    expect(r).toMatchObject({
      state: 'needs-token',
      url: b.url.replace(/\/$/, '/'),
      tokenFor: a.url.replace(/\/$/, ''),
    });
    expect(b.hits('whoami')).toBe(0);
    expect(b.hits('sites')).toBe(0);
    // With B's own token it connects (after trusting B's certificate), and A's token no longer applies to B.
    const withToken = await service.connectFace(b.url, 'token-for-server-B-0002');
    expect(withToken.state).toBe('needs-trust');
    if (withToken.state !== 'needs-trust') return;
    expect(
      await service.trustFaceCertificate(withToken.url, withToken.certificate.fingerprint256),
    ).toMatchObject({
      state: 'connected',
    });
    // Back to A: B's token is not sent there either.
    const whoamiA = a.hits('whoami');
    expect(await service.connectFace(a.url, null)).toMatchObject({
      state: 'needs-token',
      tokenFor: b.url.replace(/\/$/, ''),
    });
    expect(a.hits('whoami')).toBe(whoamiA);
  });
});
