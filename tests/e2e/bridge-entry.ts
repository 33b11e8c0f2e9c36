// Page-side bridge for the e2e harness: builds window.xs4 with the preload's own buildXs4Api, over a Playwright
// binding instead of ipcRenderer. Bundled by esbuild at test time and injected as an init script.
import { buildXs4Api } from '../../preload/expose';
import type { ChannelName, EventName } from '../../contract/ipc';

type Listener = (payload: unknown) => void;

interface BridgeWindow {
  __xs4Invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  __xs4Deliver?: (event: EventName, payload: unknown) => void;
  xs4?: unknown;
}

// globalThis is the page's window (this file is bundled for the browser; tsconfig.node has no DOM lib).
const w = globalThis as unknown as BridgeWindow;
const listeners = new Map<EventName, Set<Listener>>();

// The test process calls this (page.evaluate) to deliver an event, as webContents.send would.
w.__xs4Deliver = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload);
};

w.xs4 = buildXs4Api(
  (channel, input) => w.__xs4Invoke(channel, input),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
);
