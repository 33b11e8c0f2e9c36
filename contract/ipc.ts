// THE contract between the renderer and the core: every IPC channel and event stream, declared once with zod schemas.
// main/ipc.ts registers handlers from it, preload/expose.ts builds window.xs4 from it, tests check both against it.
// Adding a channel = one entry in a `*-channels.ts` file spread below + one handler line under main/core/api/.
import { z } from 'zod';
import { sayableSchema } from './text-schema';
import { channel, noInput, type ChannelDef } from './channel';
import { appInfoSchema, settingsPatchSchema, settingsSchema } from './app';
import { dialogContract } from './dialog-channels';
import { setupContract } from './setup-channels';
import { WaitStageSchema } from './setup-shapes';
import { signInContract } from './sign-in-channels';
import { troubleshootContract } from './troubleshoot-channels';

/* ------------------------------------------------------------------ channels */

export const contract = {
  'app.info': channel({ input: noInput, output: appInfoSchema }),

  'settings.get': channel({ input: noInput, output: settingsSchema }),
  'settings.update': channel({ input: settingsPatchSchema, output: settingsSchema }),

  // The setup wizard's channels (setup.*, history.list, clipboard.*): contract/setup-channels.ts.
  ...setupContract,
  // Evidence bundles and reports for the Troubleshoot view: contract/troubleshoot-channels.ts.
  ...troubleshootContract,
  // Microsoft sign-in per XS4 Face region: contract/sign-in-channels.ts.
  ...signInContract,
  // The system's file and folder dialogs (Browse buttons): contract/dialog-channels.ts.
  ...dialogContract,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** @internal Every channel's name (the shell and preload tests check both ends against it). */
export const channelNames = Object.keys(contract) as ChannelName[];

/* ------------------------------------------------------------------ event streams (main → renderer) */

export const events = {
  /** Progress of a long operation (a check run, the install script, a setup step). */
  progress: z.object({
    operation: z.string().min(1),
    step: z.string(),
    /** 0..1 when known. */
    fraction: z.number().min(0).max(1).nullable(),
    message: sayableSchema,
    /** Set on a write's own reports: what it waits for now (the page says it in the technician's language). */
    stage: WaitStageSchema.optional(),
  }),
  /** A write XS4 Face accepted that the on-site server has not received yet (still waiting). */
  pending: z.object({
    operation: z.string().min(1),
    route: z.string(),
    changeId: z.string(),
    elapsedMs: z.number().int().min(0),
    /** When the operation stops waiting with FACE_WRITE_PENDING (the change stays queued). */
    deadlineMs: z.number().int().min(0),
  }),
  /** The code a device-code sign-in asks the technician to enter on another device. */
  deviceCode: z.object({
    operation: z.string().min(1),
    userCode: z.string().min(1).max(64),
    verificationUri: z.string().min(1).max(2048),
    expiresAt: z.string(),
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
