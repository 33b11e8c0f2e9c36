// Long operations in flight, by the id the page chose, so `setup.cancel` can abort them; their progress and log
// lines go to the page that started them as events.
import { AppError } from '../errors';
import type { OperationHooks } from '../setup/service';

/** What an operation needs from the IPC layer: the shell's HandlerContext satisfies it. */
export interface OperationEvents {
  emit(
    event: 'progress',
    payload: { operation: string; step: string; fraction: number | null; message: string },
  ): void;
  emit(
    event: 'logLine',
    payload: { level: 'debug' | 'info' | 'warn' | 'error'; time: string; message: string },
  ): void;
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
      throw new AppError(
        'OPERATION_ID_IN_USE',
        'An operation with this id is already running.',
        'Wait for it to finish or cancel it first.',
        { operationId: id },
      );
    }
    const controller = new AbortController();
    this.running.set(id, controller);
    const hooks: OperationHooks = {
      signal: controller.signal,
      onProgress: (message, fraction) => events.emit('progress', { operation: id, step, fraction, message }),
      onLogLine: (line) =>
        events.emit('logLine', { level: 'info', time: this.clock().toISOString(), message: line }),
    };
    try {
      return await work(hooks);
    } finally {
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
