// The site › server choice and writes left pending, against the XS4 Face simulator with two sites and three servers
// (one offline): the choice remembered with its names, each write's pending progress told to its own operation, Stop
// and the deadline leaving the change queued, and "Keep waiting" finishing it (read back, recorded) without resending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaceSimulator, twoSitesState, type FaceSimulator } from '../../../scripts/sim/face-server';
import { createSetupService } from '../../../main/core/setup/setup-service';
import type { OperationHooks, SetupService } from '../../../main/core/setup/service';
import type { PendingProgress } from '../../../main/core/face/face-client';
import { createMemorySettingsStore } from '../../../main/core/settings/settings-store';
import { createMemorySecretStore } from '../../../main/core/secrets/memory-secret-store';
import { HistoryStore } from '../../../main/core/history/history-store';
import { allChecks } from '../../../main/core/checks/all';
import { createWindowsRun } from '../../../main/core/checks/windows/index';

let face: FaceSimulator;
let service: SetupService;
let history: HistoryStore;
let dataDir: string;
const windows = createWindowsRun({});

beforeAll(async () => {
  face = await startFaceSimulator({ initialState: twoSitesState() });
  dataDir = await mkdtemp(join(tmpdir(), 'xs4-pending-'));
  history = new HistoryStore({ dataDir });
  service = createSetupService({
    dataDir,
    settings: createMemorySettingsStore(),
    secrets: createMemorySecretStore(),
    history,
    checks: (w) => allChecks(w),
    windows: windows.deps,
    platform: 'linux',
    now: () => new Date(),
    timeouts: { requestMs: 5000, checkMs: 5000, pollMs: 200 },
    // Short, so a test sees the deadline; the app keeps the client's default.
    facePendingDeadlineMs: 1500,
  });
});
afterAll(async () => {
  await windows.dispose();
  await face.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** An operation's hooks that collect its pending progress; `stopAfter` pending reports press Stop. */
function operation(stopAfter?: number): { hooks: OperationHooks; seen: PendingProgress[] } {
  const seen: PendingProgress[] = [];
  const stop = new AbortController();
  return {
    seen,
    hooks: {
      signal: stop.signal,
      onPending: (p) => {
        seen.push(p);
        if (stopAfter !== undefined && seen.length >= stopAfter) stop.abort();
      },
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; detail: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; detail: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

async function historyTargets(): Promise<string[]> {
  return (await history.read()).entries.map((e) => e.target);
}

describe('site › server choice and pending writes', () => {
  it('lists both sites and their three servers, asks for a choice, then remembers it with its names', async () => {
    const first = await service.connectFace(face.url, face.token);
    expect(first.state).toBe('needs-trust');
    if (first.state !== 'needs-trust') return;
    const refused = await rejection(
      service.trustFaceCertificate(first.url, first.certificate.fingerprint256),
    );
    expect(refused.code).toBe('FACE_SERVER_NOT_SELECTED');

    const choices = await service.faceServerChoices();
    expect(choices.reason).toBe('several-servers');
    expect(choices.preselected).toBeNull();
    expect(
      choices.sites.map((s) => [s.name, s.servers.map((v) => [v.serverName, v.online, v.pendingMessages])]),
    ).toEqual([
      [
        'Main building',
        [
          ['Reception server', true, 0],
          ['Warehouse server', false, 0],
        ],
      ],
      ['Car park', [['Gate server', true, 0]]],
    ]);
    expect(await service.faceChoice()).toBeNull();

    // The offline server, chosen by id as the page does.
    const chosen = await service.chooseFaceServer({ site: 'site-1', server: 'face-2' });
    expect(chosen.serverName).toBe('Warehouse server');
    expect(await service.connectFace(first.url, null)).toMatchObject({ state: 'connected' });
    expect(await service.faceChoice()).toEqual({
      url: first.url,
      siteId: 'site-1',
      serverId: 'face-2',
      siteName: 'Main building',
      serverName: 'Warehouse server',
    });
    expect((await service.faceServerChoices()).reason).toBe('remembered');
  });

  it('tells the writing operation while the offline server has not received the change, then stops at the deadline', async () => {
    const op = operation();
    const err = await rejection(service.addIntegrations(['salto-space'], op.hooks));
    expect(err.code).toBe('FACE_WRITE_PENDING');
    expect(err.detail.changeId).toMatch(/^chg-/);
    expect(op.seen.length).toBeGreaterThan(0);
    expect(op.seen.every((p) => p.changeId === err.detail.changeId && p.deadlineMs === 1500)).toBe(true);
    expect(op.seen.at(-1)!.elapsedMs).toBeGreaterThan(op.seen[0]!.elapsedMs);
    // The Console shows it as a pending message of that server; nothing is recorded as done yet.
    const warehouse = (await service.faceServerChoices()).sites[0]!.servers[1]!;
    expect(warehouse.pendingMessages).toBe(1);
    expect(await historyTargets()).not.toContain('face:integrations');

    // Keep waiting while the server is still offline: pending again, still resumable.
    const again = operation();
    const still = await rejection(service.keepWaiting(String(err.detail.changeId), again.hooks));
    expect(still).toMatchObject({ code: 'FACE_WRITE_PENDING', detail: { changeId: err.detail.changeId } });
    expect(again.seen.length).toBeGreaterThan(0);

    // The server comes back: keep waiting finishes the same change, reads it back and records it.
    face.setServerOnline('site-1', 'face-2', true);
    const done = await service.keepWaiting(String(err.detail.changeId), operation().hooks);
    expect(done.write).toBe('integrations');
    if (done.write !== 'integrations') return;
    expect(done.cards.find((c) => c.kind === 'salto-space')?.added).toBe(true);
    expect(await historyTargets()).toContain('face:integrations');
    // The write was sent once: the add-integrations route saw one POST.
    expect(face.hits('integrations.add')).toBe(1);
    // Finished: nothing left to wait for under that id.
    expect((await rejection(service.keepWaiting(String(err.detail.changeId), operation().hooks))).code).toBe(
      'SETUP_NO_PENDING_WRITE',
    );
  });

  it('Stop during the wait leaves the change queued and resumable; keep waiting reads it back', async () => {
    face.setServerOnline('site-1', 'face-2', false);
    const op = operation(1);
    const details = { host: 'space.example.local', port: 8100, https: true };
    const err = await rejection(service.saveSpaceDetails(details, op.hooks));
    expect(err).toMatchObject({ code: 'FACE_WRITE_PENDING', detail: { stopped: true } });
    expect(op.seen).toHaveLength(1);
    expect(await historyTargets()).not.toContain('face:integration.space.details');

    face.setServerOnline('site-1', 'face-2', true);
    const done = await service.keepWaiting(String(err.detail.changeId), operation().hooks);
    expect(done).toEqual({ write: 'spaceDetails', details });
    expect(await service.getSpaceDetails()).toEqual(details);
    expect(await historyTargets()).toContain('face:integration.space.details');
  });

  it('a reset of the Authentication key left pending is finished against the key it replaced', async () => {
    face.setServerOnline('site-1', 'face-2', false);
    const before = face.serverState('site-1', 'face-2').authKey;
    const err = await rejection(service.resetAuthKey(operation().hooks));
    expect(err.code).toBe('FACE_WRITE_PENDING');
    face.setServerOnline('site-1', 'face-2', true);
    const done = await service.keepWaiting(String(err.detail.changeId), operation().hooks);
    expect(done.write).toBe('authKey');
    expect(face.serverState('site-1', 'face-2').authKey).not.toBe(before);
    // Sent once: a second reset would have changed the key twice.
    expect(face.hits('auth-key.reset')).toBe(1);
  });
});
