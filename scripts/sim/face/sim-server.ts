// The XS4 Face simulator: serves the contract of docs/face-server-api.md over real HTTPS on 127.0.0.1, statuses computed for real.
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { X509Certificate, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { makeCert, type Pem } from '../certs';
import {
  AUTH_KEY_OPTION_ID,
  FACE_API_BASE_PATH,
  KNOWN_INTEGRATION_TYPES,
  SPACE_INTEGRATION_TYPE,
} from '../../../main/core/face/face-assumptions';
import { secretFingerprint } from '../../../main/core/face/secret-fingerprint';
import {
  DEFAULT_SERVER,
  DEFAULT_SITE,
  type SimServerState,
  type SimState,
  defaultState,
  loadState,
  newAuthKey,
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

interface PendingChange {
  /** "siteId/serverId" of the server the change is for. */
  server: string;
  applyAt: number;
  apply: () => void;
  /** Decided when the change is queued: the on-site server will refuse it. */
  willFail: boolean;
  state: 'pending' | 'applied' | 'failed';
}

function fingerprintOf(pem: Pem): string {
  return new X509Certificate(pem.cert).fingerprint256;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

class HttpFail extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 64 * 1024) throw new HttpFail(413, 'too_large', 'Request body too large.');
    chunks.push(c);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpFail(400, 'bad_json', 'The request body is not JSON.');
  }
}

function obj(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new HttpFail(400, 'bad_request', 'The request body must be a JSON object.');
  return v as Record<string, unknown>;
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
  function change(
    server: string,
    apply: () => void,
  ): {
    change: { changeId: string; state: PendingChange['state']; error: string | null };
  } {
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

  /** The route id of a request, known before it runs (for latency, injected statuses and hit counts). */
  function routeIdOf(method: string, rel: string): RouteId | undefined {
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

  async function route(
    method: string,
    path: string,
    req: IncomingMessage,
    signedInUser: string | undefined,
  ): Promise<{ id: RouteId; body: unknown; status?: number }> {
    if (method === 'GET' && path === 'whoami')
      return { id: 'whoami', body: { apiVersion: '1', user: signedInUser ?? state.user } };
    if (method === 'GET' && path === 'sites') {
      const pending = (key: string): number =>
        [...changes.values()].filter((c) => c.server === key && c.state === 'pending').length;
      const sites = state.sites.map((site) => ({
        ...site,
        servers: site.servers.map((v) => ({ ...v, pendingMessages: pending(`${site.id}/${v.id}`) })),
      }));
      return { id: 'sites', body: { sites } };
    }
    const m = /^sites\/([^/]+)\/servers\/([^/]+)\/(.+)$/.exec(path);
    if (!m) throw new HttpFail(404, 'not_found', 'No such route.');
    const key = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    const s = server(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
    const rest = m[3]!;
    const cm = /^changes\/([^/]+)$/.exec(rest);
    if (method === 'GET' && cm) {
      const c = changes.get(decodeURIComponent(cm[1]!));
      if (!c) throw new HttpFail(404, 'not_found', 'No such change.');
      return {
        id: 'change.get',
        body: { changeId: decodeURIComponent(cm[1]!), state: c.state, error: changeError(c) },
      };
    }
    switch (`${method} ${rest}`) {
      case 'GET integrations': {
        const integrations = [];
        for (const type of s.integrations) {
          const st =
            type === SPACE_INTEGRATION_TYPE
              ? await spaceStatus(s)
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
          body: change(key, () => {
            for (const t of add as string[]) if (!s.integrations.includes(t)) s.integrations.push(t);
          }),
        };
      }
      case 'GET integrations/salto-space': {
        requireSpace(s);
        const st = await spaceStatus(s);
        const key = s.space.shipApiKey;
        return {
          id: 'space.get',
          body: {
            host: s.space.host,
            port: s.space.port,
            https: s.space.https,
            shipApiKey: { set: key !== null, fingerprint: key === null ? null : secretFingerprint(key) },
            ...st,
          },
        };
      }
      case 'PUT integrations/salto-space': {
        requireSpace(s);
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
          body: change(key, () => {
            s.space = next;
          }),
        };
      }
      case 'GET integrations/salto-space/general-options':
        requireSpace(s);
        return { id: 'general-options.get', body: generalOptions(s) };
      case 'POST integrations/salto-space/authentication-key/reset':
        requireSpace(s);
        await readJson(req);
        return {
          id: 'auth-key.reset',
          status: 202,
          body: change(key, () => {
            s.authKey = newAuthKey();
          }),
        };
      case 'GET integrations/salto-space/install-script': {
        requireSpace(s);
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
          body: change(key, () => {
            s.enrollment = next;
          }),
        };
      }
    }
    throw new HttpFail(404, 'not_found', 'No such route.');
  }

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    const buf = Buffer.from(JSON.stringify(body));
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': buf.length,
    });
    res.end(buf);
  }

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
    // Latency and injected statuses come before the route runs, so an injected 503 on a write changes nothing.
    if (early !== undefined) {
      hitCount.set(early, (hitCount.get(early) ?? 0) + 1);
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const forced = pick(faults.status, early);
      if (forced !== undefined)
        return sendJson(res, forced, { error: { code: 'injected', message: `Injected HTTP ${forced}.` } });
    }
    let out: { id: RouteId; body: unknown; status?: number };
    try {
      out = await route(method, rel, req, signedInUser);
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
