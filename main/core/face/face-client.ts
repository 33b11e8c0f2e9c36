// Client of the XS4 Face server contract (docs/face-server-api.md): validated answers, told-apart failures, verified writes.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, invalidInput, isAppError } from '../errors';
import { type Endpoint, parseServiceUrl, validateHost, validatePort } from '../net/endpoint';
import { httpRequest, type TrustPolicy } from '../net/https-client';
import {
  AddIntegrationsSchema,
  type Change,
  ChangeSchema,
  type Enrollment,
  EnrollmentSchema,
  ErrorBodySchema,
  FacePaths,
  type GeneralOption,
  GeneralOptionsSchema,
  InstallScriptSchema,
  type IntegrationsList,
  IntegrationsSchema,
  type FaceSite,
  SitesSchema,
  type SpaceIntegration,
  SpaceIntegrationSchema,
  type SpaceIntegrationUpdate,
  type WhoAmI,
  WhoAmISchema,
} from './face-contract';
import {
  AUTH_KEY_OPTION_ID,
  FACE_API_BASE_PATH,
  FACE_MAX_JSON_BYTES,
  FACE_MAX_SCRIPT_BYTES,
} from './face-assumptions';
import { FaceCodes, badResponse, fromHttpStatus, fromNetError } from './face-errors';
import { sanitizeJson } from './sanitize';
import type { FaceTarget } from './face-selection';
import { secretFingerprint } from './secret-fingerprint';
import type { TokenProvider } from './token-provider';

// Callers get the selection helpers from the client module too.
export type { FaceTarget } from './face-selection';
export { selectServer } from './face-selection';

export interface FaceClientOptions {
  /** The server URL the technician typed, e.g. https://xs4face.local/ (HTTPS only). */
  baseUrl: string;
  tokenProvider: TokenProvider;
  /** Fingerprint the technician accepted for a certificate this machine does not trust. */
  pinnedFingerprint256?: string | undefined;
  extraCa?: string[] | undefined;
  /** Per request, connection included. */
  timeoutMs?: number;
  /** Extra attempts for idempotent reads only. */
  retries?: number;
  backoffMs?: number;
  /** How long a write may stay "pending" (accepted by the cloud, not yet applied by the server). */
  pendingDeadlineMs?: number;
  pollIntervalMs?: number;
  signal?: AbortSignal | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Called before each poll while a write is pending (accepted, not yet applied by the on-site server). */
  onPending?: ((p: PendingProgress) => void) | undefined;
}

/** A write XS4 Face accepted that the on-site server has not applied yet. */
export interface PendingProgress {
  route: string;
  changeId: string;
  elapsedMs: number;
  /** When waiting stops with FACE_WRITE_PENDING (the change stays queued; `waitForChange` resumes). */
  deadlineMs: number;
}

/** A write that the server has applied and that was read back equal. */
export interface Applied<T> {
  value: T;
  changeId: string;
  /** Time spent waiting while the change was pending. */
  waitedMs: number;
}

export interface InstallScript {
  fileName: string;
  content: Buffer;
  sha256: string;
}

export interface FaceClient {
  whoAmI(): Promise<WhoAmI>;
  listSites(): Promise<FaceSite[]>;
  listIntegrations(t: FaceTarget): Promise<IntegrationsList>;
  addIntegrations(t: FaceTarget, types: string[]): Promise<Applied<IntegrationsList>>;
  getSpaceIntegration(t: FaceTarget): Promise<SpaceIntegration>;
  updateSpaceIntegration(t: FaceTarget, update: SpaceIntegrationUpdate): Promise<Applied<SpaceIntegration>>;
  getSpaceGeneralOptions(t: FaceTarget): Promise<GeneralOption[]>;
  resetAuthenticationKey(t: FaceTarget): Promise<Applied<GeneralOption[]> & { keyFingerprint: string }>;
  getEnrollment(t: FaceTarget): Promise<Enrollment>;
  updateEnrollment(t: FaceTarget, update: Enrollment): Promise<Applied<Enrollment>>;
  downloadInstallScript(t: FaceTarget): Promise<InstallScript>;
  /** Keeps waiting for a change still pending (e.g. after FACE_WRITE_PENDING): resolves with the time waited. */
  waitForChange(t: FaceTarget, changeId: string): Promise<number>;
}

