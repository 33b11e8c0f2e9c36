// Writes XS4 Face accepted that the on-site server had not applied when the operation stopped waiting: the wait reached
// its deadline (FACE_WRITE_PENDING) or the technician chose Stop. Each is kept by change id with how to finish it, so
// "Keep waiting" resumes it — waits for that change, reads back, records — without sending the write again.
import type { PendingWriteResult } from '../../../contract/setup-shapes';
import { AppError, isAppError } from '../errors';
import type { PendingProgress, Resume } from '../face/face-client';
import { FaceCodes } from '../face/face-errors';
import type { OperationHooks } from './service';

/** Finishes a write that was left pending — waits for its change, reads back, records — with the hooks of the
 * operation that keeps waiting. */
export type FinishWrite = (hooks: OperationHooks, resume: Resume) => Promise<PendingWriteResult>;

/** A write left pending, bound to its change. */
type Resumable = (hooks: OperationHooks) => Promise<PendingWriteResult>;

/** How many writes left pending are remembered (a session has a handful at most). */
const MAX_REMEMBERED = 50;

export class PendingWrites {
  private readonly byChange = new Map<string, Resumable>();

  remember(changeId: string, finish: FinishWrite): void {
    this.byChange.delete(changeId);
    this.byChange.set(changeId, (hooks) => finish(hooks, { changeId }));
    while (this.byChange.size > MAX_REMEMBERED) {
      const oldest = this.byChange.keys().next().value;
      if (oldest === undefined) break;
      this.byChange.delete(oldest);
    }
  }

  get(changeId: string): Resumable {
    const finish = this.byChange.get(changeId);
    if (finish === undefined)
      throw new AppError(
        'SETUP_NO_PENDING_WRITE',
        'The assistant is not waiting for this change any more (it was finished, or the assistant was restarted).',
        'Save the step again: the assistant writes the values and reads them back.',
        { changeId },
      );
    return finish;
  }

  forget(changeId: string): void {
    this.byChange.delete(changeId);
  }
}

function stoppedWaiting(p: PendingProgress): AppError {
  return new AppError(
    FaceCodes.WRITE_PENDING,
    `Stopped waiting: XS4 Face accepted the change (${p.route}) but the on-site server had not applied it after ${Math.round(p.elapsedMs / 1000)} s.`,
    'Nothing was lost: the change stays queued in XS4 Face and is applied when the server receives it. Keep waiting to read it back, or check the server’s pending messages in the Console.',
    { route: p.route, changeId: p.changeId, waitedMs: p.elapsedMs, stopped: true },
  );
}

/**
 * Runs a write with the operation's hooks (`run` must build its XS4 Face client from the hooks it is given). When it
 * stops while XS4 Face still holds the change — FACE_WRITE_PENDING, or the operation was stopped during a pending
 * wait — remembers `finish` under the change id and fails FACE_WRITE_PENDING carrying that id.
 */
export async function pendingAware<T>(
  writes: PendingWrites,
  hooks: OperationHooks,
  run: (hooks: OperationHooks) => Promise<T>,
  finish: FinishWrite,
): Promise<T> {
  let pending: PendingProgress | null = null;
  const watched: OperationHooks = {
    ...hooks,
    onPending: (p) => {
      pending = p;
      hooks.onPending?.(p);
    },
  };
  try {
    return await run(watched);
  } catch (e) {
    const left = pending as PendingProgress | null;
    if (isAppError(e) && e.code === FaceCodes.WRITE_PENDING && typeof e.detail?.changeId === 'string') {
      writes.remember(e.detail.changeId, finish);
      throw e;
    }
    if (hooks.signal?.aborted === true && left !== null) {
      writes.remember(left.changeId, finish);
      throw stoppedWaiting(left);
    }
    throw e;
  }
}

/** "Keep waiting": finishes the write left pending under `changeId` (kept again if it is still pending). */
export async function keepWaiting(
  writes: PendingWrites,
  changeId: string,
  hooks: OperationHooks,
): Promise<PendingWriteResult> {
  const resume = writes.get(changeId);
  const result = await pendingAware(writes, hooks, resume, (h) => resume(h));
  writes.forget(changeId);
  return result;
}
