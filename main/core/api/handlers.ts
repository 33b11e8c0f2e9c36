// All IPC handlers of the core, one spread per domain file. A new domain: add `<domain>-handlers.ts` and one line here.
import type { Handlers } from '../../../preload/api';
import type { CoreDeps } from './deps';
import { appHandlers } from './app-handlers';
import { settingsHandlers } from './settings-handlers';
import { secretsHandlers } from './secrets-handlers';
import { setupHandlers, unwiredSetupHandlers } from './setup-handlers';
import { troubleshootHandlers } from './troubleshoot-handlers';

export function createCoreHandlers(deps: CoreDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...settingsHandlers(deps),
    ...secretsHandlers(deps),
    ...troubleshootHandlers(deps.troubleshoot, deps.clock),
    ...(deps.setup === null ? unwiredSetupHandlers() : setupHandlers({ ...deps.setup, clock: deps.clock })),
  };
}
