// Writes to XS4 Face that did not simply succeed or fail, and what the technician can do about them: one the on-site
// server has not received yet (Keep waiting, which finishes the same change and reads it back, or Stop); one sent
// without an answer — cancelled, cut, timed out — which may have been applied (Check what XS4 Face holds, which reads
// it back); one cancelled before it was sent. Each belongs to the step that wrote it (`writeOn`).
import type { StateCreator } from 'zustand';
import type { PendingWriteResult } from '../../contract/setup-shapes';
import type { StepId } from '../../contract/steps';
import type { CallError } from '../bridge/errors';
import { xs4 } from '../bridge/xs4';
import { activity } from './activity';
import type { Busy } from './busy';
import { ENROLLMENT_CHECKS } from './step-checks';
import type { SetupStore } from './setup';

/** A write left pending: its change, the action that wrote it, how long it was waited for. */
export interface PendingWrite {
  changeId: string;
  action: Busy;
  waitedMs: number;
  /** The technician pressed Stop during the wait (else the wait reached its deadline). */
  stopped: boolean;
}

/** Why a write that was sent has no answer. */
export type UnconfirmedReason = 'cancelled' | 'dropped' | 'timeout';

/** A write sent without an answer: it may have been applied; `checkId` reads it back. */
export interface UnconfirmedWrite {
  checkId: string;
  action: Busy;
  reason: UnconfirmedReason;
}

export interface PendingState {
  /** The step the write below belongs to: its panel shows there only. */
  writeOn: StepId | null;
  pendingWrite: PendingWrite | null;
  /** How the last pending write ended on screen: received and read back, or left queued on purpose. */
  pendingOutcome: 'applied' | 'stopped' | null;
  unconfirmedWrite: UnconfirmedWrite | null;
  /** How the last write without a plain result ended: XS4 Face holds it (read back), does not, or nothing was sent. */
  writeOutcome: 'applied' | 'absent' | 'notSent' | null;
}

export interface PendingActions {
  keepWaiting(): Promise<void>;
  /** Stops waiting for good: the change stays queued in XS4 Face; the step is saved again later. */
  stopWaiting(): void;
  /** Reads back the write sent without an answer: does XS4 Face hold it? */
  checkWrite(): Promise<void>;
}

export const initialPending: PendingState = {
  writeOn: null,
  pendingWrite: null,
  pendingOutcome: null,
  unconfirmedWrite: null,
  writeOutcome: null,
};

const REASONS: readonly string[] = ['cancelled', 'dropped', 'timeout'];

/**
 * What a failed write becomes instead of an error: left pending (FACE_WRITE_PENDING), sent without an answer
 * (FACE_WRITE_UNCONFIRMED), cancelled before it was sent (FACE_WRITE_CANCELLED); null for any other failure.
 */
export function writeStateOf(action: Busy, step: StepId, error: CallError): Partial<SetupStore> | null {
  // Ids live in the error's detail: its parameters are only what its sentence says.
  const p = error.facts ?? {};
  if (error.code === 'FACE_WRITE_PENDING' && typeof p.changeId === 'string')
    return {
      writeOn: step,
      pendingWrite: {
        changeId: p.changeId,
        action,
        waitedMs: typeof p.waitedMs === 'number' ? p.waitedMs : 0,
        stopped: p.stopped === 'true',
      },
      pendingOutcome: null,
    };
  if (error.code === 'FACE_WRITE_UNCONFIRMED' && typeof p.checkId === 'string')
    return {
      writeOn: step,
      unconfirmedWrite: {
        checkId: p.checkId,
        action,
        reason: (REASONS.includes(String(p.reason)) ? p.reason : 'dropped') as UnconfirmedReason,
      },
      writeOutcome: null,
    };
  if (error.code === 'FACE_WRITE_CANCELLED') return { writeOn: step, writeOutcome: 'notSent' };
  if (error.code === 'FACE_WRITE_ABSENT')
    return { writeOn: step, unconfirmedWrite: null, writeOutcome: 'absent' };
  return null;
}

/** The step's state after a write finished by "Keep waiting" or found by "Check what XS4 Face holds". */
function resultState(r: PendingWriteResult, s: SetupStore): Partial<SetupStore> {
  switch (r.write) {
    case 'integrations':
      return { cards: r.cards, cardsLoaded: true };
    case 'spaceDetails':
      return { details: r.details, ...settingsChecksAfter(s.details, r.details) };
    case 'shipKey':
      return {
        shipKey: r.shipKey,
        ...(s.shipKey?.fingerprint !== r.shipKey.fingerprint ? { settingsChecks: [] } : {}),
      };
    case 'authKey':
      return { generalOptions: r.generalOptions, authKeyResetAt: new Date().toISOString() };
    case 'enrollment':
      return { enrollment: r.enrollment, policyRefused: null };
  }
}

/** Space settings' check results describe Space as it was: new details make them run again on arrival. */
export function settingsChecksAfter(
  before: { host: string; port: number; https: boolean } | null,
  after: { host: string; port: number; https: boolean },
): Partial<SetupStore> {
  const same =
    before !== null &&
    before.host === after.host &&
    before.port === after.port &&
    before.https === after.https;
  return same ? {} : { settingsChecks: [] };
}

export const createPendingSlice: StateCreator<SetupStore, [], [], PendingState & PendingActions> = (
  set,
  get,
) => {
  const { operate } = activity(set, get);

  /** Puts a finished write's result where its step shows it; the Enrollment Service is then checked, as after a save. */
  async function finished(result: PendingWriteResult): Promise<void> {
    if (result.write === 'enrollment') {
      const list = await operate('policyCheck', 'policyCheck', (operationId) =>
        xs4().setup.runChecks({ operationId, ids: [...ENROLLMENT_CHECKS] }),
      );
      if (list !== undefined) set({ policyChecks: list });
    }
  }

  return {
    ...initialPending,

    async keepWaiting() {
      const left = get().pendingWrite;
      if (left === null) return;
      set({ pendingWrite: null, pendingOutcome: null });
      const result = await operate('keepWaiting', 'keepWaiting', (operationId) =>
        xs4().setup.keepWaiting({ operationId, changeId: left.changeId }),
      );
      if (result === undefined) return;
      set((s) => ({ ...resultState(result, s), pendingOutcome: 'applied' }));
      await finished(result);
    },

    stopWaiting() {
      if (get().pendingWrite === null) return;
      set({ pendingWrite: null, pendingOutcome: 'stopped' });
    },

    async checkWrite() {
      const sent = get().unconfirmedWrite;
      if (sent === null) return;
      const result = await operate('checkWrite', 'checkWrite', (operationId) =>
        xs4().setup.checkWrite({ operationId, checkId: sent.checkId }),
      );
      // Not found (absent) comes back as a failure the write panel shows; any other failure keeps the question open.
      if (result === undefined) return;
      set((s) => ({ ...resultState(result, s), unconfirmedWrite: null, writeOutcome: 'applied' }));
      await finished(result);
    },
  };
};
