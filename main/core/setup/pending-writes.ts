// Writes XS4 Face accepted that the on-site server had not applied when the operation stopped waiting: the wait reached
// its deadline (FACE_WRITE_PENDING) or the technician chose Stop. Each is kept by change id with how to finish it, so
// "Keep waiting" resumes it — waits for that change, reads back, records — without sending the write again. Writes sent
// without an answer (cancelled, cut, timed out: FACE_WRITE_UNCONFIRMED) are kept the same way under an id of our own,
// so "Check what XS4 Face holds" reads them back and says whether they were applied.
import type { PendingWriteResult } from '../../../contract/setup-shapes';
import { randomBytes } from 'node:crypto';
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

  /** `readBackOnly`: a write without an answer, finished by reading back only (no change to wait for). */
  remember(changeId: string, finish: FinishWrite, readBackOnly = false): void {
    this.byChange.delete(changeId);
    this.byChange.set(changeId, (hooks) =>
      finish(hooks, readBackOnly ? { changeId, readBackOnly } : { changeId }),
    );
    while (this.byChange.size > MAX_REMEMBERED) {
      const oldest = this.byChange.keys().next().value;
      if (oldest === undefined) break;
      this.byChange.delete(oldest);
    }
  }

  get(changeId: string): Resumable {
    const finish = this.byChange.get(changeId);
    if (finish === undefined) throw new AppError('SETUP_NO_PENDING_WRITE', { detail: { changeId } });
    return finish;
  }

  forget(changeId: string): void {
    this.byChange.delete(changeId);
  }
}

function stoppedWaiting(p: PendingProgress): AppError {
  return new AppError(FaceCodes.WRITE_PENDING, {
    key: 'errors.FACE_WRITE_PENDING.stopped',
    params: { route: p.route, seconds: Math.round(p.elapsedMs / 1000) },
    detail: { route: p.route, changeId: p.changeId, waitedMs: p.elapsedMs, stopped: true },
  });
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
    if (isAppError(e) && e.code === FaceCodes.WRITE_UNCONFIRMED) {
      const checkId = `unconfirmed-${randomBytes(8).toString('hex')}`;
      writes.remember(checkId, finish, true);
      const detail = { ...e.detail, checkId };
      throw e.key === undefined
        ? new AppError(e.code, e.message, e.remedy, detail, e)
        : new AppError(e.code, {
            key: e.key,
            ...(e.params !== undefined ? { params: e.params } : {}),
            detail,
            cause: e,
          });
    }
    throw e;
  }
}

/**
 * A write step from its first read to its read back. A cancel that is still a plain CANCELLED here came before the
 * write was sent (once sent it is FACE_WRITE_UNCONFIRMED, once pending FACE_WRITE_PENDING): nothing changed.
 */
export async function unsentIfCancelled<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isAppError(e) && e.code === 'CANCELLED')
      throw new AppError(FaceCodes.WRITE_CANCELLED, { key: 'errors.FACE_WRITE_CANCELLED', cause: e });
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
  try {
    const result = await pendingAware(writes, hooks, resume, (h) => resume(h));
    writes.forget(changeId);
    return result;
  } catch (e) {
    // Stopped before the first status read: the change was sent long ago and stays queued, as after Stop.
    if (isAppError(e) && e.code === 'CANCELLED')
      throw new AppError(FaceCodes.WRITE_PENDING, {
        key: 'errors.FACE_WRITE_PENDING.stoppedEarly',
        detail: { changeId, waitedMs: 0, stopped: true },
      });
    throw e;
  }
}

/**
 * "Check what XS4 Face holds" after FACE_WRITE_UNCONFIRMED: reads the values back (nothing is sent). Held: the write's
 * own result, recorded as applied. Not held: FACE_WRITE_ABSENT (the change was not applied; save again).
 */
export async function checkUnconfirmed(
  writes: PendingWrites,
  checkId: string,
  hooks: OperationHooks,
): Promise<PendingWriteResult> {
  const readBack = writes.get(checkId);
  try {
    const result = await readBack(hooks);
    writes.forget(checkId);
    return result;
  } catch (e) {
    if (isAppError(e) && e.code === FaceCodes.WRITE_NOT_APPLIED) {
      writes.forget(checkId);
      throw new AppError(FaceCodes.WRITE_ABSENT, {
        key: 'errors.FACE_WRITE_ABSENT',
        ...(e.detail !== undefined ? { detail: e.detail } : {}),
        cause: e,
      });
    }
    throw e;
  }
}
