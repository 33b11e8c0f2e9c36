// The checks made on a token before it is sent: audience, tenant, and this computer's clock.
import { describe, expect, it } from 'vitest';
import { assertAudience, assertClock, assertTenant, readClaims } from '../../../main/core/auth/token-claims';

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('token claims', () => {
  it('reads a JWT payload and treats an opaque token as unreadable', () => {
    expect(readClaims(jwt({ aud: 'api://x', tid: 't' }))).toMatchObject({ aud: 'api://x', tid: 't' });
    expect(readClaims('opaque-token-value')).toBeNull();
    expect(readClaims('a.!!!.c')).toBeNull();
  });

  it('refuses a token for another API, accepts a list that contains ours, leaves opaque tokens to the server', () => {
    expect(() => assertAudience(jwt({ aud: 'api://other' }), 'api://xs4')).toThrow(/another service/);
    expect(() => assertAudience(jwt({ aud: ['api://other', 'api://xs4'] }), 'api://xs4')).not.toThrow();
    expect(() => assertAudience('opaque', 'api://xs4')).not.toThrow();
  });

  it('refuses an account of another tenant when the region names one (case-insensitive GUIDs)', () => {
    expect(() => assertTenant({ tid: 'AAAA' }, 'aaaa')).not.toThrow();
    expect(() => assertTenant({ tid: 'bbbb' }, 'aaaa')).toThrow(
      expect.objectContaining({ code: 'AUTH_WRONG_TENANT' }),
    );
    expect(() => assertTenant({}, 'aaaa')).toThrow(expect.objectContaining({ code: 'AUTH_WRONG_TENANT' }));
    expect(() => assertTenant({ tid: 'bbbb' }, null)).not.toThrow();
  });

  it('names a clock more than 5 minutes off, either way', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const iat = now / 1000;
    expect(() => assertClock(jwt({ iat }), now + 4 * 60_000)).not.toThrow();
    expect(() => assertClock(jwt({ iat }), now + 30 * 60_000)).toThrow(/30 minutes ahead/);
    expect(() => assertClock(jwt({ iat }), now - 30 * 60_000)).toThrow(/30 minutes behind/);
  });
});
