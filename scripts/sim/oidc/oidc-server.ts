// A local OpenID provider for sign-in tests and the demo: oidc-provider (OpenID certified) over real HTTPS on 127.0.0.1.
//
// It plays the Microsoft identity platform of one XS4 Face region: authorization code + PKCE for a native public
// client with a loopback redirect, refresh tokens, the device code flow, JWT access tokens for the XS4 Face API
// (audience checked by the XS4 Face simulator against this provider's JWKS), and a `tid` claim per account.
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { makeCert, type Pem } from '../certs';
import { entraDeviceGrant, html } from './oidc-http';
import { interaction } from './oidc-interaction';
import { deviceConfirmPage, deviceDonePage, deviceInputPage, errorPage } from './oidc-pages';
import { DEFAULT_USERS, type SimUser } from './oidc-users';

export { DEFAULT_USERS, OTHER_TENANT, SIM_PASSWORD, SIM_TENANT, type SimUser } from './oidc-users';

/** The XS4 Face API as a resource: the audience of its access tokens, and the scope that asks for it. */
export const SIM_API_AUDIENCE = 'api://xs4face-sim';
export const SIM_API_SCOPE = `${SIM_API_AUDIENCE}/console.access`;
/** Another API of the same directory: asking for it gives a token the XS4 Face server must refuse. */
export const OTHER_API_AUDIENCE = 'api://other-api';
export const OTHER_API_SCOPE = `${OTHER_API_AUDIENCE}/read`;
export const SIM_CLIENT_ID = 'xs4-space-assistant-sim';

export interface OidcSimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  certificate?: Pem;
  users?: SimUser[];
  /** Lifetime of access tokens for the XS4 Face API (default 3600 s). */
  accessTokenTtlSeconds?: number;
  /**
   * Also accept what MSAL sends because Microsoft Entra accepts it (default true): the device code grant named
   * `device_code` instead of RFC 8628's URN, and an `interval` in the device authorization answer (optional in RFC 8628,
   * read by MSAL without a default). With false the provider is strictly RFC 8628 and MSAL's device code flow fails
   * (docs/sign-in.md; pinned by a test).
   */
  entraCompat?: boolean;
}

export interface OidcSimulator {
  /** The authority (issuer), e.g. https://127.0.0.1:PORT */
  issuer: string;
  port: number;
  jwksUri: string;
  clientId: string;
  audience: string;
  scope: string;
  users: SimUser[];
  setAccessTokenTtl(seconds: number): void;
  /** Revokes every refresh token and grant issued so far (as an admin revoking sessions would). */
  revokeAll(): Promise<number>;
  /** How many token endpoint answers carried a new access token, by grant type. */
  issued(grant: 'authorization_code' | 'refresh_token' | 'device_code'): number;
  close(): Promise<void>;
}

