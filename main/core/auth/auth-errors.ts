// Stable AUTH_* codes, and every sign-in failure (MSAL's, the network's, ours) turned into a catalog sentence with a
// remedy for whoever reads it (the app's page or the CLI).
import { text, type Text } from '../../../contract/text';
import { AppError, isAppError } from '../errors';
import {
  ENTRA_CLOCK_CODES,
  ENTRA_CONSENT_CODES,
  ENTRA_REVOKED_CODES,
  ENTRA_WRONG_TENANT_CODES,
} from './auth-assumptions';

/**
 * Who reads a sign-in error: the app's page (its buttons) or the CLI (its commands and flags). Errors whose remedy
 * differs take the matching variant (errors.AUTH_….app / .cli), so the page never names a CLI option.
 */
export type SignInSurface = 'app' | 'cli';

/** Server-sent text kept in a message: one line, capped (the service may echo anything). */
function said(words: string): string {
  return (words.split(/\r?\n/)[0] ?? '').slice(0, 200);
}

/** "5 minutes" in the reader's language (a plural). */
function minutes(count: number): Text {
  return text('auth.duration.minutes', { count });
}

/**
 * The constructors of every AUTH_* error: the sentences are in the catalogs (messages/<lang>/errors-auth.json). Codes
 * and variants are written out literally, so the catalogs test can check that every one of them has its sentences.
 */
export const authError = {
  notSignedIn: (region: string, surface: SignInSurface) =>
    surface === 'app'
      ? new AppError('AUTH_NOT_SIGNED_IN', { variant: 'app', params: { region }, detail: { region } })
      : new AppError('AUTH_NOT_SIGNED_IN', { variant: 'cli', params: { region }, detail: { region } }),
  browserTimeout: (timeoutMinutes: number, surface: SignInSurface) => {
    const params = { duration: minutes(timeoutMinutes) };
    const detail = { minutes: timeoutMinutes };
    return surface === 'app'
      ? new AppError('AUTH_BROWSER_TIMEOUT', { variant: 'app', params, detail })
      : new AppError('AUTH_BROWSER_TIMEOUT', { variant: 'cli', params, detail });
  },
  browserFailed: (cause: unknown, surface: SignInSurface) =>
    surface === 'app'
      ? new AppError('AUTH_BROWSER_FAILED', { variant: 'app', cause })
      : new AppError('AUTH_BROWSER_FAILED', { variant: 'cli', cause }),
  cancelled: () => new AppError('AUTH_CANCELLED'),
  consentDenied: (saidByService?: string) =>
    saidByService
      ? new AppError('AUTH_CONSENT_DENIED', { variant: 'said', params: { said: said(saidByService) } })
      : new AppError('AUTH_CONSENT_DENIED'),
  wrongTenant: (got: string | null, want: string | null) => {
    const detail = { tenant: got, expected: want };
    if (got !== null && want !== null)
      return new AppError('AUTH_WRONG_TENANT', {
        variant: 'tenants',
        params: { tenant: got, expected: want },
        detail,
      });
    if (want !== null)
      return new AppError('AUTH_WRONG_TENANT', { variant: 'expected', params: { expected: want }, detail });
    return new AppError('AUTH_WRONG_TENANT', { detail });
  },
  /** `skewMs` > 0: this computer is ahead; null when the service said so without saying by how much. */
  clockSkew: (skewMs: number | null) => {
    if (skewMs === null) return new AppError('AUTH_CLOCK_SKEW', { variant: 'unknown' });
    const params = { duration: minutes(Math.round(Math.abs(skewMs) / 60_000)) };
    return skewMs > 0
      ? new AppError('AUTH_CLOCK_SKEW', { variant: 'ahead', params, detail: { skewMs } })
      : new AppError('AUTH_CLOCK_SKEW', { variant: 'behind', params, detail: { skewMs } });
  },
  noNetwork: (host: string, netCode: string | undefined, cause?: unknown) =>
    netCode
      ? new AppError('AUTH_NO_NETWORK', {
          variant: 'code',
          params: { host, netCode },
          detail: { host, netCode },
          cause,
        })
      : new AppError('AUTH_NO_NETWORK', { params: { host }, detail: { host, netCode }, cause }),
  authorityUntrusted: (host: string, cause?: unknown) =>
    new AppError('AUTH_AUTHORITY_UNTRUSTED', { params: { host }, detail: { host }, cause }),
  /** `saidByService`: the service's code (invalid_grant, AADSTS…), for support. */
  sessionRevoked: (saidByService: string, surface: SignInSurface) =>
    surface === 'app'
      ? new AppError('AUTH_SESSION_REVOKED', { variant: 'app', params: { said: said(saidByService) } })
      : new AppError('AUTH_SESSION_REVOKED', { variant: 'cli', params: { said: said(saidByService) } }),
  wrongAudience: (got: string, want: string) =>
    new AppError('AUTH_WRONG_AUDIENCE', {
      params: { audience: said(got), expected: want },
      detail: { audience: said(got), expected: want },
    }),
  wrongOrigin: (boundTo: string, asked: string, surface: SignInSurface) =>
    surface === 'app'
      ? new AppError('AUTH_WRONG_ORIGIN', {
          variant: 'app',
          params: { boundTo, asked },
          detail: { boundTo, asked },
        })
      : new AppError('AUTH_WRONG_ORIGIN', {
          variant: 'cli',
          params: { boundTo, asked },
          detail: { boundTo, asked },
        }),
  wrongRegion: (boundTo: string, asked: string) =>
    new AppError('AUTH_WRONG_REGION', { params: { boundTo, asked }, detail: { boundTo, asked } }),
  deviceCodeExpired: () => new AppError('AUTH_DEVICE_CODE_EXPIRED'),
  cacheUnreadable: (cause: unknown, surface: SignInSurface) =>
    surface === 'app'
      ? new AppError('AUTH_CACHE_UNREADABLE', { variant: 'app', cause })
      : new AppError('AUTH_CACHE_UNREADABLE', { variant: 'cli', cause }),
  authority: (code: string, saidByService: string) =>
    saidByService
      ? new AppError('AUTH_AUTHORITY_ERROR', {
          variant: 'said',
          params: { code, said: said(saidByService) },
          detail: { authorityCode: code },
        })
      : new AppError('AUTH_AUTHORITY_ERROR', { params: { code }, detail: { authorityCode: code } }),
};

