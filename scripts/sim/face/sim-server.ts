// The XS4 Face simulator: serves the contract of docs/face-server-api.md over real HTTPS on 127.0.0.1, statuses computed for real.
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { makeCert, type Pem } from '../certs';
import { AUTH_KEY_OPTION_ID, FACE_API_BASE_PATH, SPACE_INTEGRATION_TYPE } from '../wire';
import { fingerprintOf, HttpFail, readJson, sameSecret, sendJson } from './sim-http';
import {
  route,
  routeIdOf,
  type ChangeAnswer,
  type PendingChange,
  type RouteAnswer,
  type SimWorld,
} from './sim-routes';
import {
  DEFAULT_SERVER,
  DEFAULT_SITE,
  type SimServerState,
  type SimState,
  defaultState,
  loadState,
  saveState,
} from './sim-state';
import { type Faults, FaultsSchema, type RouteId, garbageBody, noFaults, pick } from './sim-faults';
import { type ProbeResult, type SpaceTrust, probeSpace } from './ship-probe';
import { type OidcTrust, TokenRefused, oidcVerifier } from './oidc-tokens';

export interface FaceSimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Bearer token the simulator accepts; random when absent. */
  token?: string;
  /** Token for /__admin routes; random when absent. */
  adminToken?: string;
  certificate?: Pem;
  /** JSON file holding the state across restarts; memory only when absent. */
  stateFile?: string;
  initialState?: SimState;
  faults?: Partial<Faults>;
  /** How the simulator trusts Space's certificate when it calls SHIP. */
  spaceTrust?: SpaceTrust;
  /** Timeout of the SHIP GetInfo probe. */
  shipTimeoutMs?: number;
  /** Also accept access tokens of this OpenID provider (verified against its JWKS: issuer, audience, expiry). */
  oidc?: OidcTrust;
}

export interface FaceSimulator {
  url: string;
  port: number;
  fingerprint256: string;
  token: string;
  adminToken: string;
  siteId: string;
  serverId: string;
  /** How many requests reached this route since start (retries show up here). */
  hits(route: RouteId): number;
  setFaults(f: Partial<Faults>): void;
  clearFaults(): void;
  /** Serves a new certificate from now on (a fresh self-signed one when none is given); returns its fingerprint. */
  replaceCertificate(pem?: Pem): string;
  /** Direct access to one server's state, for planting hostile values in tests. */
  serverState(siteId?: string, serverId?: string): SimServerState;
  setSpaceTrust(t: SpaceTrust): void;
  /** Takes a server off line (its writes stay pending) or back on line (they apply). */
  setServerOnline(siteId: string, serverId: string, online: boolean): void;
  close(): Promise<void>;
}

