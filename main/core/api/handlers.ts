// All IPC handlers of the core, one spread per domain file. A new domain: add `<domain>-handlers.ts` and one line here.
import { hostname } from 'node:os';
import type { Handlers } from '../../../contract/ipc';
import type { CoreDeps } from './deps';
import { appHandlers } from './app-handlers';
import { dialogHandlers } from './dialog-handlers';
import { settingsHandlers } from './settings-handlers';
import { setupHandlers } from './setup-handlers';
import { signInHandlers } from './sign-in-handlers';
import { Operations } from './operations';
import { troubleshootHandlers } from './troubleshoot-handlers';
import { createLastChecks } from '../troubleshoot/last-checks';
import { createTroubleshootService } from '../troubleshoot/troubleshoot-service';

export function createCoreHandlers(deps: CoreDeps): Handlers {
  // Shared by the setup channels (which run checks) and Troubleshoot (which exports them).
  const lastChecks = createLastChecks();
  // One table of running operations: `setup.cancel` stops a check run, a write or a sign-in alike.
  const ops = new Operations(deps.clock);
  return {
    ...appHandlers(deps),
    ...settingsHandlers(deps),
    ...troubleshootHandlers(
      createTroubleshootService(deps.troubleshoot, {
        clock: deps.clock,
        lastChecks,
        machineName: hostname(),
        platform: deps.app.platform,
        secrets: async () =>
          (
            await Promise.all(
              (['shipApiKey', 'faceToken', 'faceAuthKey'] as const).map((n) =>
                deps.secrets.get(n).catch(() => null),
              ),
            )
          ).filter((v): v is string => v !== null && v !== ''),
        // The report is written in the language the technician chose for the app.
        language: async () => (await deps.settings.get()).language,
      }),
    ),
    ...setupHandlers({ ...deps.setup, clock: deps.clock, lastChecks, ops }),
    ...signInHandlers(deps.signIn, ops),
    ...dialogHandlers(deps.dialogs),
  };
}
