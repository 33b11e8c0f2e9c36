// Runs one long core operation with live progress, log lines and a cancel handle; the store keeps its view state.
import type { Sayable } from '../../contract/text';
import {
  xs4,
  type DeviceCodeEvent,
  type LogLineEvent,
  type PendingEvent,
  type ProgressEvent,
} from '../bridge/xs4';
import type { WaitStage } from '../../contract/setup-shapes';
import type { StepId } from '../../contract/steps';
import type { Busy, OperationKind } from './busy';

/** What the live log panel shows about the running (or last) operation. */
export interface OperationView {
  id: string;
  /** Which action started it (e.g. "installScript", "checks"), for the panel's title. */
  kind: OperationKind;
  /** The busy action it runs as (e.g. "saveDetails"): says what a write saves. */
  action: Busy;
  /** The wizard step on screen when it started: its panel is there; other steps show that it still runs. */
  step: StepId;
  /** When it started (page clock), for the elapsed time. */
  startedAt: number;
  /** What a write waits for now (a read, the write's answer, the read back); null before its first request. */
  stage: WaitStage | null;
  running: boolean;
  /** What the core says it is doing (a Text, said by the panel in the page's language); '' before it says anything. */
  message: Sayable;
  /** 0..1 when known. */
  fraction: number | null;
  log: string[];
  cancelRequested: boolean;
  /** While a write waits for the on-site server: the last report, and when (page clock) it arrived. */
  pending: (Omit<PendingEvent, 'operation'> & { receivedAt: number }) | null;
  /** The code a device-code sign-in asks the technician to enter on another device. */
  deviceCode: Omit<DeviceCodeEvent, 'operation'> | null;
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
  started: { action: Busy; step: StepId },
): Promise<T> {
  const api = xs4();
  let op: OperationView = {
    id: newOperationId(),
    kind,
    ...started,
    startedAt: Date.now(),
    stage: null,
    running: true,
    message: '',
    fraction: null,
    log: [],
    cancelRequested: false,
    pending: null,
    deviceCode: null,
  };
  const set = (patch: Partial<OperationView>): void => {
    op = { ...op, ...patch };
    update(op);
  };
  set({});
  const offProgress = api.on('progress', (e: ProgressEvent) => {
    if (e.operation !== op.id) return;
    // A write's stage report changes what it waits for; its message stays the last one said.
    if (e.stage !== undefined) set({ stage: e.stage });
    else set({ message: e.message, fraction: e.fraction });
  });
  const offPending = api.on('pending', ({ operation, ...p }: PendingEvent) => {
    if (operation === op.id) set({ pending: { ...p, receivedAt: Date.now() } });
  });
  const offCode = api.on('deviceCode', ({ operation, ...code }: DeviceCodeEvent) => {
    if (operation === op.id) set({ deviceCode: code });
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
    offPending();
    offCode();
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
