// Reads the claims of a JWT without trusting them: only to refuse a token before it is sent (audience, tenant, clock).
//
// The XS4 Face server verifies the signature; the app only avoids sending a token that cannot be right, and explains why.
import { z } from 'zod';
import { authError } from './auth-errors';
import { MAX_CLOCK_SKEW_MS } from './auth-assumptions';

const ClaimsSchema = z
  .object({
    aud: z.union([z.string(), z.array(z.string())]).optional(),
    tid: z.string().optional(),
    iat: z.number().optional(),
    nbf: z.number().optional(),
    exp: z.number().optional(),
  })
  .loose();
export type TokenClaims = z.infer<typeof ClaimsSchema>;

/** The payload of a JWS compact token, or null for an opaque token (Entra may issue opaque tokens for its own APIs). */
export function readClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    const r = ClaimsSchema.safeParse(json);
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Refuses a token meant for another API. Opaque tokens cannot be read and are left to the server. */
export function assertAudience(token: string, expected: string): void {
  const c = readClaims(token);
  if (!c || c.aud === undefined) return;
  const auds = Array.isArray(c.aud) ? c.aud : [c.aud];
  // Entra writes either the App ID URI or the app's GUID; the region file names the one its API accepts.
  if (!auds.includes(expected)) throw authError.wrongAudience(auds.join(', '), expected);
}

/** Refuses an account of another organisation when the region names its tenant. */
export function assertTenant(idTokenClaims: { tid?: unknown } | undefined, expected: string | null): void {
  if (expected === null) return;
  const tid = typeof idTokenClaims?.tid === 'string' ? idTokenClaims.tid : null;
  if (tid?.toLowerCase() !== expected.toLowerCase()) throw authError.wrongTenant(tid, expected);
}

/**
 * A token is issued "now" by the authority's clock: a large gap to this computer's clock means the clock is wrong,
 * and the XS4 Face server (or Entra, for the next request) would refuse the tokens as not yet or no longer valid.
 */
export function assertClock(token: string, nowMs: number): void {
  const c = readClaims(token);
  const issued = c?.iat ?? c?.nbf;
  if (issued === undefined) return;
  const skew = nowMs - issued * 1000;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) throw authError.clockSkew(skew);
}