export async function startFaceSimulator(opts: FaceSimulatorOptions = {}): Promise<FaceSimulator> {
  let pem =
    opts.certificate ??
    makeCert({ commonName: 'xs4face.local', altNames: ['localhost', '127.0.0.1', 'xs4face.local'] });
  const token = opts.token ?? randomBytes(18).toString('base64url');
  const adminToken = opts.adminToken ?? randomBytes(18).toString('base64url');
  const state: SimState = opts.initialState ?? loadState(opts.stateFile);
  let faults: Faults = { ...noFaults(), ...opts.faults };
  let spaceTrust: SpaceTrust = opts.spaceTrust ?? {};
  const shipTimeoutMs = opts.shipTimeoutMs ?? 3000;
  const changes = new Map<string, PendingChange>();
  const verifyOidc = opts.oidc ? oidcVerifier(opts.oidc) : undefined;
  const sockets = new Set<Socket>();
  const hitCount = new Map<RouteId, number>();
  let url = '';

  const persist = (): void => saveState(opts.stateFile, state);

  const online = (key: string): boolean =>
    state.sites.some((site) => site.servers.some((v) => `${site.id}/${v.id}` === key && v.online));

  function settleDue(): void {
    const now = Date.now();
    for (const c of changes.values()) {
      // An offline server receives nothing: its changes wait in XS4 Face Connect ("pending messages").
      if (c.state === 'pending' && now >= c.applyAt && online(c.server)) {
        c.state = c.willFail ? 'failed' : 'applied';
        if (!c.willFail) c.apply();
      }
    }
  }

  /** Queues a write like XS4 Face Connect would: applied now, or after the configured pending delay. */
  function change(server: string, apply: () => void): ChangeAnswer {
    const changeId = `chg-${randomBytes(6).toString('hex')}`;
    const effective = (): void => {
      if (faults.ignoreWrites) return;
      apply();
      persist();
    };
    const c: PendingChange = {
      server,
      applyAt: Date.now() + faults.pendingMs,
      apply: effective,
      willFail: faults.failWrites,
      state: 'pending',
    };
    changes.set(changeId, c);
    settleDue();
    return { change: { changeId, state: c.state, error: changeError(c) } };
  }

  function changeError(c: PendingChange): string | null {
    return c.state === 'failed' ? 'The XS4 Face server refused the configuration (simulated).' : null;
  }

  function server(siteId: string, serverId: string): SimServerState {
    const s = state.servers[`${siteId}/${serverId}`];
    if (!s) throw new HttpFail(404, 'not_found', `No server ${siteId}/${serverId}.`);
    return s;
  }

  async function spaceStatus(s: SimServerState): Promise<ProbeResult & { lastCheckedAt: string | null }> {
    const r = await probeSpace(s.space, spaceTrust, shipTimeoutMs);
    return { ...r, lastCheckedAt: r.status === 'unconfigured' ? null : new Date().toISOString() };
  }

  function requireSpace(s: SimServerState): void {
    if (!s.integrations.includes(SPACE_INTEGRATION_TYPE))
      throw new HttpFail(404, 'not_added', 'The Salto Space integration has not been added.');
  }

  function generalOptions(s: SimServerState): unknown {
    return {
      options: [
        {
          id: 'serverAddress',
          label: 'XS4 Face server address',
          value: url.replace(/\/$/, ''),
          secret: false,
        },
        { id: AUTH_KEY_OPTION_ID, label: 'Authentication (API key)', value: s.authKey, secret: true },
      ],
    };
  }

  const world: SimWorld = {
    state,
    changes,
    server,
    change,
    changeError,
    spaceStatus,
    requireSpace,
    generalOptions,
  };

  async function admin(
    method: string,
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const given = String(req.headers['x-sim-admin-token'] ?? '');
    if (!sameSecret(given, adminToken))
      return sendJson(res, 401, { error: { code: 'unauthorized', message: 'Admin token required.' } });
    if (method === 'GET' && path === 'faults') return sendJson(res, 200, faults);
    if (method === 'POST' && path === 'faults') {
      const r = FaultsSchema.partial().safeParse(await readJson(req));
      if (!r.success)
        return sendJson(res, 400, {
          error: {
            code: 'bad_request',
            message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          },
        });
      faults = { ...faults, ...r.data };
      return sendJson(res, 200, faults);
    }
    if (method === 'POST' && path === 'faults/clear') {
      faults = noFaults();
      return sendJson(res, 200, faults);
    }
    if (method === 'POST' && path === 'replace-certificate')
      return sendJson(res, 200, { fingerprint256: api.replaceCertificate() });
    return sendJson(res, 404, { error: { code: 'not_found', message: 'No such admin route.' } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'https://sim.invalid').pathname.replace(/^\//, '');
    if (path.startsWith('__admin/')) return admin(method, path.slice('__admin/'.length), req, res);
    if (!path.startsWith(FACE_API_BASE_PATH))
      return sendJson(res, 404, { error: { code: 'not_found', message: 'Not an API path.' } });
    // A slow server is slow for every answer, a refused sign-in included (latency is "before every answer").
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    const auth = String(req.headers.authorization ?? '');
    const bearer = /^Bearer (.+)$/.exec(auth)?.[1];
    let signedInUser: string | undefined;
    if (bearer === undefined) {
      return sendJson(res, 401, { error: { code: 'unauthorized', message: 'Sign in required.' } });
    }
    if (!sameSecret(bearer, token)) {
      // RFC 6750: a refused bearer token is named in WWW-Authenticate, and the reason in the body.
      const refuse = (why: string): void => {
        res.setHeader(
          'WWW-Authenticate',
          `Bearer error="invalid_token", error_description="${why.replace(/"/g, "'")}"`,
        );
        sendJson(res, 401, { error: { code: 'invalid_token', message: `Sign-in refused: ${why}.` } });
      };
      if (!verifyOidc) return refuse('unknown token');
      try {
        signedInUser = (await verifyOidc(bearer)).user;
      } catch (e) {
        return refuse(e instanceof TokenRefused ? e.message : 'the token could not be verified');
      }
    }
    settleDue();
    const rel = path.slice(FACE_API_BASE_PATH.length);
    const early = routeIdOf(method, rel);
    // Injected statuses come before the route runs (as the latency above), so an injected 503 on a write changes nothing.
    if (early !== undefined) {
      hitCount.set(early, (hitCount.get(early) ?? 0) + 1);
      const forced = pick(faults.status, early);
      if (forced !== undefined)
        return sendJson(res, forced, { error: { code: 'injected', message: `Injected HTTP ${forced}.` } });
    }
    let out: RouteAnswer;
    try {
      out = await route(world, method, rel, req, signedInUser);
    } catch (e) {
      if (e instanceof HttpFail)
        return sendJson(res, e.status, { error: { code: e.code, message: e.message } });
      throw e;
    }
    if (faults.drop.includes(out.id) || faults.drop.includes('*')) {
      const buf = Buffer.from(JSON.stringify(out.body));
      res.writeHead(out.status ?? 200, {
        'Content-Type': 'application/json',
        'Content-Length': buf.length + 100,
      });
      res.write(buf.subarray(0, Math.floor(buf.length / 2)));
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    const g = pick(faults.garbage, out.id);
    if (g !== undefined) {
      const gb = garbageBody(g, out.body);
      res.writeHead(out.status ?? 200, { 'Content-Type': gb.contentType });
      for (const c of gb.chunks) if (!res.write(c)) await new Promise((r) => res.once('drain', r));
      res.end();
      return;
    }
    sendJson(res, out.status ?? 200, out.body);
  }

  const srv = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { code: 'internal', message: e instanceof Error ? e.message : 'internal' },
        });
      else res.destroy();
    });
  });
  srv.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  srv.on('tlsClientError', () => {});
  const port = await new Promise<number>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(opts.port ?? 0, '127.0.0.1', () => resolve((srv.address() as AddressInfo).port));
  });
  url = `https://127.0.0.1:${port}/`;
  persist();

  const api: FaceSimulator = {
    url,
    port,
    get fingerprint256() {
      return fingerprintOf(pem);
    },
    token,
    adminToken,
    siteId: DEFAULT_SITE,
    serverId: DEFAULT_SERVER,
    hits(r) {
      return hitCount.get(r) ?? 0;
    },
    setFaults(f) {
      faults = { ...faults, ...f };
    },
    clearFaults() {
      faults = noFaults();
    },
    replaceCertificate(next) {
      pem =
        next ??
        makeCert({ commonName: 'xs4face.local', altNames: ['localhost', '127.0.0.1', 'xs4face.local'] });
      srv.setSecureContext({ cert: pem.cert, key: pem.key });
      return fingerprintOf(pem);
    },
    serverState(siteId = DEFAULT_SITE, serverId = DEFAULT_SERVER) {
      return server(siteId, serverId);
    },
    setSpaceTrust(t) {
      spaceTrust = t;
    },
    setServerOnline(siteId, serverId, on) {
      const v = state.sites.find((x) => x.id === siteId)?.servers.find((x) => x.id === serverId);
      if (!v) throw new Error(`No server ${siteId}/${serverId}.`);
      v.online = on;
      settleDue();
      persist();
    },
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      });
    },
  };
  return api;
}

export { defaultState };
