// The XS4 Face Console's name of an integration status as a Text of the page's catalog (said in any language later).
import type { IntegrationStatus } from '../../contract/setup-shapes';
import { text, type Text } from '../../contract/text';

const KEYS: Record<IntegrationStatus, string> = {
  connected: 'setup:status.integration.connected',
  unauthorized: 'setup:status.integration.unauthorized',
  disconnected: 'setup:status.integration.disconnected',
  unconfigured: 'setup:status.integration.unconfigured',
};

export function statusText(status: IntegrationStatus | undefined): Text {
  return text(KEYS[status ?? 'unconfigured']);
}
