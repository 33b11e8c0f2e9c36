// What XS4 Face's integration card would show for a SHIP probe outcome: the status the Face simulator computes against Space.
import type { ShipProbeResult } from './ship-client';
import { ShipCodes } from './ship-outcomes';

/** The four card statuses of XS4 Face's Integrations page (seed page). */
export type FaceIntegrationStatus = 'Connected' | 'Unauthorized' | 'Disconnected' | 'No status';

/**
 * Connected only when SHIP accepted the key; Unauthorized when Space refused (or wanted) the key;
 * everything else — TLS, licence, transport, unreachable — is Disconnected. No probe (not configured) is No status.
 */
export function faceIntegrationStatus(probe: ShipProbeResult | null): FaceIntegrationStatus {
  if (probe === null) return 'No status';
  if (probe.code === ShipCodes.OK && probe.keySent) return 'Connected';
  if (probe.code === ShipCodes.UNAUTHORIZED || probe.code === ShipCodes.KEY_REQUIRED) return 'Unauthorized';
  return 'Disconnected';
}
