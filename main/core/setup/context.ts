// What every step of the setup flow shares: its dependencies, its state file, the history, the XS4 Face session.
import { AppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { HistoryStore } from '../history/history-store';
import type { NewHistoryEntry } from '../history/history-entry';
import {
  createFaceClient,
  faceApiEndpoint,
  type FaceClientOptions,
  type FaceClient,
  type FaceTarget,
  type PendingProgress,
} from '../face/face-client';
import { staticTokenProvider, type TokenProvider } from '../face/token-provider';
import { hostInUrl } from '../../../contract/rules/url-host';
import type { Check } from '../checks/types';
import type { WindowsCheckDeps } from '../checks/windows/index';
import type { ChangeRecord } from '../windows/change-record';
import { SetupStateFile } from './setup-state';
import { PendingWrites } from './pending-writes';
import type { OperationHooks } from './service';
import type { WaitStage } from '../../../contract/setup-shapes';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface SetupServiceDeps {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  history: HistoryStore;
  /** Every check the product has, built on `windows`. */
  checks: (windows: WindowsCheckDeps) => Check[];
  windows: WindowsCheckDeps;
  platform: NodeJS.Platform;
  now: () => Date;
  /** Extra CA certificates (PEM) trusted besides the system store, e.g. a site's internal CA. */
  extraCa?: string[];
  timeouts?: { requestMs?: number; checkMs?: number; scriptMs?: number; pollMs?: number };
  sleep?: Sleep;
  /** Recorded in evidence bundles. */
  toolVersion?: string;
  /** A signed-in token provider for this XS4 Face URL (Microsoft sign-in), or null when nobody is signed in for it. */
  faceTokenProvider?: (faceUrl: string) => Promise<TokenProvider | null>;
  /** Told while an XS4 Face write is accepted but not yet applied by the on-site server. */
  onFacePending?: (p: PendingProgress) => void;
  /** Stops XS4 Face requests and pending waits (the CLI's Ctrl+C). */
  signal?: AbortSignal;
  /** How long a write may stay pending before FACE_WRITE_PENDING (the client's default otherwise). */
  facePendingDeadlineMs?: number;
}

/** The shared part of the flow, built once per service and handed to every step module. */
export interface SetupContext {
  deps: SetupServiceDeps;
  state: SetupStateFile;
  requestMs: number;
  checkMs: number;
  sleep: Sleep;
  /** The Windows side, with its changes recorded in the same history. */
  windows: WindowsCheckDeps;
  checks(): Check[];
  /** Appends to the applied-settings history; `secrets` appear there only as fingerprints. */
  record(entry: NewHistoryEntry, secrets?: string[]): Promise<void>;
  recordWindowsChange(c: ChangeRecord): Promise<void>;
  /** Raw evidence of the last run of each check, so a fix works on what the technician saw. */
  lastEvidence: Map<string, unknown>;
  /** Writes left pending, by change id, for "Keep waiting" (pending-writes.ts). */
  pendingWrites: PendingWrites;
  /**
   * The XS4 Face address of the last connection attempt (not secret, memory only): before anything is saved, the checks
   * diagnose the address the technician saw fail.
   */
  lastFaceAttempt: string | null;
}

/** Waits `ms`, or rejects CANCELLED when the signal fires, also when it fired before the wait began (a cancel
 * that landed while a request was in flight must not be lost). */
const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const cancel = (): void => {
      clearTimeout(t);
      reject(new AppError('CANCELLED'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', cancel);
      resolve();
    }, ms);
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });

export function createSetupContext(deps: SetupServiceDeps): SetupContext {
  const record: SetupContext['record'] = (entry, secrets = []) =>
    deps.history.append(entry, secrets).then(() => undefined);
  /** The Windows side reports its changes in its own shape; they land in the same history. */
  const recordWindowsChange = async (c: ChangeRecord): Promise<void> => {
    await record({
      kind: c.action === 'run' ? 'script-run' : c.action === 'undo' ? 'undo' : 'fix',
      target: c.target,
      before: c.before,
      after: c.after,
      // A catalog sentence, said in the reader's language wherever the history is shown.
      result: { ok: c.result === 'applied', summary: c.summary, code: c.result },
      ...(c.undoData !== undefined ? { undoData: c.undoData } : {}),
    });
  };
  const windows: WindowsCheckDeps = { ...deps.windows, recordChange: recordWindowsChange };
  return {
    deps,
    state: new SetupStateFile(deps.dataDir),
    requestMs: deps.timeouts?.requestMs ?? 15_000,
    checkMs: deps.timeouts?.checkMs ?? 10_000,
    sleep: deps.sleep ?? defaultSleep,
    windows,
    checks: () => deps.checks(windows),
    record,
    recordWindowsChange,
    lastEvidence: new Map(),
    pendingWrites: new PendingWrites(),
    lastFaceAttempt: null,
  };
}

/** "host:port" of an XS4 Face URL: the key its pinned fingerprint is stored under. */
export function faceHostPort(url: string): string {
  const ep = faceApiEndpoint(url);
  return `${ep.host}:${ep.port}`;
}

/** Every secret the setup flow holds: what any text it hands out (views, logs, transcripts) is redacted against. */
export async function knownSecrets(ctx: SetupContext): Promise<string[]> {
  const values = await Promise.all(
    (['shipApiKey', 'faceToken', 'faceAuthKey'] as const).map((n) =>
      ctx.deps.secrets.get(n).catch(() => null),
    ),
  );
  return values.filter((v): v is string => v !== null && v !== '');
}

