// The setup flow for the command line: the GUI's SetupService over the user's settings file, with secrets held in memory only.
import { join } from 'node:path';
import type { Check } from '../core/checks/types';
import type { WindowsCheckDeps } from '../core/checks/windows/index';
import { HistoryStore } from '../core/history/history-store';
import { dataDir } from '../core/paths';
import { createMemorySecretStore } from '../core/secrets/memory-secret-store';
import { openFileSettingsStore } from '../core/settings/settings-file';
import { createSetupService } from '../core/setup/setup-service';
import type { SetupService } from '../core/setup/service';
import { normaliseFingerprint } from '../../contract/rules/fingerprint';
import { faceApiEndpoint } from '../core/face/face-client';
import { fromErrorInfo } from '../core/errors';
import type { CliIo } from './io';
import type { CliSetupOptions, ProfilePins } from './context';
import { originOf } from '../core/auth/regions';
import { signedInTokenProvider } from '../core/auth/signed-in-token-provider';
import { savedCliSignIn, type CliAuthDeps } from './sign-in';
import type { MicrosoftSignIn } from '../core/auth/microsoft-sign-in';

export function cliSetupFactory(
  io: CliIo,
  checks: (w: WindowsCheckDeps) => Check[],
  windows: WindowsCheckDeps,
  auth?: CliAuthDeps,
  signal?: AbortSignal,
): (pins: ProfilePins, options?: CliSetupOptions) => Promise<SetupService> {
  // One saved sign-in per run: each XS4 Face client of the run asks it for tokens (DPAPI decrypts through PowerShell).
  let saved: Promise<{ signIn: MicrosoftSignIn; origin: string } | null> | undefined;
  const savedOnce = (a: CliAuthDeps) =>
    (saved ??= savedCliSignIn(io, a).then(async (signIn) => {
      const who = await signIn?.account();
      return signIn && who ? { signIn, origin: who.origin } : null;
    }));
  return async (pins, options = {}) => {
    const dir = dataDir(io.env, io.platform);
    const settings = await openFileSettingsStore(join(dir, 'settings.json'));
    if (settings.problem) throw fromErrorInfo(settings.problem);
    const current = (await settings.get()).pinnedFingerprints;
    const add: Record<string, string> = {};
    if (pins.facePin && pins.faceUrl) {
      const ep = faceApiEndpoint(pins.faceUrl);
      add[`${ep.host}:${ep.port}`] = normaliseFingerprint(pins.facePin);
    }
    if (pins.spacePin)
      add[`${pins.spacePin.host}:${pins.spacePin.port}`] = normaliseFingerprint(pins.spacePin.fingerprint);
    if (Object.keys(add).length > 0) await settings.update({ pinnedFingerprints: { ...current, ...add } });
    // The CLI reads secrets from files, stdin or the environment for each run; it keeps none on disk.
    return createSetupService({
      dataDir: dir,
      settings,
      secrets: createMemorySecretStore(),
      history: new HistoryStore({ dataDir: dir }),
      checks,
      windows,
      platform: io.platform,
      now: () => new Date(),
      // The sign-in saved by `xs4-setup login`, only for the server it was made for.
      ...(auth
        ? {
            faceTokenProvider: async (url: string) => {
              const s = await savedOnce(auth);
              return s && s.origin === originOf(url) ? signedInTokenProvider(s.signIn, url) : null;
            },
          }
        : {}),
      ...(signal ? { signal } : {}),
      ...(options.onPending ? { onFacePending: options.onPending } : {}),
      ...(options.pendingDeadlineMs !== undefined
        ? { facePendingDeadlineMs: options.pendingDeadlineMs }
        : {}),
    });
  };
}
