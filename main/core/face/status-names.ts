// The names the XS4 Face Console shows for integration card statuses; wire values never reach a technician.
import type { IntegrationStatus } from '../../../contract/setup-shapes';
import { text, type Text } from '../../../contract/text';
import { en } from '../../../messages/render';

/** The Console's card names as catalog sentences (face.status.*), said in the reader's language. */
const CONSOLE_STATUS_TEXTS: Record<IntegrationStatus, Text> = {
  connected: text('face.status.connected'),
  unauthorized: text('face.status.unauthorized'),
  disconnected: text('face.status.disconnected'),
  unconfigured: text('face.status.unconfigured'),
};

/** The name the Console shows for a status ("No status" for `unconfigured`), in any language. */
export function consoleStatusText(status: IntegrationStatus): Text {
  return CONSOLE_STATUS_TEXTS[status];
}

/** The English name as on the Console's cards (the seed page), for English-only output that has not moved to Texts. */
export function consoleStatusName(status: IntegrationStatus): string {
  return en(consoleStatusText(status));
}
