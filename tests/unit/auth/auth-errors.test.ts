// Every sign-in failure gets a stable AUTH_* code and a remedy: MSAL's errors, Entra's AADSTS codes, network failures.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { mapAuthError } from '../../../main/core/auth/auth-errors';

const msal = (errorCode: string, errorMessage = '', subError = '') => ({
  errorCode,
  errorMessage,
  subError,
  name: 'ServerError',
});
const ctx = { host: 'login.microsoftonline.com', surface: 'cli' as const };

describe('mapAuthError', () => {
  it.each([
    [
      msal('invalid_grant', 'AADSTS700082: The refresh token has expired due to inactivity.'),
      'AUTH_SESSION_REVOKED',
    ],
    [
      msal('invalid_grant', 'AADSTS50173: The provided grant has expired due to it being revoked.'),
      'AUTH_SESSION_REVOKED',
    ],
    [msal('interaction_required', 'AADSTS50076: MFA required'), 'AUTH_SESSION_REVOKED'],
    [
      msal('invalid_request', 'AADSTS50020: User account from identity provider does not exist in tenant.'),
      'AUTH_WRONG_TENANT',
    ],
    [
      msal('unauthorized_client', 'AADSTS700016: Application not found in the directory.'),
      'AUTH_WRONG_TENANT',
    ],
    [msal('invalid_grant', 'AADSTS500133: Assertion is not within its valid time range.'), 'AUTH_CLOCK_SKEW'],
    [
      msal('invalid_grant', 'AADSTS65001: The user or administrator has not consented.'),
      'AUTH_CONSENT_DENIED',
    ],
    [msal('access_denied', 'The user declined.'), 'AUTH_CONSENT_DENIED'],
    [msal('expired_token', 'device code expired'), 'AUTH_DEVICE_CODE_EXPIRED'],
    [msal('device_code_polling_cancelled'), 'AUTH_CANCELLED'],
    [msal('temporarily_unavailable', 'try later'), 'AUTH_AUTHORITY_ERROR'],
  ])('%o → %s', (e, code) => {
    const mapped = mapAuthError(e, ctx);
    expect(mapped.code).toBe(code);
    expect(mapped.remedy.length).toBeGreaterThan(20);
  });

  it('tells no network from an untrusted certificate by the network failure MSAL swallowed', () => {
    const refused = new AppError('NET_REFUSED', 'refused', 'x');
    expect(mapAuthError(msal('network_error'), { ...ctx, lastNetError: refused })).toMatchObject({
      code: 'AUTH_NO_NETWORK',
      detail: { netCode: 'NET_REFUSED' },
    });
    const tls = new AppError('TLS_UNTRUSTED', 'untrusted', 'x');
    expect(mapAuthError(msal('endpoints_resolution_error'), { ...ctx, lastNetError: tls }).code).toBe(
      'AUTH_AUTHORITY_UNTRUSTED',
    );
  });

  it('passes our own errors through and never calls an unknown failure a success', () => {
    const own = new AppError('AUTH_WRONG_AUDIENCE', 'm', 'r');
    expect(mapAuthError(own, ctx)).toBe(own);
    expect(mapAuthError(new Error('boom'), ctx).code).toBe('INTERNAL');
  });
});
