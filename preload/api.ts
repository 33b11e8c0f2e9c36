// THE contract between the renderer and the core: every IPC channel and event stream, declared once with zod schemas.
// main/ipc.ts registers handlers from it, preload/expose.ts builds window.xs4 from it, tests check both against it.
// Adding a channel = one entry in `contract` below + one handler entry under main/core/api/.
import { z } from 'zod';
import { setupContract } from './setup-contract';
import { troubleshootContract } from './troubleshoot-contract';

/* ------------------------------------------------------------------ building blocks */

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Declares one channel. The object is returned as is; the helper exists to keep the schema types precise. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
}): ChannelDef<I, O> {
  return def;
}

/** Input of a channel called without arguments (`xs4.app.info()`). */
export const noInput = z.undefined();
/** Output of a channel that only reports success. */
export const done = z.null();

/** The plain error shape that crosses IPC (mirrors ErrorInfo in main/core/errors.ts). */
export const errorInfoSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  remedy: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorInfoWire = z.infer<typeof errorInfoSchema>;

/** What every invoke answers: a value or a structured error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfoWire };
export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);

/* ------------------------------------------------------------------ domain schemas used by the shell */

export const languageSchema = z.enum(['en', 'es']);
export type Language = z.infer<typeof languageSchema>;

/** A SHA-256 certificate fingerprint as 64 hex digits, colons optional (normalised by the core). */
export const fingerprintSchema = z
  .string()
  .regex(
    /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/,
    'must be a SHA-256 fingerprint (64 hex digits, colons optional)',
  );

/** Non-secret settings. Secrets never appear here: they live in the SecretStore. */
export const settingsSchema = z.object({
  language: languageSchema,
  /** Base URL of the XS4 Face server, empty until the technician enters it. */
  faceServerUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]),
  /** Certificate fingerprints the technician pinned, keyed by "host:port". */
  pinnedFingerprints: z.record(z.string().min(1), fingerprintSchema),
  /** Last wizard step the technician reached, so a restart resumes there. */
  lastWizardStep: z.string().max(64).nullable(),
  /** SHIP port of Space, when not the default. */
  spaceShipPort: z.number().int().min(1).max(65535).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'en',
  faceServerUrl: '',
  pinnedFingerprints: {},
  lastWizardStep: null,
  spaceShipPort: null,
};

/** A partial update; unknown keys are refused so a typo is an error, not a silent no-op. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const secretNameSchema = z.enum(['shipApiKey', 'faceToken', 'faceAuthKey']);
export type SecretName = z.infer<typeof secretNameSchema>;

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  platform: z.enum(['win32', 'linux', 'darwin', 'other']),
  arch: z.string(),
  /** True only on Windows: the install script, PowerShell checks and fixes need it. */
  windowsFeatures: z.boolean(),
  /** Problems found at start (e.g. a corrupt settings file that was backed up); the UI shows them. */
  startupProblems: z.array(errorInfoSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/* ------------------------------------------------------------------ channels */

export const contract = {
  'app.info': channel({ input: noInput, output: appInfoSchema }),

  'settings.get': channel({ input: noInput, output: settingsSchema }),
  'settings.update': channel({ input: settingsPatchSchema, output: settingsSchema }),

  'secrets.has': channel({ input: z.object({ name: secretNameSchema }).strict(), output: z.boolean() }),
  'secrets.set': channel({
    input: z
      .object({ name: secretNameSchema, value: z.string().min(1, 'must not be empty').max(4096) })
      .strict(),
    output: done,
  }),
  /** Returns the plaintext. Only for an explicit user action ("show"): the caller must say so. */
  'secrets.reveal': channel({
    input: z
      .object({
        name: secretNameSchema,
        userAction: z.literal(true, { error: 'must be true: reveal only on an explicit user action' }),
      })
      .strict(),
    output: z.string().nullable(),
  }),
  'secrets.clear': channel({ input: z.object({ name: secretNameSchema }).strict(), output: done }),

  // The setup wizard's channels (setup.*, history.list, clipboard.copySecret): preload/setup-contract.ts.
  ...setupContract,
  // Evidence bundles and reports for the Troubleshoot view: preload/troubleshoot-contract.ts.
  ...troubleshootContract,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const channelNames = Object.keys(contract) as ChannelName[];

/* ------------------------------------------------------------------ event streams (main → renderer) */

export const events = {
  /** Progress of a long operation (a check run, the install script, a setup step). */
  progress: z.object({
    operation: z.string().min(1),
    step: z.string(),
    /** 0..1 when known. */
    fraction: z.number().min(0).max(1).nullable(),
    message: z.string(),
  }),
  /** A redacted log line, for the live log panel. */
  logLine: z.object({
    level: z.enum(['debug', 'info', 'warn', 'error']),
    time: z.string(),
    message: z.string(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

/* ------------------------------------------------------------------ derived types */

export type InputOf<K extends ChannelName> = z.infer<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = z.infer<Contract[K]['output']>;

/** What a handler gets besides its input. */
export interface HandlerContext {
  /** Sends an event to the page that called (payload validated against `events`). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Aborted when the calling page goes away (window closed, renderer crashed), so long operations can stop. */
  signal: AbortSignal;
}

/** One handler per channel: validated input in, promise of output out. */
export type Handlers = {
  [K in ChannelName]: (input: InputOf<K>, ctx: HandlerContext) => Promise<OutputOf<K>>;
};

/** Wire names (the only strings that touch ipcMain/ipcRenderer). */
export const INVOKE_CHANNEL = 'xs4:invoke';
export const eventWireName = (event: EventName): string => `xs4:event:${event}`;

/* ------------------------------------------------------------------ the shape of window.xs4 */

type Split<S extends string> = S extends `${infer NS}.${infer M}` ? [NS, M] : never;
type Namespaces = Split<ChannelName>[0];
type MethodFn<K extends ChannelName> =
  undefined extends InputOf<K>
    ? (input?: InputOf<K>) => Promise<OutputOf<K>>
    : (input: InputOf<K>) => Promise<OutputOf<K>>;

/** `xs4.app.info()`, `xs4.settings.update({...})`, `xs4.on('progress', cb)` → unsubscribe. */
export type Xs4Api = {
  [NS in Namespaces]: {
    [K in ChannelName as K extends `${NS}.${infer M}` ? M : never]: MethodFn<K>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export { isXs4Error, type Xs4Error } from './xs4-error';
