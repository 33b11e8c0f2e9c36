// The routes of the XS4 Face API contract (docs/face-server-api.md) as the simulator serves them, over its world.
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { faceKeyFingerprint } from '../../../main/core/secrets/fingerprint';
import { KNOWN_INTEGRATION_TYPES, SPACE_INTEGRATION_TYPE } from '../wire';
import type { RouteId } from './sim-faults';
import { HttpFail, obj, readJson } from './sim-http';
import { newAuthKey, type SimServerState, type SimState } from './sim-state';
import type { ProbeResult } from './ship-probe';

export interface PendingChange {
  /** "siteId/serverId" of the server the change is for. */
  server: string;
  applyAt: number;
  apply: () => void;
  /** Decided when the change is queued: the on-site server will refuse it. */
  willFail: boolean;
  state: 'pending' | 'applied' | 'failed';
}

/** A queued write as the API answers it. */
export interface ChangeAnswer {
  change: { changeId: string; state: PendingChange['state']; error: string | null };
}

export interface RouteAnswer {
  id: RouteId;
  body: unknown;
  status?: number;
}

/** What the routes read and change: the simulated servers, their pending writes, and Space as XS4 Face sees it. */
export interface SimWorld {
  state: SimState;
  changes: Map<string, PendingChange>;
  server(siteId: string, serverId: string): SimServerState;
  /** Queues a write for the server "siteId/serverId" (an offline server receives it when it is back). */
  change(server: string, apply: () => void): ChangeAnswer;
  changeError(c: PendingChange): string | null;
  spaceStatus(s: SimServerState): Promise<ProbeResult & { lastCheckedAt: string | null }>;
  requireSpace(s: SimServerState): void;
  generalOptions(s: SimServerState): unknown;
}

/** The route id of a request, known before it runs (for latency, injected statuses and hit counts). */
export function routeIdOf(method: string, rel: string): RouteId | undefined {
  if (rel === 'whoami' && method === 'GET') return 'whoami';
  if (rel === 'sites' && method === 'GET') return 'sites';
  const m = /^sites\/[^/]+\/servers\/[^/]+\/(.+)$/.exec(rel);
  if (!m) return undefined;
  if (method === 'GET' && /^changes\/[^/]+$/.test(m[1]!)) return 'change.get';
  const table: Record<string, RouteId> = {
    'GET integrations': 'integrations.list',
    'POST integrations': 'integrations.add',
    'GET integrations/salto-space': 'space.get',
    'PUT integrations/salto-space': 'space.put',
    'GET integrations/salto-space/general-options': 'general-options.get',
    'POST integrations/salto-space/authentication-key/reset': 'auth-key.reset',
    'GET integrations/salto-space/install-script': 'install-script.get',
    'GET enrollment': 'enrollment.get',
    'PUT enrollment': 'enrollment.put',
  };
  return table[`${method} ${m[1]!}`];
}

