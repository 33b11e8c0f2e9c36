// Connect to XS4 Face as a draft, against the simulator over real HTTPS: the saved address, token and pin change only
// when a new attempt connects; a certificate accepted for an attempt that then fails is not pinned; the question left
// open is kept for a page reload and dropped when refused.
import { afterEach, describe, expect, it } from 'vitest';
import { startSetupEnv, type SetupEnv } from '../../helpers/setup-env';
import { AppError } from '../../../main/core/errors';

let env: SetupEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
}

async function saved(
  e: SetupEnv,
): Promise<{ url: string; token: string | null; pins: Record<string, string> }> {
  const s = await e.settings.get();
  return { url: s.faceServerUrl, token: await e.secrets.get('faceToken'), pins: s.pinnedFingerprints };
}

describe('connect: an attempt is a draft', () => {
  it('no token and nobody signed in is said before any certificate question', async () => {
    env = await startSetupEnv();
    expect(await codeOf(env.service.connectFace(env.face.url, null))).toBe('FACE_NO_TOKEN');
    expect(await env.service.connectDraft()).toBeNull();
    expect(await saved(env)).toEqual({ url: '', token: null, pins: {} });
  });

  it('a first attempt that cannot reach the server saves nothing, and the checks look at the address tried', async () => {
    env = await startSetupEnv();
    const closed = new URL(env.face.url);
    closed.port = '1';
    expect(await codeOf(env.service.connectFace(closed.toString(), 'any-token-value'))).toMatch(
      /^FACE_UNREACHABLE/,
    );
    expect(await saved(env)).toEqual({ url: '', token: null, pins: {} });
    const [reachable] = await env.service.runChecks(['face.reachable'], {});
    expect(reachable?.status).toBe('fail');
  });

  it('a trusted certificate with a wrong token pins nothing; the corrected token connects without asking again', async () => {
    env = await startSetupEnv();
    const e = env;
    const asked = await e.service.connectFace(e.face.url, 'a-wrong-token-0000');
    expect(asked.state).toBe('needs-trust');
    if (asked.state !== 'needs-trust') return;
    // Kept for the page (a reload asks again), nothing saved yet.
    expect(await e.service.connectDraft()).toEqual(asked);
    expect(await saved(e)).toEqual({ url: '', token: null, pins: {} });

    expect(await codeOf(e.service.trustFaceCertificate(asked.url, asked.certificate.fingerprint256))).toBe(
      'FACE_UNAUTHORIZED',
    );
    expect(await e.service.connectDraft()).toBeNull();
    expect(await saved(e)).toEqual({ url: '', token: null, pins: {} });
    expect((await e.history.read()).entries.filter((x) => x.target.startsWith('trust:'))).toEqual([]);

    const ok = await e.service.connectFace(e.face.url, e.face.token);
    expect(ok).toMatchObject({ state: 'connected', trustedBy: 'pin' });
    const after = await saved(e);
    expect(after.url).toBe(asked.url);
    expect(after.token).toBe(e.face.token);
    expect(Object.values(after.pins)).toEqual([asked.certificate.fingerprint256]);
    // The trust is recorded once, when it was pinned.
    expect((await e.history.read()).entries.filter((x) => x.target.startsWith('trust:')).length).toBe(1);
  });

  it('a failed reconnect (wrong token, wrong port, unanswered or refused certificate) leaves the working connection as it was', async () => {
    env = await startSetupEnv();
    const e = env;
    const first = await e.service.connectFace(e.face.url, e.face.token);
    if (first.state !== 'needs-trust') throw new Error(`expected a certificate question, got ${first.state}`);
    await e.service.trustFaceCertificate(first.url, first.certificate.fingerprint256);
    const working = await saved(e);
    const choice = await e.service.faceChoice();
    expect(choice).not.toBeNull();

    expect(await codeOf(e.service.connectFace(e.face.url, 'a-wrong-token-0000'))).toBe('FACE_UNAUTHORIZED');
    expect(await saved(e)).toEqual(working);
    const port = new URL(e.face.url);
    port.port = '1';
    expect(await codeOf(e.service.connectFace(port.toString(), e.face.token))).toMatch(/^FACE_UNREACHABLE/);
    expect(await saved(e)).toEqual(working);
    // Another name for the same server: a certificate question, then refused.
    const other = new URL(e.face.url);
    other.hostname = 'localhost';
    const q = await e.service.connectFace(other.toString(), e.face.token);
    expect(q.state).toBe('needs-trust');
    expect(await saved(e)).toEqual(working);
    expect(await e.service.refuseFaceCertificate()).toBeNull();
    expect(await e.service.connectDraft()).toBeNull();
    expect(await saved(e)).toEqual(working);
    expect(await e.service.faceChoice()).toEqual(choice);
    // The sign-in saved earlier still works for the later steps and for a new connect without a token.
    expect((await e.service.listIntegrations()).length).toBeGreaterThan(0);
    expect(await e.service.connectFace(e.face.url, null)).toMatchObject({ state: 'connected' });
  });

  it('when the new address cannot be saved, the token goes back to the one the saved address works with', async () => {
    env = await startSetupEnv();
    const e = env;
    const first = await e.service.connectFace(e.face.url, e.face.token);
    if (first.state !== 'needs-trust') throw new Error(`expected a certificate question, got ${first.state}`);
    await e.service.trustFaceCertificate(first.url, first.certificate.fingerprint256);
    const working = await saved(e);
    const boundBefore = await e.secrets.boundTo('faceToken');
    const other = new URL(e.face.url);
    other.hostname = 'localhost';
    const q = await e.service.connectFace(other.toString(), e.face.token);
    if (q.state !== 'needs-trust') throw new Error(`expected a certificate question, got ${q.state}`);
    const update = e.settings.update.bind(e.settings);
    e.settings.update = () =>
      Promise.reject(new AppError('SETTINGS_WRITE_FAILED', 'Disk full.', 'Free space.'));
    expect(await codeOf(e.service.trustFaceCertificate(q.url, q.certificate.fingerprint256))).toBe(
      'SETTINGS_WRITE_FAILED',
    );
    e.settings.update = update;
    expect(await saved(e)).toEqual(working);
    expect(await e.secrets.boundTo('faceToken')).toBe(boundBefore);
    expect((await e.service.listIntegrations()).length).toBeGreaterThan(0);
  });

  it('a new address that connects replaces the saved one and pins its certificate; its server is chosen again', async () => {
    env = await startSetupEnv();
    const e = env;
    const first = await e.service.connectFace(e.face.url, e.face.token);
    if (first.state !== 'needs-trust') throw new Error(`expected a certificate question, got ${first.state}`);
    await e.service.trustFaceCertificate(first.url, first.certificate.fingerprint256);
    const other = new URL(e.face.url);
    other.hostname = 'localhost';
    const q = await e.service.connectFace(other.toString(), e.face.token);
    if (q.state !== 'needs-trust') throw new Error(`expected a certificate question, got ${q.state}`);
    expect(await e.service.trustFaceCertificate(q.url, q.certificate.fingerprint256)).toMatchObject({
      state: 'connected',
    });
    const now = await saved(e);
    expect(now.url).toBe(other.toString());
    expect(Object.keys(now.pins).sort()).toEqual([`127.0.0.1:${other.port}`, `localhost:${other.port}`]);
    // This account has one server: chosen again for the new address.
    expect((await e.service.faceChoice())?.url).toBe(other.toString());
  });
});
