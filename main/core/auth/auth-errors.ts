// Stable AUTH_* codes, and every sign-in failure (MSAL's, the network's, ours) turned into a sentence with a remedy.
import { AppError, isAppError } from '../errors';
import {
  ENTRA_CLOCK_CODES,
  ENTRA_CONSENT_CODES,
  ENTRA_REVOKED_CODES,
  ENTRA_WRONG_TENANT_CODES,
} from './auth-assumptions';

export const AuthCodes = {
  NOT_SIGNED_IN: 'AUTH_NOT_SIGNED_IN',
  BROWSER_TIMEOUT: 'AUTH_BROWSER_TIMEOUT',
  BROWSER_FAILED: 'AUTH_BROWSER_FAILED',
  CANCELLED: 'AUTH_CANCELLED',
  CONSENT_DENIED: 'AUTH_CONSENT_DENIED',
  WRONG_TENANT: 'AUTH_WRONG_TENANT',
  CLOCK_SKEW: 'AUTH_CLOCK_SKEW',
  NO_NETWORK: 'AUTH_NO_NETWORK',
  AUTHORITY_UNTRUSTED: 'AUTH_AUTHORITY_UNTRUSTED',
  SESSION_REVOKED: 'AUTH_SESSION_REVOKED',
  WRONG_AUDIENCE: 'AUTH_WRONG_AUDIENCE',
  WRONG_ORIGIN: 'AUTH_WRONG_ORIGIN',
  WRONG_REGION: 'AUTH_WRONG_REGION',
  DEVICE_CODE_EXPIRED: 'AUTH_DEVICE_CODE_EXPIRED',
  REGION_NOT_CONFIGURED: 'AUTH_REGION_NOT_CONFIGURED',
  REGIONS_FILE_INVALID: 'AUTH_REGIONS_FILE_INVALID',
  CACHE_UNREADABLE: 'AUTH_CACHE_UNREADABLE',
  AUTHORITY_ERROR: 'AUTH_AUTHORITY_ERROR',
} as const;

const SIGN_IN_AGAIN = 'Sign in again (xs4-setup login, or "Sign in with Microsoft" in the app).';

/** The constructors of every AUTH_* error, so each sentence and remedy is written once. */
export const authError = {
  notSignedIn: (region: string) =>
    new AppError(
      AuthCodes.NOT_SIGNED_IN,
      `Nobody is signed in to XS4 Face (${region}) on this computer.`,
      'Sign in with Microsoft first (xs4-setup login, or "Sign in with Microsoft" in the app).',
      { region },
    ),
  browserTimeout: (minutes: number) =>
    new AppError(
      AuthCodes.BROWSER_TIMEOUT,
      `The sign-in in the browser was not finished within ${minutes} minutes (the browser window may have been closed).`,
      'Start the sign-in again and complete it in the browser window that opens; on a server without a browser use the device code (xs4-setup login --device-code).',
      { minutes },
    ),
  browserFailed: (cause: unknown) =>
    new AppError(
      AuthCodes.BROWSER_FAILED,
      'The system browser could not be opened for the sign-in.',
      'Set a default browser in Windows, or sign in with a code on another device (xs4-setup login --device-code).',
      undefined,
      cause,
    ),
  cancelled: () =>
    new AppError(AuthCodes.CANCELLED, 'The sign-in was cancelled.', 'Start the sign-in again when ready.'),
  consentDenied: (said?: string) =>
    new AppError(
      AuthCodes.CONSENT_DENIED,
      `The sign-in was refused: the permissions for XS4 Face were not granted${said ? ` (${said.slice(0, 200)})` : ''}.`,
      'Sign in again and accept the permissions; if your organisation requires it, ask an administrator to grant consent for the XS4 Face Space Assistant.',
    ),
  wrongTenant: (got: string | null, want: string | null) =>
    new AppError(
      AuthCodes.WRONG_TENANT,
      `The account belongs to another organisation (tenant ${got ?? 'unknown'}) than the one this XS4 Face region expects${want ? ` (${want})` : ''}.`,
      'Sign out, then sign in with the work account that has access to the XS4 Face Console of this site (not a personal or guest account).',
      { tenant: got, expected: want },
    ),
  clockSkew: (skewMs: number) =>
    new AppError(
      AuthCodes.CLOCK_SKEW,
      `This computer's clock is ${Math.round(Math.abs(skewMs) / 60_000)} minutes ${skewMs > 0 ? 'ahead of' : 'behind'} the sign-in service.`,
      'Set the date, time and time zone of this computer (Windows: Settings › Time & language › Sync now), then sign in again.',
      { skewMs },
    ),
  noNetwork: (host: string, netCode: string | undefined, cause?: unknown) =>
    new AppError(
      AuthCodes.NO_NETWORK,
      `The Microsoft sign-in service (${host}) could not be reached${netCode ? ` (${netCode})` : ''}.`,
      'Check that this computer can reach the internet on HTTPS (proxy, firewall, DNS), then try again.',
      { host, netCode },
      cause,
    ),
  authorityUntrusted: (host: string, cause?: unknown) =>
    new AppError(
      AuthCodes.AUTHORITY_UNTRUSTED,
      `The certificate of the sign-in service (${host}) is not trusted by this computer.`,
      'A proxy may be intercepting HTTPS: install its CA in Windows, or use a network without interception.',
      { host },
      cause,
    ),
  sessionRevoked: (said?: string) =>
    new AppError(
      AuthCodes.SESSION_REVOKED,
      `The saved sign-in is no longer valid (it expired, the password changed or an administrator revoked it)${said ? `: ${said.slice(0, 200)}` : ''}.`,
      SIGN_IN_AGAIN,
    ),
  wrongAudience: (got: string, want: string) =>
    new AppError(
      AuthCodes.WRONG_AUDIENCE,
      `The sign-in service issued a token for another service (${got.slice(0, 200)}), not the XS4 Face API (${want}); it was not sent.`,
      'The region settings of this build do not match the XS4 Face Console: use a build for your region, or report it.',
      { audience: got.slice(0, 200), expected: want },
    ),
  wrongOrigin: (boundTo: string, asked: string) =>
    new AppError(
      AuthCodes.WRONG_ORIGIN,
      `The sign-in was made for the XS4 Face server ${boundTo}; its token is never sent to ${asked}.`,
      `Sign in again for ${asked} (xs4-setup login --face-url ${asked}/), or connect to ${boundTo}.`,
      { boundTo, asked },
    ),
  wrongRegion: (boundTo: string, asked: string) =>
    new AppError(
      AuthCodes.WRONG_REGION,
      `The saved sign-in is for the XS4 Face region "${boundTo}", not "${asked}".`,
      `Sign in for the region "${asked}", or choose the region "${boundTo}".`,
      { boundTo, asked },
    ),
  deviceCodeExpired: () =>
    new AppError(
      AuthCodes.DEVICE_CODE_EXPIRED,
      'The sign-in code expired before it was entered.',
      'Run the sign-in again and enter the new code within its time limit.',
    ),
  cacheUnreadable: (cause: unknown) =>
    new AppError(
      AuthCodes.CACHE_UNREADABLE,
      'The saved sign-in could not be read (it was saved by another Windows user, another program, or is damaged).',
      SIGN_IN_AGAIN,
      undefined,
      cause,
    ),
  authority: (code: string, said: string) =>
    new AppError(
      AuthCodes.AUTHORITY_ERROR,
      `The sign-in service refused the request (${code}${said ? `: ${said.slice(0, 200)}` : ''}).`,
      'Try again; if it persists, send this message to your XS4 Face administrator.',
      { authorityCode: code },
    ),
};

