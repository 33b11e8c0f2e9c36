// Handlers for the `settings.*` channels (non-secret settings).
import type { Handlers } from '../../../contract/ipc';
import type { CoreDeps } from './deps';

export function settingsHandlers(deps: CoreDeps): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => deps.settings.get(),
    'settings.update': async (patch) => {
      const next = await deps.settings.update(patch);
      deps.log.info('settings updated', { keys: Object.keys(patch) });
      return next;
    },
  };
}