const RETRYABLE_CODES = new Set<string>([FaceCodes.TIMEOUT, FaceCodes.CONNECTION_DROPPED]);
const RETRYABLE_STATUS = new Set([502, 503, 504]);

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new AppError('CANCELLED', 'The operation was cancelled.', 'Start it again when ready.'));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The API root under the typed URL. Refuses http:// — the contract carries a bearer token and secrets. */
export function faceApiEndpoint(baseUrl: string): Endpoint {
  const ep = parseServiceUrl(baseUrl, 'faceUrl', ['https:']);
  return { ...ep, path: `${ep.path}${FACE_API_BASE_PATH}`, url: `${ep.url}${FACE_API_BASE_PATH}` };
}

function checkTarget(t: FaceTarget): void {
  const ok = /^[A-Za-z0-9._-]{1,128}$/;
  if (!ok.test(t.siteId))
    throw invalidInput('siteId', 'must be 1-128 letters, digits, dot, underscore or hyphen');
  if (!ok.test(t.serverId))
    throw invalidInput('serverId', 'must be 1-128 letters, digits, dot, underscore or hyphen');
}

function oneLine(field: string, v: string, max: number): string {
  const s = v.trim();
  if (s.length === 0) throw invalidInput(field, 'must not be empty');
  if (s.length > max) throw invalidInput(field, `must be at most ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F-\u009F]/.test(s))
    throw invalidInput(field, 'must not contain control characters or line breaks');
  return s;
}

export function createFaceClient(opts: FaceClientOptions): FaceClient {
  const api = faceApiEndpoint(opts.baseUrl);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retries = opts.retries ?? 2;
  const backoffMs = opts.backoffMs ?? 300;
  const pendingDeadlineMs = opts.pendingDeadlineMs ?? 60_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const trust: TrustPolicy = { pinnedFingerprint256: opts.pinnedFingerprint256, extraCa: opts.extraCa };

  async function call<S extends z.ZodType>(
    schema: S,
    route: string,
    path: string,
    init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; maxBody?: number; secrets?: string[] } = {},
  ): Promise<z.infer<S>> {
    const method = init.method ?? 'GET';
    const idempotent = method === 'GET';
    const attempts = idempotent ? retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      const token = await opts.tokenProvider.getToken(opts.signal);
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
      };
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      let res;
      try {
        res = await httpRequest({
          url: api,
          method,
          path,
          headers,
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          timeoutMs,
          maxBodyBytes: init.maxBody ?? FACE_MAX_JSON_BYTES,
          trust,
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      } catch (e) {
        const mapped = fromNetError(e, route);
        if (isAppError(mapped) && RETRYABLE_CODES.has(mapped.code) && attempt + 1 < attempts) {
          await sleep(backoffMs * 2 ** attempt, opts.signal);
          continue;
        }
        throw mapped;
      }
      if (res.status < 200 || res.status > 299) {
        if (RETRYABLE_STATUS.has(res.status) && attempt + 1 < attempts) {
          await sleep(backoffMs * 2 ** attempt, opts.signal);
          continue;
        }
        if (res.status === 401) opts.tokenProvider.invalidate?.();
        const err = ErrorBodySchema.safeParse(
          sanitizeJson(tryJson(res.body), [token, ...(init.secrets ?? [])]),
        );
        throw fromHttpStatus(res.status, route, err.success ? err.data.error.message : undefined);
      }
      // A server that echoes the token or a key we sent must not get it into the app's strings.
      return parseBody(schema, route, res.headers['content-type'], res.body, [
        token,
        ...(init.secrets ?? []),
      ]);
    }
  }

  function tryJson(body: Buffer): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  function parseBody<S extends z.ZodType>(
    schema: S,
    route: string,
    contentType: string | undefined,
    body: Buffer,
    secrets: string[],
  ): z.infer<S> {
    const ct = (contentType ?? '').toLowerCase();
    if (!/^application\/([a-z0-9.+-]*\+)?json\b/.test(ct)) {
      throw badResponse(route, `expected JSON, got ${ct.split(';')[0]?.slice(0, 60) || 'no content type'}`, {
        contentType: ct.slice(0, 100),
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badResponse(route, 'the body is not valid JSON', { bytes: body.length });
    }
    const r = schema.safeParse(sanitizeJson(parsed, secrets));
    if (!r.success) {
      // Paths and zod's messages only: the values may be hostile or secret.
      const issues = r.error.issues
        .slice(0, 10)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw badResponse(route, `unexpected shape at ${issues.map((i) => i.path || '(root)').join(', ')}`, {
        issues,
      });
    }
    return r.data;
  }

  const scoped = (t: FaceTarget, p: string): string => {
    checkTarget(t);
    return FacePaths.scope(t.siteId, t.serverId) + p;
  };

  const WriteSchema = z.object({ change: ChangeSchema });

  /** Waits while the change is pending: accepted by XS4 Face Connect but not yet applied by the on-site server. */
  async function settle(t: FaceTarget, route: string, first: Change): Promise<number> {
    const start = now();
    let c = first;
    while (c.state === 'pending') {
      const waited = now() - start;
      if (waited >= pendingDeadlineMs) {
        throw new AppError(
          FaceCodes.WRITE_PENDING,
          `XS4 Face accepted the change (${route}) but the on-site server has not applied it after ${Math.round(waited / 1000)} s.`,
          'The XS4 Face server may be offline or not connected to XS4 Face Connect: check its pending messages in the Console, then check again. Nothing was lost; the change is still queued.',
          { route, changeId: c.changeId, waitedMs: waited },
        );
      }
      opts.onPending?.({ route, changeId: c.changeId, elapsedMs: waited, deadlineMs: pendingDeadlineMs });
      await sleep(pollIntervalMs, opts.signal);
      c = await call(ChangeSchema, 'change status', scoped(t, FacePaths.change(first.changeId)));
    }
    if (c.state === 'failed') {
      throw new AppError(
        FaceCodes.WRITE_FAILED,
        `The XS4 Face server could not apply the change (${route})${c.error ? `: ${c.error.slice(0, 200)}` : ''}.`,
        'Check the values and the XS4 Face server state in the Console, then try again.',
        { route, changeId: c.changeId },
      );
    }
    return now() - start;
  }

  function notApplied(route: string, field: string, expected: unknown, actual: unknown): AppError {
    return new AppError(
      FaceCodes.WRITE_NOT_APPLIED,
      `XS4 Face reported the change (${route}) as applied, but reading it back shows ${field} = ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}.`,
      'Try again; if it persists, set the value in the XS4 Face Console and report the mismatch.',
      { route, field, expected, actual },
    );
  }

  return {
    whoAmI: () => call(WhoAmISchema, 'sign-in check', FacePaths.whoami),

    listSites: async () => (await call(SitesSchema, 'site list', FacePaths.sites)).sites,

    listIntegrations: (t) => call(IntegrationsSchema, 'integration list', scoped(t, FacePaths.integrations)),

    async addIntegrations(t, types) {
      const body = AddIntegrationsSchema.safeParse({ add: types });
      if (!body.success) throw invalidInput('integrations', 'must be 1-100 integration identifiers');
      const w = await call(WriteSchema, 'add integrations', scoped(t, FacePaths.integrations), {
        method: 'POST',
        body: body.data,
      });
      const waitedMs = await settle(t, 'add integrations', w.change);
      const list = await call(IntegrationsSchema, 'integration list', scoped(t, FacePaths.integrations));
      const have = new Set(list.integrations.map((i) => i.type));
      for (const type of body.data.add)
        if (!have.has(type)) throw notApplied('add integrations', 'integrations', body.data.add, [...have]);
      return { value: list, changeId: w.change.changeId, waitedMs };
    },

    getSpaceIntegration: (t) => call(SpaceIntegrationSchema, 'Space integration', scoped(t, FacePaths.space)),

    async updateSpaceIntegration(t, update) {
      const host = validateHost(update.host, 'spaceHost');
      const port = validatePort(update.port, 'spacePort');
      if (typeof update.https !== 'boolean') throw invalidInput('spaceHttps', 'must be true or false');
      const key = update.shipApiKey === undefined ? undefined : oneLine('shipApiKey', update.shipApiKey, 256);
      const body = { host, port, https: update.https, ...(key !== undefined ? { shipApiKey: key } : {}) };
      const secrets = key !== undefined ? [key] : [];
      const w = await call(WriteSchema, 'Space server details', scoped(t, FacePaths.space), {
        method: 'PUT',
        body,
        secrets,
      });
      const waitedMs = await settle(t, 'Space server details', w.change);
      const after = await call(SpaceIntegrationSchema, 'Space integration', scoped(t, FacePaths.space), {
        secrets,
      });
      if (after.host.toLowerCase() !== host)
        throw notApplied('Space server details', 'host', host, after.host);
      if (after.port !== port) throw notApplied('Space server details', 'port', port, after.port);
      if (after.https !== update.https)
        throw notApplied('Space server details', 'https', update.https, after.https);
      if (key !== undefined) {
        const fp = secretFingerprint(key);
        if (!after.shipApiKey.set || after.shipApiKey.fingerprint !== fp) {
          throw notApplied(
            'Space server details',
            'shipApiKey fingerprint',
            fp,
            after.shipApiKey.fingerprint,
          );
        }
      }
      return { value: after, changeId: w.change.changeId, waitedMs };
    },

    getSpaceGeneralOptions: async (t) =>
      (await call(GeneralOptionsSchema, 'Space General Options', scoped(t, FacePaths.generalOptions)))
        .options,

    async resetAuthenticationKey(t) {
      const authKey = (opts: GeneralOption[]): string | undefined =>
        opts.find((o) => o.id === AUTH_KEY_OPTION_ID)?.value;
      const before = authKey(
        (await call(GeneralOptionsSchema, 'Space General Options', scoped(t, FacePaths.generalOptions)))
          .options,
      );
      const w = await call(WriteSchema, 'reset authentication key', scoped(t, FacePaths.resetAuthKey), {
        method: 'POST',
        body: {},
      });
      const waitedMs = await settle(t, 'reset authentication key', w.change);
      const options = (
        await call(GeneralOptionsSchema, 'Space General Options', scoped(t, FacePaths.generalOptions))
      ).options;
      const after = authKey(options);
      if (after === undefined || after.length === 0) {
        throw badResponse('Space General Options', `no ${AUTH_KEY_OPTION_ID} row after the reset`);
      }
      if (after === before) {
        const fp = secretFingerprint(after);
        throw notApplied(
          'reset authentication key',
          'authentication key fingerprint',
          `anything but ${fp}`,
          fp,
        );
      }
      return {
        value: options,
        changeId: w.change.changeId,
        waitedMs,
        keyFingerprint: secretFingerprint(after),
      };
    },

    getEnrollment: (t) =>
      call(EnrollmentSchema, 'Enrollment Service settings', scoped(t, FacePaths.enrollment)),

    async updateEnrollment(t, update) {
      const companyName = oneLine('companyName', update.companyName, 256);
      const rawUrl = oneLine('privacyPolicyUrl', update.privacyPolicyUrl, 2048);
      let u: URL;
      try {
        u = new URL(rawUrl);
      } catch {
        throw invalidInput('privacyPolicyUrl', 'must be a URL such as https://example.com/privacy');
      }
      if (u.protocol !== 'https:') throw invalidInput('privacyPolicyUrl', 'must use https');
      if (u.username || u.password)
        throw invalidInput('privacyPolicyUrl', 'must not contain a user name or password');
      const body = { companyName, privacyPolicyUrl: u.toString() };
      const w = await call(WriteSchema, 'Enrollment Service settings', scoped(t, FacePaths.enrollment), {
        method: 'PUT',
        body,
      });
      const waitedMs = await settle(t, 'Enrollment Service settings', w.change);
      const after = await call(
        EnrollmentSchema,
        'Enrollment Service settings',
        scoped(t, FacePaths.enrollment),
      );
      if (after.companyName !== body.companyName)
        throw notApplied('Enrollment Service settings', 'companyName', body.companyName, after.companyName);
      if (after.privacyPolicyUrl !== body.privacyPolicyUrl)
        throw notApplied(
          'Enrollment Service settings',
          'privacyPolicyUrl',
          body.privacyPolicyUrl,
          after.privacyPolicyUrl,
        );
      return { value: after, changeId: w.change.changeId, waitedMs };
    },

    async waitForChange(t, changeId) {
      if (!/^[A-Za-z0-9._-]{1,128}$/.test(changeId))
        throw invalidInput('changeId', 'must be 1-128 letters, digits, dot, underscore or hyphen');
      const c = await call(ChangeSchema, 'change status', scoped(t, FacePaths.change(changeId)));
      return settle(t, 'change', c);
    },

    async downloadInstallScript(t) {
      const s = await call(InstallScriptSchema, 'Space Install Script', scoped(t, FacePaths.installScript), {
        maxBody: Math.ceil((FACE_MAX_SCRIPT_BYTES * 4) / 3) + 4096,
      });
      const content = Buffer.from(s.contentBase64, 'base64');
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (sha256 !== s.sha256.toLowerCase()) {
        throw new AppError(
          FaceCodes.SCRIPT_HASH_MISMATCH,
          `The Space Install Script arrived with SHA-256 ${sha256}, not the ${s.sha256.toLowerCase()} the server announced.`,
          'Download it again; if it persists, do not run it and contact Salto.',
          { expected: s.sha256.toLowerCase(), actual: sha256 },
        );
      }
      return { fileName: s.fileName, content, sha256 };
    },
  };
}
