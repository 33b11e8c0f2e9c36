// The XS4 Face simulator's second sign-in mode: access tokens of an OpenID provider, verified against its JWKS.
import * as https from 'node:https';
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';

export interface OidcTrust {
  /** Issuer (authority) whose tokens are accepted, e.g. https://127.0.0.1:PORT */
  issuer: string;
  /** The XS4 Face API's audience. */
  audience: string;
  /** JWKS URL; `<issuer>/jwks` when absent (oidc-provider's route). */
  jwksUri?: string;
  /** CA certificates (PEM) to trust for the provider's TLS. */
  ca?: string[];
  /** Seconds of clock difference tolerated on exp/nbf (default 30). */
  clockToleranceS?: number;
}

export interface VerifiedToken {
  user: string;
  tenantId: string | null;
}

/** Why a token was refused, in the words of RFC 6750's WWW-Authenticate error_description. */
export class TokenRefused extends Error {}

function getJson(url: string, ca: string[] | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ...(ca ? { ca } : {}), timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('JWKS request timed out')));
    req.on('error', reject);
  });
}

export function oidcVerifier(trust: OidcTrust): (token: string) => Promise<VerifiedToken> {
  const jwksUri = trust.jwksUri ?? `${trust.issuer.replace(/\/$/, '')}/jwks`;
  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  const load = async (): Promise<ReturnType<typeof createLocalJWKSet>> =>
    (keys = createLocalJWKSet((await getJson(jwksUri, trust.ca)) as JSONWebKeySet));
  return async (token) => {
    if (token.split('.').length !== 3) throw new TokenRefused('not a JWT');
    let set = keys ?? (await load());
    for (let attempt = 0; ; attempt++) {
      try {
        const { payload } = await jwtVerify(token, set, {
          issuer: trust.issuer,
          audience: trust.audience,
          clockTolerance: trust.clockToleranceS ?? 30,
        });
        const user = [payload['preferred_username'], payload['email'], payload.sub].find(
          (v): v is string => typeof v === 'string',
        );
        return {
          user: user ?? 'unknown',
          tenantId: typeof payload['tid'] === 'string' ? payload['tid'] : null,
        };
      } catch (e) {
        // A key rotated since the JWKS was read: read it once more.
        if (e instanceof errors.JWKSNoMatchingKey && attempt === 0) {
          set = await load();
          continue;
        }
        if (e instanceof errors.JWTExpired) throw new TokenRefused('the access token expired');
        if (e instanceof errors.JWTClaimValidationFailed)
          throw new TokenRefused(`the token's "${e.claim}" claim is not accepted (${e.reason})`);
        throw new TokenRefused('the token signature or format is invalid');
      }
    }
  };
}
