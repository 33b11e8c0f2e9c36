// Builds the window.xs4 object from the contract. Pure (no electron): the preload uses it with ipcRenderer,
// the end-to-end harness with a Playwright binding, so the page sees the same API in both.
import {
  contract,
  events,
  type ChannelName,
  type EventName,
  type EventPayload,
  type Xs4Api,
} from '../contract/ipc';
import { resultSchema } from '../contract/channel';
import { type Xs4Error } from '../contract/xs4-error';

/** Sends one call and resolves with the raw envelope ({ ok, value } | { ok, error }). */
export type Invoke = (channel: ChannelName, input: unknown) => Promise<unknown>;
/** Subscribes to one event stream; returns the unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

function failure(code: string, message: string, remedy: string): Xs4Error {
  return { name: 'Xs4Error', code, message, remedy };
}

/** Turns an envelope into a value or a rejected Xs4Error (a plain object carrying `code`). */
export async function unwrap(envelope: Promise<unknown>): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await envelope;
  } catch (e) {
    throw failure(
      'IPC_FAILED',
      `The call did not reach the app core: ${e instanceof Error ? e.message : String(e)}`,
      'Restart the app; if it persists, export the log.',
    );
  }
  const parsed = resultSchema.safeParse(raw);
  if (!parsed.success)
    throw failure(
      'IPC_BAD_REPLY',
      'The app core sent a reply of the wrong shape.',
      'Restart the app; if it persists, export the log.',
    );
  if (parsed.data.ok) return parsed.data.value;
  throw { name: 'Xs4Error', ...parsed.data.error } satisfies Xs4Error;
}

export function buildXs4Api(invoke: Invoke, subscribe: Subscribe): Xs4Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(contract) as ChannelName[]) {
    const [ns, method] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][method] = (input?: unknown) => unwrap(invoke(name, input));
  }
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    const schema = events[event];
    if (schema === undefined) throw new TypeError(`Unknown event "${String(event)}"`);
    // Payloads are checked here too, so a listener never sees a shape the contract does not promise.
    return subscribe(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  };
  return Object.freeze({ ...api, on }) as unknown as Xs4Api;
}