/** What MSAL errors carry (AuthError and subclasses); read structurally so this module does not import MSAL. */
interface MsalLikeError {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  name?: unknown;
}

function entraCode(text: string): string | undefined {
  return /\bAADSTS\d{5,6}\b/.exec(text)?.[0];
}

export interface MapContext {
  /** Host of the authority, for messages. */
  host: string;
  /** The last network failure our MSAL network module saw during this operation (MSAL wraps it and loses its code). */
  lastNetError?: AppError | undefined;
}

/** Turns anything a sign-in operation threw into an AUTH_* AppError (AppErrors we raised ourselves pass through). */
export function mapAuthError(e: unknown, ctx: MapContext): AppError {
  if (isAppError(e)) return e;
  const m = (e ?? {}) as MsalLikeError;
  const code = typeof m.errorCode === 'string' ? m.errorCode : '';
  const msg =
    typeof m.errorMessage === 'string' ? m.errorMessage : e instanceof Error ? e.message : String(e);
  const sub = typeof m.subError === 'string' ? m.subError : '';
  const aadsts = entraCode(msg);
  const net = ctx.lastNetError;
  if (code === 'network_error' || code === 'endpoints_resolution_error' || code === 'openid_config_error') {
    if (net?.code.startsWith('TLS_')) return authError.authorityUntrusted(ctx.host, e);
    return authError.noNetwork(ctx.host, net?.code, e);
  }
  if (aadsts && ENTRA_WRONG_TENANT_CODES.includes(aadsts)) return authError.wrongTenant(null, null);
  if (aadsts && ENTRA_CLOCK_CODES.includes(aadsts)) return authError.clockSkew(0);
  if (aadsts && ENTRA_CONSENT_CODES.includes(aadsts)) return authError.consentDenied(aadsts);
  if (aadsts && ENTRA_REVOKED_CODES.includes(aadsts)) return authError.sessionRevoked(aadsts);
  if (code === 'access_denied' || code === 'consent_required')
    return authError.consentDenied(msg.split(/\r?\n/)[0]);
  if (
    code === 'invalid_grant' ||
    code === 'interaction_required' ||
    code === 'login_required' ||
    code === 'no_tokens_found' ||
    code === 'refresh_token_expired' ||
    code === 'bad_token' ||
    sub === 'bad_token'
  )
    return authError.sessionRevoked(code);
  if (code === 'expired_token' || code === 'device_code_expired') return authError.deviceCodeExpired();
  if (code === 'device_code_polling_cancelled' || code === 'user_cancelled') return authError.cancelled();
  if (code !== '') return authError.authority(code, msg.split(/\r?\n/)[0] ?? '');
  return new AppError(
    'INTERNAL',
    `Unexpected sign-in error: ${msg.slice(0, 300)}`,
    'Export the log and report it to the maintainers.',
  );
}