/** The origin (scheme, host, port) of an XS4 Face URL: what a pasted token is bound to. */
export function faceOrigin(url: string): string {
  const ep = faceApiEndpoint(url);
  return `${ep.protocol}//${hostInUrl(ep.host)}:${ep.port}`;
}

/** The origin the stored token was entered for; a token stored before tokens were bound belongs to the server then set. */
export async function storedTokenOrigin(ctx: SetupContext): Promise<string | null> {
  const bound = await ctx.deps.secrets.boundTo('faceToken');
  if (bound !== null) return bound;
  const url = (await ctx.deps.settings.get()).faceServerUrl;
  return url ? faceOrigin(url) : null;
}

export const TOKEN_OTHER_SERVER = 'FACE_TOKEN_OTHER_SERVER';

/**
 * The stored XS4 Face token when it was entered for `url`'s server, null when none is stored. A token entered for
 * another server is never sent here: FACE_TOKEN_OTHER_SERVER (field "token") asks for this server's token.
 */
export async function storedFaceToken(ctx: SetupContext, url: string): Promise<string | null> {
  if (!(await ctx.deps.secrets.has('faceToken'))) return null;
  const bound = await storedTokenOrigin(ctx);
  if (bound !== faceOrigin(url)) {
    throw new AppError(TOKEN_OTHER_SERVER, {
      params: { tokenFor: bound ?? '', url: faceOrigin(url) },
      ...(bound === null ? { variant: 'unknownServer' } : {}),
      detail: { field: 'token', rule: 'rules.setup.tokenForThisServer', tokenFor: bound ?? '' },
    });
  }
  return ctx.deps.secrets.get('faceToken');
}

/** The service's signal (the CLI's Ctrl+C) and the operation's own (the page's Stop), as one. */
function eitherSignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

/** No credential for the XS4 Face server: neither a Microsoft sign-in for it nor a token entered for it. */
export function noFaceToken(): AppError {
  return new AppError('FACE_NO_TOKEN');
}

/**
 * A client of the XS4 Face server at `url`, with the pinned certificate and a token: the Microsoft sign-in made for this
 * server when there is one, else the stored (pasted) token, which stays for unattended use and is sent only to the
 * server it was entered for. `hooks` are the operation's: its Stop aborts requests and pending waits, and it is told
 * while a write is pending.
 */
export async function faceClientFor(
  ctx: SetupContext,
  url: string,
  hooks: OperationHooks = {},
): Promise<FaceClient> {
  const { deps } = ctx;
  const signedIn = await deps.faceTokenProvider?.(url);
  const token = signedIn ? null : await storedFaceToken(ctx, url);
  if (!signedIn && !token) throw noFaceToken();
  const pins = (await deps.settings.get()).pinnedFingerprints;
  return faceClientWith(ctx, url, signedIn ?? staticTokenProvider(token!), pins[faceHostPort(url)], hooks);
}

/**
 * A client of the XS4 Face server at `url` with exactly this credential and pin, nothing read from what is saved:
 * a connection attempt tries new values this way before they replace the working ones.
 */
export function faceClientWith(
  ctx: SetupContext,
  url: string,
  tokenProvider: TokenProvider,
  pinnedFingerprint256: string | undefined,
  hooks: OperationHooks = {},
): FaceClient {
  const { deps } = ctx;
  const signal = eitherSignal(deps.signal, hooks.signal);
  const servicePending = deps.onFacePending;
  const opPending = hooks.onPending;
  const onPending =
    servicePending && opPending
      ? (p: PendingProgress) => {
          servicePending(p);
          opPending(p);
        }
      : (servicePending ?? opPending);
  return createFaceClient({
    baseUrl: url,
    ...(hooks.onStage ? { onRequest: stageReporter(hooks.onStage) } : {}),
    tokenProvider,
    pinnedFingerprint256,
    extraCa: deps.extraCa,
    timeoutMs: ctx.requestMs,
    ...(signal ? { signal } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(onPending ? { onPending } : {}),
    ...(deps.facePendingDeadlineMs !== undefined ? { pendingDeadlineMs: deps.facePendingDeadlineMs } : {}),
  });
}

/** Turns a client's requests into what its operation waits for: reads before a write, the write, reads after it. */
function stageReporter(onStage: (stage: WaitStage) => void): FaceClientOptions['onRequest'] {
  let wrote = false;
  let last: WaitStage | null = null;
  return ({ method }) => {
    if (method !== 'GET') wrote = true;
    const stage: WaitStage = method !== 'GET' ? 'sending' : wrote ? 'readingBack' : 'reading';
    if (stage === last) return;
    last = stage;
    onStage(stage);
  };
}

/** An operation that needs the XS4 Face server before "Connect" has been done. */
export function notConnected(): AppError {
  return new AppError('SETUP_FACE_NOT_CONNECTED');
}

/** The connected XS4 Face server and the site › server chosen on it; refused before "Connect" has been done. */
export async function faceSession(
  ctx: SetupContext,
  hooks: OperationHooks = {},
): Promise<{ client: FaceClient; target: FaceTarget }> {
  const settings = await ctx.deps.settings.get();
  const s = await ctx.state.read();
  if (!settings.faceServerUrl || !s.face) throw notConnected();
  return {
    client: await faceClientFor(ctx, settings.faceServerUrl, hooks),
    target: { siteId: s.face.siteId, serverId: s.face.serverId },
  };
}