export async function route(
  w: SimWorld,
  method: string,
  path: string,
  req: IncomingMessage,
  /** The user of a verified OpenID access token; the account's user for the static token. */
  signedInUser?: string,
): Promise<RouteAnswer> {
  const { state } = w;
  if (method === 'GET' && path === 'whoami')
    return { id: 'whoami', body: { apiVersion: '1', user: signedInUser ?? state.user } };
  if (method === 'GET' && path === 'sites') {
    // The Console's "pending messages": changes XS4 Face Connect still holds for each server.
    const pending = (key: string): number =>
      [...w.changes.values()].filter((c) => c.server === key && c.state === 'pending').length;
    const sites = state.sites.map((site) => ({
      ...site,
      servers: site.servers.map((v) => ({ ...v, pendingMessages: pending(`${site.id}/${v.id}`) })),
    }));
    return { id: 'sites', body: { sites } };
  }
  const m = /^sites\/([^/]+)\/servers\/([^/]+)\/(.+)$/.exec(path);
  if (!m) throw new HttpFail(404, 'not_found', 'No such route.');
  const serverKey = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
  const s = w.server(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
  const rest = m[3]!;
  const cm = /^changes\/([^/]+)$/.exec(rest);
  if (method === 'GET' && cm) {
    const c = w.changes.get(decodeURIComponent(cm[1]!));
    if (!c) throw new HttpFail(404, 'not_found', 'No such change.');
    return {
      id: 'change.get',
      body: { changeId: decodeURIComponent(cm[1]!), state: c.state, error: w.changeError(c) },
    };
  }
  switch (`${method} ${rest}`) {
    case 'GET integrations': {
      const integrations = [];
      for (const type of s.integrations) {
        const st =
          type === SPACE_INTEGRATION_TYPE
            ? await w.spaceStatus(s)
            : { status: 'unconfigured', lastError: null, lastCheckedAt: null };
        integrations.push({ type, name: type === SPACE_INTEGRATION_TYPE ? 'Salto Space' : type, ...st });
      }
      return {
        id: 'integrations.list',
        body: {
          integrations,
          available: KNOWN_INTEGRATION_TYPES.filter((t) => !s.integrations.includes(t)),
        },
      };
    }
    case 'POST integrations': {
      const add = obj(await readJson(req)).add;
      if (!Array.isArray(add) || add.length === 0 || !add.every((t) => typeof t === 'string'))
        throw new HttpFail(400, 'bad_request', '"add" must be a list of integration types.');
      for (const t of add as string[])
        if (!(KNOWN_INTEGRATION_TYPES as readonly string[]).includes(t))
          throw new HttpFail(400, 'unknown_integration', `Unknown integration "${t}".`);
      return {
        id: 'integrations.add',
        status: 202,
        body: w.change(serverKey, () => {
          for (const t of add as string[]) if (!s.integrations.includes(t)) s.integrations.push(t);
        }),
      };
    }
    case 'GET integrations/salto-space': {
      w.requireSpace(s);
      const st = await w.spaceStatus(s);
      const key = s.space.shipApiKey;
      return {
        id: 'space.get',
        body: {
          host: s.space.host,
          port: s.space.port,
          https: s.space.https,
          shipApiKey: { set: key !== null, fingerprint: key === null ? null : faceKeyFingerprint(key) },
          ...st,
        },
      };
    }
    case 'PUT integrations/salto-space': {
      w.requireSpace(s);
      const b = obj(await readJson(req));
      if (typeof b.host !== 'string' || b.host.length === 0 || b.host.length > 253)
        throw new HttpFail(400, 'bad_request', '"host" must be a host name.');
      if (typeof b.port !== 'number' || !Number.isInteger(b.port) || b.port < 1 || b.port > 65535)
        throw new HttpFail(400, 'bad_request', '"port" must be 1-65535.');
      if (typeof b.https !== 'boolean')
        throw new HttpFail(400, 'bad_request', '"https" must be true or false.');
      if (b.shipApiKey !== undefined && (typeof b.shipApiKey !== 'string' || b.shipApiKey.length === 0))
        throw new HttpFail(400, 'bad_request', '"shipApiKey" must be a non-empty string.');
      const next = {
        host: b.host,
        port: b.port,
        https: b.https,
        shipApiKey: typeof b.shipApiKey === 'string' ? b.shipApiKey : s.space.shipApiKey,
      };
      return {
        id: 'space.put',
        status: 202,
        body: w.change(serverKey, () => {
          s.space = next;
        }),
      };
    }
    case 'GET integrations/salto-space/general-options':
      w.requireSpace(s);
      return { id: 'general-options.get', body: w.generalOptions(s) };
    case 'POST integrations/salto-space/authentication-key/reset':
      w.requireSpace(s);
      await readJson(req);
      return {
        id: 'auth-key.reset',
        status: 202,
        body: w.change(serverKey, () => {
          s.authKey = newAuthKey();
        }),
      };
    case 'GET integrations/salto-space/install-script': {
      w.requireSpace(s);
      const content = Buffer.from(s.installScript.content, 'utf8');
      return {
        id: 'install-script.get',
        body: {
          fileName: s.installScript.fileName,
          sha256: createHash('sha256').update(content).digest('hex'),
          contentBase64: content.toString('base64'),
        },
      };
    }
    case 'GET enrollment':
      return { id: 'enrollment.get', body: { ...s.enrollment } };
    case 'PUT enrollment': {
      const b = obj(await readJson(req));
      if (typeof b.companyName !== 'string' || b.companyName.trim() === '' || b.companyName.length > 256)
        throw new HttpFail(400, 'bad_request', '"companyName" must be 1-256 characters.');
      if (typeof b.privacyPolicyUrl !== 'string' || !/^https:\/\//.test(b.privacyPolicyUrl))
        throw new HttpFail(400, 'bad_request', '"privacyPolicyUrl" must be an https URL.');
      const next = { companyName: b.companyName, privacyPolicyUrl: b.privacyPolicyUrl };
      return {
        id: 'enrollment.put',
        status: 202,
        body: w.change(serverKey, () => {
          s.enrollment = next;
        }),
      };
    }
  }
  throw new HttpFail(404, 'not_found', 'No such route.');
}
