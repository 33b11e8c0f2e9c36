// The XS4 Face Console's name of an integration status, as a sentence part of the catalogs (its words per language).
import type { IntegrationStatus } from '../../../contract/setup-shapes';
import { text, type Text } from '../../../contract/text';

const KEYS: Record<IntegrationStatus, Text> = {
  connected: text('setup.status.connected'),
  unauthorized: text('setup.status.unauthorized'),
  disconnected: text('setup.status.disconnected'),
  unconfigured: text('setup.status.unconfigured'),
};

export function statusName(status: IntegrationStatus): Text {
  return KEYS[status];
}
