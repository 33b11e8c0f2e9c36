// A setup service wired to the real core, both simulators on 127.0.0.1 and in-memory stores: shared by integration and e2e tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaceSimulator, type FaceSimulator } from '../../scripts/sim/face-server';
import {
  startSpaceSimulator,
  type SpaceSimulator,
  type SpaceSimPatch,
} from '../../scripts/sim/space-simulator';
import { createSetupService } from '../../main/core/setup/setup-service';
import type { SetupService } from '../../main/core/setup/service';
import { createMemorySettingsStore, type SettingsStore } from '../../main/core/settings/settings-store';
import { createMemorySecretStore } from '../../main/core/secrets/memory-secret-store';
import type { SecretStore } from '../../main/core/secrets/secret-store';
import { HistoryStore } from '../../main/core/history/history-store';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';

export interface SetupEnv {
  face: FaceSimulator;
  space: SpaceSimulator;
  service: SetupService;
  /** Another service on the same stores and data folder: what reopening the app gives. */
  reopen(): SetupService;
  settings: SettingsStore;
  secrets: SecretStore;
  history: HistoryStore;
  dataDir: string;
  close(): Promise<void>;
}

export async function startSetupEnv(spaceState: SpaceSimPatch = {}): Promise<SetupEnv> {
  // Space with a certificate from the simulator's CA: XS4 Face (the simulator) and our checks trust that CA,
  // as a site with an internal CA would be set up.
  const space = await startSpaceSimulator({ state: { certificate: 'valid', ...spaceState } });
  const face = await startFaceSimulator({ spaceTrust: { ca: [space.caCert] }, shipTimeoutMs: 2000 });
  const dataDir = await mkdtemp(join(tmpdir(), 'xs4-setup-'));
  const settings = createMemorySettingsStore();
  const secrets = createMemorySecretStore();
  const history = new HistoryStore({ dataDir });
  const windows = createWindowsRun({});
  const make = (): SetupService =>
    createSetupService({
      dataDir,
      settings,
      secrets,
      history,
      checks: (w) => allChecks(w),
      windows: windows.deps,
      platform: 'linux',
      now: () => new Date(),
      extraCa: [space.caCert],
      timeouts: { requestMs: 5000, checkMs: 5000, pollMs: 200 },
    });
  const service = make();
  return {
    reopen: make,
    face,
    space,
    service,
    settings,
    secrets,
    history,
    dataDir,
    async close() {
      await windows.dispose();
      await face.close();
      await space.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
