// The renderer's one seam to the core for the setup flow: typed access to window.xs4 (the preload's API), nothing else.
import type { SetupChannel, SetupInput, SetupOutput } from '../../contract/setup-channels';
import type {
  TroubleshootChannel,
  TroubleshootInput,
  TroubleshootOutput,
} from '../../contract/troubleshoot-channels';

type Channel = SetupChannel | TroubleshootChannel;
type In<K extends Channel> = K extends SetupChannel
  ? SetupInput<K>
  : K extends TroubleshootChannel
    ? TroubleshootInput<K>
    : never;
type Out<K extends Channel> = K extends SetupChannel
  ? SetupOutput<K>
  : K extends TroubleshootChannel
    ? TroubleshootOutput<K>
    : never;

type Method<K extends Channel> =
  undefined extends In<K> ? (input?: In<K>) => Promise<Out<K>> : (input: In<K>) => Promise<Out<K>>;

type Namespace<NS extends string> = {
  [K in Channel as K extends `${NS}.${infer M}` ? M : never]: Method<K>;
};

/** Mirrors the contract's event payloads (preload/api.ts `events`). */
export interface ProgressEvent {
  operation: string;
  step: string;
  fraction: number | null;
  message: string;
}
export interface LogLineEvent {
  level: 'debug' | 'info' | 'warn' | 'error';
  time: string;
  message: string;
}
interface EventMap {
  progress: ProgressEvent;
  logLine: LogLineEvent;
}

/** The part of window.xs4 the setup wizard and Troubleshoot view use. */
export interface SetupApi {
  setup: Namespace<'setup'>;
  clipboard: Namespace<'clipboard'>;
  history: Namespace<'history'>;
  troubleshoot: Namespace<'troubleshoot'>;
  on<E extends keyof EventMap>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** What a failed call rejects with (preload/api.ts `Xs4Error`): a plain object carrying a stable code. */
export interface CallError {
  code: string;
  message: string;
  remedy: string;
  /** For INVALID_INPUT: which field broke which rule. */
  field?: string;
  rule?: string;
}

export function xs4(): SetupApi {
  const api = (window as unknown as { xs4?: SetupApi }).xs4;
  if (api === undefined) throw new Error('window.xs4 is missing: the page was not loaded by the app.');
  return api;
}

/** Normalises whatever a call rejected with into a CallError the UI can show. */
export function toCallError(e: unknown): CallError {
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string') {
    const o = e as { code: string; message?: unknown; remedy?: unknown; detail?: unknown };
    const detail =
      typeof o.detail === 'object' && o.detail !== null ? (o.detail as Record<string, unknown>) : {};
    const out: CallError = {
      code: o.code,
      message: typeof o.message === 'string' ? o.message : o.code,
      remedy: typeof o.remedy === 'string' ? o.remedy : '',
    };
    if (typeof detail.field === 'string') out.field = detail.field;
    if (typeof detail.rule === 'string') out.rule = detail.rule;
    return out;
  }
  return { code: 'UI_UNEXPECTED', message: e instanceof Error ? e.message : String(e), remedy: '' };
}

/** An id for one long operation (matches operationIdSchema); getRandomValues works in every page context. */
export function newOperationId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `op-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
