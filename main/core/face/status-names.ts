// The names the XS4 Face Console shows for integration card statuses; wire values never reach a technician.
import type { IntegrationStatus } from '../../../contract/setup-shapes';

/** English names as on the Console's cards (the seed page); the app's catalogs translate the same four. */
export const CONSOLE_STATUS_NAMES: Record<IntegrationStatus, string> = {
  connected: 'Connected',
  unauthorized: 'Unauthorized',
  disconnected: 'Disconnected',
  unconfigured: 'No status',
};

export function consoleStatusName(status: IntegrationStatus): string {
  return CONSOLE_STATUS_NAMES[status];
}
