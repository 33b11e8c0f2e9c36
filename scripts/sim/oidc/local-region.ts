// The "Local test region" that points the app's Microsoft sign-in at the local OpenID provider (tests, demo, sim CLI).
import { SIM_TENANT } from './oidc-users';

/** What a region needs of the provider (an OidcSimulator, or the values it printed). */
export interface LocalIdp {
  issuer: string;
  clientId: string;
  scope: string;
  audience: string;
}

/** One region of the regions file (docs/sign-in.md), signing in against `idp` for the XS4 Face API at `apiBase`. */
export function localRegion(idp: LocalIdp, apiBase: string): Record<string, unknown> {
  return {
    id: 'local',
    name: 'Local test region',
    protocol: 'oidc',
    authority: idp.issuer,
    clientId: idp.clientId,
    scopes: [idp.scope],
    audience: idp.audience,
    tenantId: SIM_TENANT,
    apiBase,
  };
}

/** The regions file's text with only the local region. */
export function localRegionsFile(idp: LocalIdp, apiBase: string): string {
  return `${JSON.stringify({ regions: [localRegion(idp, apiBase)] }, null, 2)}\n`;
}