/** What MSAL errors carry (AuthError and subclasses); read structurally so this module does not import MSAL. */
interface MsalLikeError {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  name?: unknown;
}

function entraCode(message: string): string | undefined {
  return /\bAADSTS\d{5,6}\b/.exec(message)?.[0];
}

export interface MapContext {
  /** Host of the authority, for messages. */
  host: string;
  /** The last network failure our MSAL network module saw during this operation (MSAL wraps it and loses its code). */
  lastNetError?: AppError | undefined;
  /** Who will read the error (its remedy names the app's buttons or the CLI's commands). */
  surface: SignInSurface;
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
  if (aadsts && ENTRA_CLOCK_CODES.includes(aadsts)) return authError.clockSkew(null);
  if (aadsts && ENTRA_CONSENT_CODES.includes(aadsts)) return authError.consentDenied(aadsts);
  if (aadsts && ENTRA_REVOKED_CODES.includes(aadsts)) return authError.sessionRevoked(aadsts, ctx.surface);
  if (code === 'access_denied' || code === 'consent_required') return authError.consentDenied(msg);
  if (
    code === 'invalid_grant' ||
    code === 'interaction_required' ||
    code === 'login_required' ||
    code === 'no_tokens_found' ||
    code === 'refresh_token_expired' ||
    code === 'bad_token' ||
    sub === 'bad_token'
  )
    return authError.sessionRevoked(code, ctx.surface);
  if (code === 'expired_token' || code === 'device_code_expired') return authError.deviceCodeExpired();
  if (code === 'device_code_polling_cancelled' || code === 'user_cancelled') return authError.cancelled();
  if (code !== '') return authError.authority(code, msg);
  return new AppError('INTERNAL', { params: { cause: said(msg) } });
}
