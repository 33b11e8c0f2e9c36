// Handlers for the `secrets.*` channels. Values go in; they come back out only through `reveal` (explicit user action).
import type { Handlers } from '../../../preload/api';
import type { CoreDeps } from './deps';

export function secretsHandlers(
  deps: CoreDeps,
): Pick<Handlers, 'secrets.has' | 'secrets.set' | 'secrets.reveal' | 'secrets.clear'> {
  return {
    'secrets.has': ({ name }) => deps.secrets.has(name),
    'secrets.set': async ({ name, value }) => {
      await deps.secrets.set(name, value);
      deps.log.info('secret stored', { name });
      return null;
    },
    'secrets.reveal': async ({ name }) => {
      // Logged (without the value) so an audit shows when a secret was shown on screen.
      deps.log.info('secret revealed on user request', { name });
      return deps.secrets.get(name);
    },
    'secrets.clear': async ({ name }) => {
      await deps.secrets.delete(name);
      deps.log.info('secret cleared', { name });
      return null;
    },
  };
}
