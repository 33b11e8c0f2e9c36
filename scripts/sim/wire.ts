// The wire facts the simulators serve, stated here on their own: the simulators play XS4 Face and Space, so they do not
// take these from the client code they judge (main/core/face, main/core/space). The same facts, as the app assumes
// them, are listed in docs/assumptions.md; when one changes, change both, and the tests say where they disagree.

/** The XS4 Face API root under the server URL (docs/face-server-api.md). */
export const FACE_API_BASE_PATH = 'api/v1/';
/** The Salto Space integration's id, the only integration the simulator offers. */
export const SPACE_INTEGRATION_TYPE = 'salto-space';
export const KNOWN_INTEGRATION_TYPES = [SPACE_INTEGRATION_TYPE] as const;
/** Id of the Authentication (API key) row of Space General Options. */
export const AUTH_KEY_OPTION_ID = 'authenticationApiKey';
/** The four statuses of an integration card ("No status" is `unconfigured`). */
export type IntegrationStatus = 'connected' | 'unauthorized' | 'disconnected' | 'unconfigured';

/** SHIP over HTTP(S) is posted to the root of Space's web service port (integrator guides, DOMAIN.md). */
export const SHIP_PATH = '';
export const SHIP_CONTENT_TYPE = 'application/vnd.saltosystems.ship.v1+xml';
export const SHIP_KEY_HEADER = 'Salto-SHIP-Key';

/** Space's GetInfo DateTime: local wall-clock time without a zone, e.g. 2026-11-29T20:00:00. */
export function formatShipDateTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
