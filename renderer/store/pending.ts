// Writes XS4 Face accepted that the on-site server has not received yet: what the technician sees after a write stopped
// waiting (its deadline, or Stop), and "Keep waiting", which finishes the same change (read back) and puts its result
// where the step shows it.
import type { StateCreator } from 'zustand';
import type { PendingWriteResult } from '../../contract/setup-shapes';
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

export interface PendingState {
  pendingWrite: PendingWrite | null;
  /** How the last pending write ended on screen: received and read back, or left queued on purpose. */
  pendingOutcome: 'applied' | 'stopped' | null;
}

export interface PendingActions {
  keepWaiting(): Promise<void>;
  /** Stops waiting for good: the change stays queued in XS4 Face; the step is saved again later. */
  stopWaiting(): void;
}

export const initialPending: PendingState = { pendingWrite: null, pendingOutcome: null };

/** The step's state after a write finished by "Keep waiting". */
function resultState(r: PendingWriteResult): Partial<SetupStore> {
  switch (r.write) {
    case 'integrations':
      return { cards: r.cards, cardsLoaded: true };
    case 'spaceDetails':
      return { details: r.details };
    case 'shipKey':
      return { shipKey: r.shipKey };
    case 'authKey':
      return { generalOptions: r.generalOptions, authKeyResetAt: new Date().toISOString() };
    case 'enrollment':
      return { enrollment: r.enrollment, policyRefused: null };
  }
}

export const createPendingSlice: StateCreator<SetupStore, [], [], PendingState & PendingActions> = (
  set,
  get,
) => {
  const { operate } = activity(set);
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
      set({ ...resultState(result), pendingOutcome: 'applied' });
      // Saving the Enrollment Service is followed by its policy check, as when the write is applied at once.
      if (result.write === 'enrollment') {
        const list = await operate('policyCheck', 'policyCheck', (operationId) =>
          xs4().setup.runChecks({ operationId, ids: [...ENROLLMENT_CHECKS] }),
        );
        if (list !== undefined) set({ policyChecks: list });
      }
    },

    stopWaiting() {
      if (get().pendingWrite === null) return;
      set({ pendingWrite: null, pendingOutcome: 'stopped' });
    },
  };
};
