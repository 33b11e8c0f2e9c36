// The transport of the XS4 Face client: bearer token, retries for reads only, JSON answers parsed against the
// contract and sanitised, pending writes waited for, failures told apart. The endpoints live in face-client.ts.
import { z } from 'zod';
import { text } from '../../../contract/text';
import { faceUrlProblem } from '../../../contract/rules/face-url';
import { AppError, fieldLabel, invalidInput, isAppError } from '../errors';
import { type Endpoint, parseServiceUrl } from '../net/endpoint';
import { httpRequest, type TrustPolicy } from '../net/https-client';
import { CharsetCodes, decodeBody } from '../net/charset';
import { type Change, ChangeSchema, ErrorBodySchema, FACE_ID, FacePaths } from './face-contract';
import { FACE_API_BASE_PATH, FACE_MAX_JSON_BYTES } from './face-assumptions';
import {
  FaceCodes,
  type FaceRoute,
  badResponse,
  fromHttpStatus,
  fromNetError,
  routeText,
  serverWords,
  unconfirmedReason,
  writeUnconfirmed,
} from './face-errors';
import { sanitizeJson } from './sanitize';
import type { FaceTarget } from './face-selection';
import type { TokenProvider } from './token-provider';

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
  /** Told before each request: what the client now waits for (a read, a write, the read back after a write). */
  onRequest?: ((r: { method: 'GET' | 'POST' | 'PUT'; route: string }) => void) | undefined;
}

/** A write XS4 Face accepted that the on-site server has not applied yet. */
export interface PendingProgress {
  route: FaceRoute;
  changeId: string;
  elapsedMs: number;
  /** When waiting stops with FACE_WRITE_PENDING (the change stays queued; `waitForChange` resumes). */
  deadlineMs: number;
}

/** One request to the API: the method, a JSON body, a larger body cap, and secrets the answer must not echo. */
export interface CallInit {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  maxBody?: number;
  secrets?: string[];
}

