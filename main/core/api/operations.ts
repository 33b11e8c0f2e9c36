// Long operations in flight, by the id the page chose, so `setup.cancel` can abort them (the setup and the sign-in
// channels share one table); their progress, log lines and pending writes go to the page that started them as events.
import type { EventName, EventPayload } from '../../../contract/ipc';
import { AppError } from '../errors';
import type { OperationHooks } from '../setup/service';

/** What an operation needs from the IPC layer: the shell's HandlerContext satisfies it. */
export interface OperationEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Aborted when the calling page goes away: the operation stops too. */
  signal?: AbortSignal;
}

export class Operations {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly clock: () => Date) {}

  async run<T>(
    id: string,
    step: string,
    events: OperationEvents,
    work: (hooks: OperationHooks) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(id)) {
      throw new AppError('OPERATION_ID_IN_USE', { detail: { operationId: id } });
    }
    const controller = new AbortController();
    const pageGone = (): void => controller.abort();
    if (events.signal?.aborted) controller.abort();
    else events.signal?.addEventListener('abort', pageGone, { once: true });
    this.running.set(id, controller);
    const hooks: OperationHooks = {
      signal: controller.signal,
      onProgress: (message, fraction) => events.emit('progress', { operation: id, step, fraction, message }),
      onStage: (stage) =>
        events.emit('progress', { operation: id, step, fraction: null, message: '', stage }),
      onLogLine: (line) =>
        events.emit('logLine', { level: 'info', time: this.clock().toISOString(), message: line }),
      onPending: (p) =>
        events.emit('pending', {
          operation: id,
          route: p.route,
          changeId: p.changeId,
          elapsedMs: Math.max(0, Math.round(p.elapsedMs)),
          deadlineMs: Math.max(0, Math.round(p.deadlineMs)),
        }),
    };
    try {
      return await work(hooks);
    } finally {
      events.signal?.removeEventListener('abort', pageGone);
      this.running.delete(id);
    }
  }

  cancel(id: string): boolean {
    const controller = this.running.get(id);
    if (controller === undefined) return false;
    controller.abort();
    return true;
  }
}
