// The renderer's only door to the core: the window.xs4 object the preload exposes (typed from the contract).
import type { EventPayload, Xs4Api } from '../../contract/ipc';

declare global {
  interface Window {
    xs4: Xs4Api;
  }
}

export type ProgressEvent = EventPayload<'progress'>;
export type LogLineEvent = EventPayload<'logLine'>;
export type PendingEvent = EventPayload<'pending'>;
export type DeviceCodeEvent = EventPayload<'deviceCode'>;

export function xs4(): Xs4Api {
  const api = (window as { xs4?: Xs4Api }).xs4;
  if (api === undefined) throw new Error('window.xs4 is missing: the page was not loaded by the app.');
  return api;
}
