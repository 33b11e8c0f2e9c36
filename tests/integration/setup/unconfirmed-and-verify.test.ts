// Writes without an answer and the Verify step's memory, against both simulators: a write cut or cancelled after it was
// sent says it may have been applied and is read back on request (recorded once held); one cancelled before it was sent
// changed nothing; a verification's result and a run going on are kept for a reload, followed, and go stale on change.
import { en } from '../../../messages/render';
import { afterEach, describe, expect, it } from 'vitest';
import { startSetupEnv, type SetupEnv } from '../../helpers/setup-env';
import type { OperationHooks } from '../../../main/core/setup/service';

let env: SetupEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function connected(): Promise<SetupEnv> {
  const e = await startSetupEnv();
  const first = await e.service.connectFace(e.face.url, e.face.token);
  if (first.state !== 'needs-trust') throw new Error(`expected needs-trust, got ${first.state}`);
  await e.service.trustFaceCertificate(first.url, first.certificate.fingerprint256);
  await e.service.addIntegrations(['salto-space']);
  return e;
}

async function rejection(
  p: Promise<unknown>,
): Promise<{ code: string; key?: string; detail?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; key?: string; detail?: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

const targets = async (e: SetupEnv): Promise<string[]> =>
  (await e.history.read()).entries.map((x) => x.target);

describe('writes without an answer', () => {
  it('a connection cut after the write was sent says it may have been applied; the read back finds it and records it', async () => {
    env = await connected();
    const e = env;
    e.face.setFaults({ drop: ['space.put'] });
    const err = await rejection(
      e.service.saveSpaceDetails({ host: '127.0.0.1', port: e.space.port, https: true }),
    );
    expect(err.code).toBe('FACE_WRITE_UNCONFIRMED');
    expect(err.detail).toMatchObject({ reason: 'dropped', route: 'Space server details' });
    // Said from the catalog in any language: the check id is added to the detail, the key and parameters kept.
    expect(err.key).toBe('errors.FACE_WRITE_UNCONFIRMED.dropped');
    const checkId = String(err.detail?.checkId);
    expect(checkId).toMatch(/^unconfirmed-[0-9a-f]{16}$/);
    expect(await targets(e)).not.toContain('face:integration.space.details');
    e.face.clearFaults();

    const puts = e.face.hits('space.put');
    const stages: string[] = [];
    const held = await e.service.checkWrite(checkId, { onStage: (s) => stages.push(s) });
    expect(held).toEqual({
      write: 'spaceDetails',
      details: { host: '127.0.0.1', port: e.space.port, https: true },
    });
    // Read back only: nothing was sent again, and the write is in the history now.
    expect(e.face.hits('space.put')).toBe(puts);
    expect(stages).toEqual(['reading']);
    expect(await targets(e)).toContain('face:integration.space.details');
    // Answered once: the same check id is not kept any more.
    expect((await rejection(e.service.checkWrite(checkId, {}))).code).toBe('SETUP_NO_PENDING_WRITE');
  });

  it('the read back of a write XS4 Face did not apply says so (FACE_WRITE_ABSENT), and records nothing', async () => {
    env = await connected();
    const e = env;
    // XS4 Face fails the request after the body was sent: nothing is applied, the connection was cut.
    e.face.setFaults({ drop: ['enrollment.put'], ignoreWrites: true });
    const err = await rejection(
      // The policy there cannot be fetched: saved anyway, as a technician may choose, to reach the write.
      e.service.saveEnrollment({
        companyName: 'Hotel Miramar S.L.',
        privacyPolicyUrl: 'https://example.invalid/p',
        acceptFailingPolicy: true,
      }),
    );
    expect(err.code).toBe('FACE_WRITE_UNCONFIRMED');
    e.face.clearFaults();
    const absent = await rejection(e.service.checkWrite(String(err.detail?.checkId), {}));
    expect(absent.code).toBe('FACE_WRITE_ABSENT');
    expect(await targets(e)).not.toContain('face:enrollment');
  });

  it('Cancel while XS4 Face handles the write aborts the request at once and says it may have been applied', async () => {
    env = await connected();
    const e = env;
    e.face.setFaults({ latencyMs: 3000 });
    const stop = new AbortController();
    const stages: string[] = [];
    const hooks: OperationHooks = {
      signal: stop.signal,
      onStage: (s) => {
        stages.push(s);
        // Cancel a moment after the write was handed to XS4 Face.
        if (s === 'sending') setTimeout(() => stop.abort(), 300);
      },
    };
    const started = Date.now();
    const err = await rejection(
      e.service.saveSpaceDetails({ host: '127.0.0.1', port: e.space.port, https: true }, hooks),
    );
    expect(err.code).toBe('FACE_WRITE_UNCONFIRMED');
    expect(err.detail).toMatchObject({ reason: 'cancelled' });
    expect(stages).toEqual(['reading', 'sending']);
    // The read (3 s) and 0.3 s of the write: the write's answer (3 s) and the read back (3 s) were not waited for.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('Cancel before the write was sent changed nothing (FACE_WRITE_CANCELLED)', async () => {
    env = await connected();
    const e = env;
    e.face.setFaults({ latencyMs: 2000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    const puts = e.face.hits('space.put');
    const err = await rejection(
      e.service.saveSpaceDetails(
        { host: '127.0.0.1', port: e.space.port, https: true },
        { signal: stop.signal },
      ),
    );
    expect(err.code).toBe('FACE_WRITE_CANCELLED');
    expect(e.face.hits('space.put')).toBe(puts);
  });
});

describe("the Verify step's memory", () => {
  it('keeps the last result for a new service (a restart), and calls it stale once the link is changed', async () => {
    env = await connected();
    const e = env;
    await e.service.saveSpaceDetails({ host: '127.0.0.1', port: e.space.port, https: true });
    await e.service.setShipKey({ generate: true });
    e.space.setState({ key: await e.service.revealShipKey() });
    expect(await e.service.verifyStatus()).toEqual({ running: null, last: null });
    const ok = await e.service.verify(10_000, {});
    expect(ok.connected).toBe(true);

    const after = await e.reopen().verifyStatus();
    expect(after.running).toBeNull();
    expect(after.last).toMatchObject({ result: ok, stale: false });
    // The Enrollment Service is not part of the link; new Space Server Details are.
    await e.service.saveEnrollment({
      companyName: 'Hotel Miramar S.L.',
      privacyPolicyUrl: 'https://example.invalid/p',
    });
    expect((await e.service.verifyStatus()).last?.stale).toBe(false);
    await e.service.saveSpaceDetails({ host: 'localhost', port: e.space.port, https: true });
    expect((await e.service.verifyStatus()).last?.stale).toBe(true);
    // Starting over forgets it.
    await e.service.resetProgress();
    expect(await e.service.verifyStatus()).toEqual({ running: null, last: null });
  });

  it('a run going on is kept, followed by a second operation (a reloaded page), and its Cancel stops it', async () => {
    env = await connected();
    const e = env;
    await e.service.saveSpaceDetails({ host: '127.0.0.1', port: e.space.port, https: true });
    await e.service.setShipKey({ generate: true });
    e.space.setState({ key: 'the-key-someone-typed-in-space' });

    const first = new AbortController();
    const running = e.service.verify(60_000, { signal: first.signal });
    running.catch(() => undefined);
    await expect.poll(async () => (await e.service.verifyStatus()).running?.active).toBe(true);
    // The same data folder in another service (the assistant restarted): the run is known, but not running there.
    expect((await e.reopen().verifyStatus()).running?.active).toBe(false);

    const progress: string[] = [];
    const follower = new AbortController();
    const followed = e.service.followVerify({
      signal: follower.signal,
      onProgress: (m) => progress.push(en(m)),
    });
    await expect.poll(() => progress.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(progress[0]).toContain('Unauthorized');
    follower.abort();
    expect((await rejection(followed)).code).toBe('CANCELLED');
    expect((await rejection(running)).code).toBe('CANCELLED');
    expect((await e.service.verifyStatus()).running).toBeNull();
    expect((await rejection(e.service.followVerify({}))).code).toBe('SETUP_VERIFY_NOT_RUNNING');
  });
});
