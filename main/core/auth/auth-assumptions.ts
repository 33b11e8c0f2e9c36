// Every guess about how the XS4 Face Console signs in (Microsoft account, per region) lives here; docs/assumptions.md lists each.
//
// The real values (tenant, client id, API scope, Console API base of each region) are not public. The rows below are
// placeholders with the right shape: a build for the field replaces them here and nowhere else. Until then, sign-in
// to a real region fails with AUTH_REGION_NOT_CONFIGURED instead of sending a technician to a made-up authority.

/** One XS4 Face region as the Console's region picker shows it, with what a native app needs to sign in there. */
export interface AuthRegionConfig {
  /** Stable id used by `--region` and in settings, e.g. "eu". */
  id: string;
  /** Name the technician picks from. */
  name: string;
  /** `aad` for Microsoft Entra ID (login.microsoftonline.com); `oidc` for any other standards-compliant authority. */
  protocol: 'aad' | 'oidc';
  /** The authority URL (issuer), e.g. https://login.microsoftonline.com/organizations. */
  authority: string;
  /** The app registration of this assistant (a public client: no secret). Empty = not known yet. */
  clientId: string;
  /** Scopes of the XS4 Face API, e.g. api://<xs4-face-app-id>/.default (openid, profile, offline_access are added). */
  scopes: string[];
  /** Audience (`aud`) the XS4 Face API expects in its access tokens; checked before a token is sent. */
  audience: string;
  /** Tenant (`tid`) that accounts must belong to; null when any organisation's account may sign in. */
  tenantId: string | null;
  /** Default XS4 Face API origin of the region (the Console's cloud API); the technician may give a server instead. */
  apiBase: string;
}

/** Placeholder marker: a region whose client id is empty cannot be signed in to yet. */
export const NOT_PUBLIC = '';

/**
 * The regions of the vendor's monitoring page ("log in … for the correct region"). Names and hosts are assumptions:
 * only the fact that the Console is per region and signs in with a Microsoft account is public.
 */
export const AUTH_REGIONS: readonly AuthRegionConfig[] = [
  {
    id: 'eu',
    name: 'Europe',
    protocol: 'aad',
    authority: 'https://login.microsoftonline.com/organizations',
    clientId: NOT_PUBLIC,
    scopes: ['api://xs4face-eu/.default'],
    audience: 'api://xs4face-eu',
    tenantId: null,
    apiBase: 'https://eu.console.xs4face.invalid/',
  },
  {
    id: 'us',
    name: 'North America',
    protocol: 'aad',
    authority: 'https://login.microsoftonline.com/organizations',
    clientId: NOT_PUBLIC,
    scopes: ['api://xs4face-us/.default'],
    audience: 'api://xs4face-us',
    tenantId: null,
    apiBase: 'https://us.console.xs4face.invalid/',
  },
  {
    id: 'apac',
    name: 'Asia Pacific',
    protocol: 'aad',
    authority: 'https://login.microsoftonline.com/organizations',
    clientId: NOT_PUBLIC,
    scopes: ['api://xs4face-apac/.default'],
    audience: 'api://xs4face-apac',
    tenantId: null,
    apiBase: 'https://apac.console.xs4face.invalid/',
  },
];

/**
 * Extra regions (a test or private authority, the local OpenID provider of `npm run sim:oidc`) come from a JSON file
 * named by this environment variable: `{ "regions": [AuthRegionConfig, …] }`.
 */
export const REGIONS_FILE_ENV = 'XS4_SIGNIN_REGIONS_FILE';

/** How long the system browser may take to finish a sign-in before the app stops waiting (az login waits similarly). */
export const INTERACTIVE_TIMEOUT_MS = 5 * 60_000;

/** A token whose issue time is further than this from this computer's clock means the clock is wrong. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A token with less than this left is renewed before use (MSAL's own default renewal offset is 5 minutes). */
export const TOKEN_RENEWAL_MARGIN_MS = 5 * 60_000;

/** Per request to the authority. */
export const AUTHORITY_REQUEST_TIMEOUT_MS = 15_000;

/** Largest answer read from the authority (discovery documents and token responses are a few kilobytes). */
export const AUTHORITY_MAX_BODY_BYTES = 256 * 1024;

/**
 * Microsoft Entra error codes (AADSTS…) that mean the account is of the wrong organisation, and those that mean the
 * user or an admin refused consent. From Microsoft's published AADSTS error code list.
 */
export const ENTRA_WRONG_TENANT_CODES = [
  'AADSTS50020',
  'AADSTS50177',
  'AADSTS700016',
  'AADSTS90072',
  'AADSTS50034',
];
export const ENTRA_CONSENT_CODES = ['AADSTS65001', 'AADSTS65004', 'AADSTS90094', 'AADSTS90008'];
export const ENTRA_CLOCK_CODES = ['AADSTS500133', 'AADSTS700024'];
export const ENTRA_REVOKED_CODES = [
  'AADSTS700082',
  'AADSTS50173',
  'AADSTS70008',
  'AADSTS50133',
  'AADSTS700084',
];
