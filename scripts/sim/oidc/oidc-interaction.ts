// The local OpenID provider's own pages: sign-in, consent and cancel (oidc-provider leaves interactions to the host).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { html, formBody } from './oidc-http';
import { consentPage, errorPage, loginPage } from './oidc-pages';
import { SIM_PASSWORD, type SimUser } from './oidc-users';

export async function interaction(
  provider: Provider,
  byId: (id: string) => SimUser | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const m = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?$/.exec(path);
  if (!m) return html(res, 404, errorPage('not_found', 'No such page.'));
  const details = await provider.interactionDetails(req, res);
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? String(details.params.client_id);
  const action = m[2];
  if (action === 'abort') {
    return provider.interactionFinished(
      req,
      res,
      {
        error: 'access_denied',
        error_description: 'The user declined to sign in or to grant the permissions.',
      },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === 'login' && req.method === 'POST') {
    const form = await formBody(req);
    const login = (form.get('login') ?? '').trim().toLowerCase();
    if (!byId(login) || form.get('password') !== SIM_PASSWORD)
      return html(
        res,
        200,
        loginPage(details.uid, clientName, 'That email or password is not right.', login),
      );
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: login } },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === 'confirm' && req.method === 'POST') {
    const d = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ??
        new provider.Grant({ accountId: details.session!.accountId, clientId: client!.clientId }))
      : new provider.Grant({ accountId: details.session!.accountId, clientId: client!.clientId });
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  if (details.prompt.name === 'login') return html(res, 200, loginPage(details.uid, clientName));
  const d = details.prompt.details as {
    missingOIDCScope?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  const asked = [
    'Sign you in and read your profile',
    ...(d.missingOIDCScope?.includes('offline_access') ? ['Keep you signed in (refresh tokens)'] : []),
    ...Object.values(d.missingResourceScopes ?? {})
      .flat()
      .map((s) => `Use ${s}`),
  ];
  return html(res, 200, consentPage(details.uid, clientName, details.session?.accountId ?? '', asked));
}
