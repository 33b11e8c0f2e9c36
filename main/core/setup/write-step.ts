// The one way a setup step sends a write to XS4 Face: with the XS4 Face client of the operation's hooks, and kept
// resumable when it stops pending or without an answer, so "Keep waiting" and "Check what XS4 Face holds" finish it.
import type { PendingWriteResult } from '../../../contract/setup-shapes';
import type { FaceClient, Resume } from '../face/face-client';
import { faceSession, type SetupContext } from './context';
import { pendingAware } from './pending-writes';
import type { OperationHooks } from './service';

export interface WriteStep<T> {
  /**
   * Sends the write (or, resuming, waits for its change or only reads back), verifies what XS4 Face holds, records it
   * and returns what the step shows. `client` reports to the hooks of whichever operation runs it.
   */
  write(client: FaceClient, resume?: Resume): Promise<T>;
  /** What "Keep waiting" or "Check what XS4 Face holds" hands the page when it finishes this write later. */
  finished(value: T): PendingWriteResult;
}

/** Runs `step.write` now; a write left pending or unconfirmed is remembered with how to finish it, then rethrown. */
export function sendWrite<T>(ctx: SetupContext, hooks: OperationHooks, step: WriteStep<T>): Promise<T> {
  const run = async (h: OperationHooks, resume?: Resume): Promise<T> =>
    step.write((await faceSession(ctx, h)).client, resume);
  return pendingAware(
    ctx.pendingWrites,
    hooks,
    (h) => run(h),
    async (h, resume) => step.finished(await run(h, resume)),
  );
}