export interface FaceTransport {
  /** One call, its answer parsed with `schema`; `route` names it in errors. */
  call<S extends z.ZodType>(schema: S, route: FaceRoute, path: string, init?: CallInit): Promise<z.infer<S>>;
  /** Waits while a write is pending; returns how long it waited. */
  settle(t: FaceTarget, route: FaceRoute, first: Change): Promise<number>;
  /** A path under the chosen site and server. */
  scoped(t: FaceTarget, p: string): string;
  /** A write the server reported as applied that reads back different; `field` names it by its label (fields.*). */
  notApplied(route: FaceRoute, field: string, expected: unknown, actual: unknown): AppError;
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
      reject(new AppError('CANCELLED'));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The API root under the typed URL. Refuses http:// (the contract carries a bearer token and secrets), and any path,
 * query or fragment: the API is at the server's root, so an address copied from the browser would reach nothing.
 */
export function faceApiEndpoint(baseUrl: string): Endpoint {
  // The page says the same words before it sends an address (contract/rules/face-url.ts).
  const problem = faceUrlProblem(baseUrl);
  if (problem !== null) throw invalidInput('faceUrl', problem);
  const ep = parseServiceUrl(baseUrl.trim(), 'faceUrl', ['https:']);
  return { ...ep, path: `${ep.path}${FACE_API_BASE_PATH}`, url: `${ep.url}${FACE_API_BASE_PATH}` };
}

/** Refuses an id that is not one XS4 Face could have given (it becomes part of a request path). */
export function checkFaceId(field: string, value: string): void {
  if (!FACE_ID.test(value)) throw invalidInput(field, text('rules.faceId'));
}

function checkTarget(t: FaceTarget): void {
  checkFaceId('siteId', t.siteId);
  checkFaceId('serverId', t.serverId);
}

export function createFaceTransport(opts: FaceClientOptions): FaceTransport {
  const api = faceApiEndpoint(opts.baseUrl);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retries = opts.retries ?? 2;
  const backoffMs = opts.backoffMs ?? 300;
  const pendingDeadlineMs = opts.pendingDeadlineMs ?? 60_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const trust: TrustPolicy = { pinnedFingerprint256: opts.pinnedFingerprint256, extraCa: opts.extraCa };
  /** The write this client handed to XS4 Face, once sent: a later cancel, cut or timeout leaves it unconfirmed. */
  let writeSent: FaceRoute | null = null;

  /** A failure after a write was sent says that the write may have been applied, instead of a bare network error. */
  function unconfirmedIfSent(e: unknown): unknown {
    const reason = unconfirmedReason(e);
    return writeSent !== null && reason !== null ? writeUnconfirmed(writeSent, reason, e) : e;
  }

  async function call<S extends z.ZodType>(
    schema: S,
    route: FaceRoute,
    path: string,
    init: CallInit = {},
  ): Promise<z.infer<S>> {
    try {
      return await attempt(schema, route, path, init);
    } catch (e) {
      throw unconfirmedIfSent(e);
    }
  }

  async function attempt<S extends z.ZodType>(
    schema: S,
    route: FaceRoute,
    path: string,
    init: CallInit,
  ): Promise<z.infer<S>> {
    const method = init.method ?? 'GET';
    const idempotent = method === 'GET';
    const attempts = idempotent ? retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      opts.onRequest?.({ method, route });
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
          ...(idempotent ? {} : { onSent: () => (writeSent = route) }),
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
          sanitizeJson(tryJson(res.body, res.headers['content-type']), [token, ...(init.secrets ?? [])]),
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

  function tryJson(body: Buffer, contentType: string | undefined): unknown {
    try {
      return JSON.parse(decodeBody(body, contentType, 'json').text);
    } catch {
      return undefined;
    }
  }

  function parseBody<S extends z.ZodType>(
    schema: S,
    route: FaceRoute,
    contentType: string | undefined,
    body: Buffer,
    secrets: string[],
  ): z.infer<S> {
    const ct = (contentType ?? '').toLowerCase();
    if (!/^application\/([a-z0-9.+-]*\+)?json\b/.test(ct)) {
      const got = ct.split(';')[0]?.trim().slice(0, 60) ?? '';
      throw badResponse(
        route,
        got === ''
          ? text('face.badResponse.noContentType')
          : text('face.badResponse.notJson', { contentType: got }),
        { contentType: ct.slice(0, 100) },
      );
    }
    let decoded: string;
    try {
      // By the charset the answer declares (JSON is UTF-8 unless it says otherwise); never U+FFFD made up here.
      decoded = decodeBody(body, contentType, 'json').text;
    } catch (e) {
      const code = isAppError(e) ? e.code : '';
      throw badResponse(
        route,
        code === CharsetCodes.UNDECLARED_NOT_UTF8
          ? text('face.badResponse.notUtf8')
          : code === CharsetCodes.UNKNOWN
            ? text('face.badResponse.unknownCharset')
            : text('face.badResponse.badCharset'),
        { bytes: body.length, charsetCode: code },
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoded);
    } catch {
      throw badResponse(route, text('face.badResponse.invalidJson'), { bytes: body.length });
    }
    const r = schema.safeParse(sanitizeJson(parsed, secrets));
    if (!r.success) {
      // Paths and zod's messages only, in detail for support: the values may be hostile or secret, and the paths
      // are the contract's names, not words for a technician.
      const issues = r.error.issues
        .slice(0, 10)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw badResponse(route, text('face.badResponse.shape'), { issues });
    }
    return r.data;
  }

  const scoped = (t: FaceTarget, p: string): string => {
    checkTarget(t);
    return FacePaths.scope(t.siteId, t.serverId) + p;
  };

  /** Waits while the change is pending: accepted by XS4 Face Connect but not yet applied by the on-site server. */
  async function settle(t: FaceTarget, route: FaceRoute, first: Change): Promise<number> {
    const start = now();
    let c = first;
    while (c.state === 'pending') {
      const waited = now() - start;
      if (waited >= pendingDeadlineMs) {
        throw new AppError(FaceCodes.WRITE_PENDING, {
          params: { route: routeText(route), seconds: Math.round(waited / 1000) },
          detail: { route, changeId: c.changeId, waitedMs: waited },
        });
      }
      opts.onPending?.({ route, changeId: c.changeId, elapsedMs: waited, deadlineMs: pendingDeadlineMs });
      await sleep(pollIntervalMs, opts.signal);
      c = await call(ChangeSchema, 'change status', scoped(t, FacePaths.change(first.changeId)));
    }
    if (c.state === 'failed') {
      const said = serverWords(c.error);
      throw new AppError(FaceCodes.WRITE_FAILED, {
        ...(said === '' ? {} : { variant: 'said' }),
        params: { route: routeText(route), said },
        detail: { route, changeId: c.changeId },
      });
    }
    return now() - start;
  }

  function notApplied(route: FaceRoute, field: string, expected: unknown, actual: unknown): AppError {
    return new AppError(FaceCodes.WRITE_NOT_APPLIED, {
      params: {
        route: routeText(route),
        field: fieldLabel(field),
        actual: JSON.stringify(actual) ?? 'null',
        expected: JSON.stringify(expected) ?? 'null',
      },
      detail: { route, field, expected, actual },
    });
  }

  return { call, settle, scoped, notApplied };
}
