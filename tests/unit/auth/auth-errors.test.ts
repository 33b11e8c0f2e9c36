// Every sign-in failure gets a stable AUTH_* code and a remedy: MSAL's errors, Entra's AADSTS codes, network failures.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { authError, mapAuthError, type SignInSurface } from '../../../main/core/auth/auth-errors';
import { pickRegion } from '../../../main/core/auth/regions';
import { AUTH_REGIONS } from '../../../main/core/auth/auth-assumptions';
import { LANGUAGES } from '../../../contract/languages';
import { renderText } from '../../../messages/render';

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

/** Every AUTH_* error the core can raise, as the app or the CLI would read it. */
function everyAuthError(surface: SignInSurface): AppError[] {
  const errors = [
    authError.notSignedIn('Europe', surface),
    authError.browserTimeout(5, surface),
    authError.browserFailed(new Error('no browser'), surface),
    authError.cancelled(),
    authError.consentDenied(),
    authError.consentDenied('AADSTS65001'),
    authError.wrongTenant(null, null),
    authError.wrongTenant('bbbb', 'aaaa'),
    authError.wrongTenant(null, 'aaaa'),
    authError.clockSkew(30 * 60_000),
    authError.clockSkew(-1 * 60_000),
    authError.clockSkew(null),
    authError.noNetwork('login.example', undefined),
    authError.noNetwork('login.example', 'NET_REFUSED'),
    authError.authorityUntrusted('login.example'),
    authError.sessionRevoked('invalid_grant', surface),
    authError.wrongAudience('api://other', 'api://xs4'),
    authError.wrongOrigin('https://a.example', 'https://b.example', surface),
    authError.wrongRegion('eu', 'us'),
    authError.deviceCodeExpired(),
    authError.cacheUnreadable(new Error('x'), surface),
    authError.authority('temporarily_unavailable', ''),
    authError.authority('temporarily_unavailable', 'try later'),
  ];
  try {
    pickRegion(AUTH_REGIONS, 'eu', surface);
  } catch (e) {
    errors.push(e as AppError);
  }
  return errors;
}

describe('sign-in errors in every language', () => {
  for (const surface of ['app', 'cli'] as const)
    it(`(${surface}) have a sentence and a remedy of their own in each of the six languages`, () => {
      const problems: string[] = [];
      for (const e of everyAuthError(surface)) {
        const { message, remedy } = e.texts();
        expect(typeof message).toBe('object');
        for (const language of LANGUAGES) {
          for (const t of [message, remedy]) {
            const said = renderText(t, language);
            // i18next answers a missing key with the key itself, a missing parameter with its {{name}}.
            if (said.includes('errors.AUTH_') || said.includes('{{') || said.includes('auth.duration'))
              problems.push(`${language} ${e.code}: ${said}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

  it("the app's remedies name its buttons, never a CLI command or option; the CLI's name its commands", () => {
    const app = everyAuthError('app');
    for (const language of LANGUAGES)
      for (const e of app) expect(renderText(e.texts().remedy, language)).not.toMatch(/xs4-setup|--[a-z]/);
    const timeout = authError.browserTimeout(5, 'app').texts().remedy;
    expect(renderText(timeout, 'en')).toContain('“Use a code on another device”');
    expect(renderText(timeout, 'es')).toContain('«Usar un código en otro dispositivo»');
    expect(authError.browserTimeout(5, 'cli').remedy).toContain('--device-code');
    expect(authError.sessionRevoked('invalid_grant', 'cli').remedy).toBe('Sign in again (xs4-setup login).');
  });

  it('counts minutes in the grammar of each language', () => {
    const say = (n: number, language: (typeof LANGUAGES)[number]) =>
      renderText(authError.clockSkew(n * 60_000).texts().message, language);
    expect(say(1, 'en')).toBe("This computer's clock is 1 minute ahead of the sign-in service.");
    expect(say(30, 'en')).toBe("This computer's clock is 30 minutes ahead of the sign-in service.");
    expect(say(2, 'ar')).toContain('دقيقتين');
    expect(say(30, 'de')).toContain('30 Minuten vor');
  });
});
