// Runs one long core operation with live progress, log lines and a cancel handle; the store keeps its view state.
import { xs4, type LogLineEvent, type ProgressEvent } from '../bridge/xs4';
import type { OperationKind } from './busy';

/** What the live log panel shows about the running (or last) operation. */
export interface OperationView {
  id: string;
  /** Which action started it (e.g. "installScript", "checks"), for the panel's title. */
  kind: OperationKind;
  running: boolean;
  message: string;
  /** 0..1 when known. */
  fraction: number | null;
  log: string[];
  cancelRequested: boolean;
}

/** Keeps the panel bounded on very chatty scripts: the full transcript stays on disk in the core. */
export const MAX_LOG_LINES = 2000;

/**
 * Starts `call(operationId)` and streams its events into `update` until it settles.
 * Log lines carry no operation id in the contract, so lines arriving while this operation runs are its own.
 */
export async function runOperation<T>(
  kind: OperationKind,
  update: (op: OperationView) => void,
  call: (operationId: string) => Promise<T>,
): Promise<T> {
  const api = xs4();
  let op: OperationView = {
    id: newOperationId(),
    kind,
    running: true,
    message: '',
    fraction: null,
    log: [],
    cancelRequested: false,
  };
  const set = (patch: Partial<OperationView>): void => {
    op = { ...op, ...patch };
    update(op);
  };
  set({});
  const offProgress = api.on('progress', (e: ProgressEvent) => {
    if (e.operation === op.id) set({ message: e.message, fraction: e.fraction });
  });
  const offLog = api.on('logLine', (e: LogLineEvent) => {
    const log =
      op.log.length >= MAX_LOG_LINES ? op.log.slice(op.log.length - MAX_LOG_LINES + 1) : op.log.slice();
    log.push(e.message);
    set({ log });
  });
  try {
    return await call(op.id);
  } finally {
    offProgress();
    offLog();
    set({ running: false });
  }
}

/** An id for one long operation (matches the contract's operationIdSchema); getRandomValues works in every page. */
function newOperationId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `op-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Asks the core to abort the operation; the call then settles with its own outcome (cancelled). */
export async function cancelOperation(op: OperationView): Promise<boolean> {
  return xs4().setup.cancel({ operationId: op.id });
}
