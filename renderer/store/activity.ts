// What is running and what went wrong, shared by the wizard and Troubleshoot slices: the busy action, the failure the
// core explained, the fields it names, and the long operation on screen; also the check fixes both offer.
import type { StateCreator } from 'zustand';
import type { CheckView } from '../../contract/setup-shapes';
import type { DialogInput } from '../../contract/dialog-channels';
import { toCallError, type CallError } from '../bridge/errors';
import { xs4 } from '../bridge/xs4';
import type { Busy, OperationKind } from './busy';
import { cancelOperation, runOperation, type OperationView } from './operation';
import type { FieldError } from './validation';
import type { PendingWrite } from './pending';
import type { SetupStore } from './setup';

export interface ActivityState {
  /** The action in flight; buttons of the view disable while set. */
  busy: Busy | null;
  error: CallError | null;
  fieldErrors: FieldError[];
  operation: OperationView | null;
}

export interface ActivityActions {
  clearError(): void;
  cancelOperation(): Promise<void>;
  applyFix(checkId: string): Promise<void>;
  undoFix(checkId: string): Promise<void>;
  /** Browse…: the system's file or folder dialog (main process); the chosen path, or null when cancelled or failed. */
  choosePath(request: DialogInput<'dialog.choosePath'>): Promise<string | null>;
}

export const initialActivity: ActivityState = { busy: null, error: null, fieldErrors: [], operation: null };

type Set = Parameters<StateCreator<SetupStore>>[0];

/** The helpers every slice's actions go through. */
export interface Activity {
  /**
   * Runs one action: marks it busy, clears the old error, and turns a rejection into the view's error (an
   * INVALID_INPUT naming a field also becomes that field's inline error). A write left pending (FACE_WRITE_PENDING)
   * becomes the pending-write panel instead; `handled` may take other failures (true: not shown as an error).
   * Returns undefined on failure.
   */
  act<T>(name: Busy, work: () => Promise<T>, handled?: (error: CallError) => boolean): Promise<T | undefined>;
  /** Client-side rule checks; true when the form may be sent. */
  validated(errors: Array<FieldError | null>): boolean;
  /** A long operation with live progress and a cancel handle, as one busy action. */
  operate<T>(
    busy: Busy,
    kind: OperationKind,
    call: (operationId: string) => Promise<T>,
  ): Promise<T | undefined>;
}

/** A write XS4 Face still holds for the on-site server, from its FACE_WRITE_PENDING (null for any other failure). */
function pendingWriteOf(name: Busy, error: CallError): PendingWrite | null {
  const changeId = error.params?.changeId;
  if (error.code !== 'FACE_WRITE_PENDING' || typeof changeId !== 'string') return null;
  const waited = error.params?.waitedMs;
  return {
    changeId,
    action: name,
    waitedMs: typeof waited === 'number' ? waited : 0,
    stopped: error.params?.stopped === 'true',
  };
}

export function activity(set: Set): Activity {
  const act: Activity['act'] = async (name, work, handled) => {
    set({ busy: name, error: null, fieldErrors: [] });
    try {
      return await work();
    } catch (e) {
      const error = toCallError(e);
      const left = pendingWriteOf(name, error);
      if (left !== null) {
        set({ pendingWrite: left, pendingOutcome: null });
        return undefined;
      }
      if (handled?.(error) === true) return undefined;
      const fieldErrors: FieldError[] =
        error.field !== undefined && error.rule !== undefined
          ? [{ field: error.field, rule: 'core', values: { text: error.rule } }]
          : [];
      set({ error, fieldErrors });
      return undefined;
    } finally {
      set({ busy: null });
    }
  };
  return {
    act,
    validated(errors) {
      const fieldErrors = errors.filter((e): e is FieldError => e !== null);
      set({ fieldErrors, error: null });
      return fieldErrors.length === 0;
    },
    operate: (busy, kind, call) =>
      act(busy, () => runOperation(kind, (operation) => set({ operation }), call)),
  };
}

/** Replaces one check (after a fix or undo) wherever a list shows it. */
function replaceCheck(list: CheckView[], updated: CheckView): CheckView[] {
  return list.map((c) => (c.id === updated.id ? updated : c));
}

export const createActivitySlice: StateCreator<SetupStore, [], [], ActivityState & ActivityActions> = (
  set,
  get,
) => {
  const { act, operate } = activity(set);
  async function change(kind: 'fix' | 'undo', checkId: string): Promise<void> {
    const updated = await operate(kind, kind, (operationId) =>
      kind === 'fix'
        ? xs4().setup.applyFix({ operationId, checkId, confirmed: true })
        : xs4().setup.undoFix({ operationId, checkId, confirmed: true }),
    );
    if (updated === undefined) return;
    set((s) => ({
      settingsChecks: replaceCheck(s.settingsChecks, updated),
      policyChecks: replaceCheck(s.policyChecks, updated),
      troubleshootChecks: replaceCheck(s.troubleshootChecks, updated),
      verifyResult:
        s.verifyResult === null
          ? null
          : { ...s.verifyResult, diagnosis: replaceCheck(s.verifyResult.diagnosis, updated) },
    }));
  }
  return {
    ...initialActivity,
    clearError() {
      set({ error: null, fieldErrors: [] });
    },
    async cancelOperation() {
      const op = get().operation;
      if (op === null || !op.running) return;
      set({ operation: { ...op, cancelRequested: true } });
      try {
        await cancelOperation(op);
      } catch (e) {
        set({ error: toCallError(e) });
      }
    },
    applyFix: (checkId) => change('fix', checkId),
    undoFix: (checkId) => change('undo', checkId),
    async choosePath(request) {
      return (await act('browse', () => xs4().dialog.choosePath(request))) ?? null;
    },
  };
};