export async function startOidcSimulator(opts: OidcSimulatorOptions = {}): Promise<OidcSimulator> {
  const pem = opts.certificate ?? makeCert({ commonName: 'login.sim', altNames: ['127.0.0.1', 'localhost'] });
  const users = opts.users ?? DEFAULT_USERS;
  let accessTokenTtl = opts.accessTokenTtlSeconds ?? 3600;
  const refreshTokens = new Set<{ destroy(): Promise<void> }>();
  const grants = new Set<string>();
  const issuedCount = { authorization_code: 0, refresh_token: 0, device_code: 0 };
  const sockets = new Set<Socket>();

  // The issuer carries the port, so the server listens first and the provider is made once the port is known.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => html(r, 503, 'starting');
  const srv = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => handler(req, res));
  srv.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  srv.on('tlsClientError', () => {});
  const port = await new Promise<number>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(opts.port ?? 0, '127.0.0.1', () => resolve((srv.address() as AddressInfo).port));
  });
  const issuer = `https://127.0.0.1:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const byId = (id: string): SimUser | undefined => users.find((u) => u.email === id);

  const config: Configuration = {
    clients: [
      {
        client_id: SIM_CLIENT_ID,
        client_name: 'XS4 Face Space Assistant',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // RFC 8252 §7.3: for native clients the loopback port is not compared.
        redirect_uris: ['http://localhost', 'http://127.0.0.1'],
        grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'tid', 'oid'],
      email: ['email'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    // Entra puts the profile claims in the ID token; so does this provider.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const u = byId(id);
      if (!u) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          oid: id,
          tid: u.tenantId,
          name: u.name,
          preferred_username: u.email,
          email: u.email,
        }),
      };
    },
    // MSAL asks for offline_access without prompt=consent, as Entra allows; issue refresh tokens for it.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AccessToken: () => accessTokenTtl,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      DeviceCode: 600,
      Interaction: 600,
      Session: 24 * 3600,
      Grant: 24 * 3600,
      AuthorizationCode: 60,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // MSAL derives the device code endpoint from the token endpoint (Entra's layout: …/token → …/devicecode).
    routes: { device_authorization: '/devicecode' },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
        async userCodeInputSource(ctx: KoaContextWithOIDC, form: string, _out: unknown, err?: Error) {
          ctx.type = 'html';
          ctx.body = deviceInputPage(
            form,
            err
              ? err.name === 'NoCodeError' || 'userCode' in err
                ? 'That code is not right. Try again.'
                : 'The request could not be processed.'
              : undefined,
          );
        },
        async userCodeConfirmSource(
          ctx: KoaContextWithOIDC,
          form: string,
          client,
          _info: unknown,
          userCode: string,
        ) {
          ctx.type = 'html';
          ctx.body = deviceConfirmPage(form, client.clientName ?? client.clientId, userCode);
        },
        async successSource(ctx: KoaContextWithOIDC) {
          ctx.type = 'html';
          ctx.body = deviceDonePage(ctx.oidc.client?.clientName ?? 'the app');
        },
      },
      resourceIndicators: {
        enabled: true,
        // MSAL sends scopes, not `resource`: the resource is read from the API scope asked for, as Entra does.
        defaultResource: (ctx) => {
          const scope = String(ctx.oidc.params?.scope ?? '');
          return scope.includes(OTHER_API_AUDIENCE) ? OTHER_API_AUDIENCE : SIM_API_AUDIENCE;
        },
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => ({
          scope: indicator === OTHER_API_AUDIENCE ? OTHER_API_SCOPE : SIM_API_SCOPE,
          audience: indicator,
          accessTokenFormat: 'jwt',
          accessTokenTTL: accessTokenTtl,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    async extraTokenClaims(_ctx, token) {
      const id = 'accountId' in token ? token.accountId : undefined;
      const u = id ? byId(id) : undefined;
      return u ? { tid: u.tenantId, preferred_username: u.email, name: u.name } : undefined;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error ?? 'error'), String(out.error_description ?? ''));
    },
  };

  const provider = new Provider(issuer, config);
  provider.on('refresh_token.saved', (t: { destroy(): Promise<void> }) => refreshTokens.add(t));
  provider.on('grant.saved', (g: { jti: string }) => grants.add(g.jti));
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const gt = String(ctx.oidc.params?.grant_type ?? '');
    if (gt === 'authorization_code') issuedCount.authorization_code += 1;
    else if (gt === 'refresh_token') issuedCount.refresh_token += 1;
    else if (gt.endsWith(':device_code')) issuedCount.device_code += 1;
  });
  const entraCompat = opts.entraCompat !== false;
  // RFC 8628 makes `interval` optional (default 5 s); MSAL reads it without a default, as Entra always sends it.
  provider.use(async (ctx, next) => {
    await next();
    if (
      entraCompat &&
      ctx.path === '/devicecode' &&
      ctx.status === 200 &&
      ctx.body &&
      typeof ctx.body === 'object'
    ) {
      const b = ctx.body as Record<string, unknown>;
      ctx.body = {
        ...b,
        interval: 1,
        message: `To sign in, open ${String(b.verification_uri)} and enter the code ${String(b.user_code)}.`,
      };
    }
  });

  const callback = provider.callback();

  handler = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (entraCompat && path === '/token' && req.method === 'POST') {
      entraDeviceGrant(req).then(
        (r) => void callback(r, res),
        () => html(res, 400, errorPage('invalid_request', 'The request body could not be read.')),
      );
      return;
    }
    if (path.startsWith('/interaction/')) {
      interaction(provider, byId, req, res, path).catch((e: unknown) => {
        if (!res.headersSent)
          html(res, 400, errorPage('interaction_failed', e instanceof Error ? e.message : String(e)));
        else res.destroy();
      });
      return;
    }
    void callback(req, res);
  };

  return {
    issuer,
    port,
    jwksUri: `${issuer}/jwks`,
    clientId: SIM_CLIENT_ID,
    audience: SIM_API_AUDIENCE,
    scope: SIM_API_SCOPE,
    users,
    setAccessTokenTtl(s) {
      accessTokenTtl = s;
    },
    async revokeAll() {
      let n = 0;
      for (const t of refreshTokens) {
        await t.destroy();
        n += 1;
      }
      refreshTokens.clear();
      for (const id of grants) {
        const g = await provider.Grant.find(id);
        if (g) await g.destroy();
      }
      grants.clear();
      return n;
    },
    issued: (g) => issuedCount[g],
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      });
    },
  };
}
