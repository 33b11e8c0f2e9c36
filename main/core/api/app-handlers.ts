// Handlers for the `app.*` channels: what the shell shows about itself.
import type { Handlers } from '../../../contract/ipc';
import type { CoreDeps } from './deps';

const PLATFORMS = ['win32', 'linux', 'darwin'] as const;

export function appHandlers(deps: CoreDeps): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => {
      const platform = (PLATFORMS as readonly string[]).includes(deps.app.platform)
        ? (deps.app.platform as (typeof PLATFORMS)[number])
        : 'other';
      return {
        productName: deps.app.productName,
        version: deps.app.version,
        platform,
        arch: deps.app.arch,
        // The install script, PowerShell checks and fixes exist only on Windows.
        windowsFeatures: platform === 'win32',
        startupProblems: deps.startupProblems,
      };
    },
  };
}
