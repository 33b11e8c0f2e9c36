// What a failed window.xs4 call rejects with. Zod-free, so the renderer can import it without bundling zod.
import type { ErrorInfoWire } from './channel';

/**
 * What a failed call rejects with. A plain object, not an Error instance, on purpose:
 * Electron's contextBridge drops custom properties of Error objects, plain objects cross intact.
 */
export interface Xs4Error extends ErrorInfoWire {
  name: 'Xs4Error';
}

export function isXs4Error(e: unknown): e is Xs4Error {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'Xs4Error' &&
    typeof (e as { code?: unknown }).code === 'string'
  );
}
