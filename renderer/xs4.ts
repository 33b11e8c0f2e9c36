// The renderer's only door to the core: the window.xs4 object the preload exposes (typed from the contract).
import type { Xs4Api } from '../contract/ipc';

declare global {
  interface Window {
    xs4: Xs4Api;
  }
}

export function xs4(): Xs4Api {
  return window.xs4;
}
