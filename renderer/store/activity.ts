// What is running and what went wrong, shared by the wizard and Troubleshoot slices: the busy action, the failure the
// core explained, the fields it names, and the long operation on screen; also the check fixes both offer.
import { isText, text } from '../../contract/text';
import type { StateCreator } from 'zustand';
import type { CheckView } from '../../contract/setup-shapes';
import type { StepId } from '../../contract/steps';
import type { DialogInput } from '../../contract/dialog-channels';
import { toCallError, type CallError } from '../bridge/errors';
import { xs4 } from '../bridge/xs4';
import type { Busy, OperationKind } from './busy';
import { cancelOperation, runOperation, type OperationView } from './operation';
import type { FieldError } from './validation';
import { formFieldOf } from './form-fields';
import { initialPending, writeStateOf } from './pending';
import type { SetupStore } from './setup';

/** An operation that ended while another step was on screen, and what its own step has to say about it. */
export interface Attention {
  step: StepId;
  action: Busy;
  kind: OperationKind;
  /** The failure, shown on its step when the technician goes there; null when the step shows it itself (a write). */
  error: CallError | null;
}

export interface ActivityState {
  /** The action in flight; buttons of the view disable while set. While a long operation runs and the technician
   * reads another step, it is that operation's action again once a short action ends. */
  busy: Busy | null;
  error: CallError | null;
  fieldErrors: FieldError[];
  operation: OperationView | null;
  attention: Attention | null;
}

export interface ActivityActions {
  clearError(): void;
  cancelOperation(): Promise<void>;
  applyFix(checkId: string): Promise<void>;
  undoFix(checkId: string): Promise<void>;
  /** Browse…: the system's file or folder dialog (main process); the chosen path, or null when cancelled or failed. */
  choosePath(request: DialogInput<'dialog.choosePath'>): Promise<string | null>;
}

export const initialActivity: ActivityState = {
  busy: null,
  error: null,
  fieldErrors: [],
  operation: null,
  attention: null,
};

type Set = Parameters<StateCreator<SetupStore>>[0];
type Get = Parameters<StateCreator<SetupStore>>[1];

/** The helpers every slice's actions go through. */
export interface Activity {
  /**
   * Runs one action: marks it busy, clears the old error, and turns a rejection into the view's error (an error
   * naming a field of the action's form becomes that field's inline error instead). A write that did not simply fail
   * (left pending, sent without an answer, cancelled before it was sent) becomes the write panel instead; `handled` may
   * take other failures (true: not shown as an error). Returns undefined on failure.
   */
  act<T>(name: Busy, work: () => Promise<T>, handled?: (error: CallError) => boolean): Promise<T | undefined>;
  /** Client-side rule checks; true when the form may be sent. */
  validated(errors: Array<FieldError | null>): boolean;
  /**
   * A long operation with live progress and a cancel handle, as one busy action. One at a time: while another runs,
   * this one does not start (undefined).
   */
  operate<T>(
    busy: Busy,
    kind: OperationKind,
    call: (operationId: string) => Promise<T>,
    handled?: (error: CallError) => boolean,
  ): Promise<T | undefined>;
}

/**
 * The field error a core error carries (its field and the catalog key of the rule it broke), named by the action's form
 * field when the form has it (`onForm`); null when the error is about no field.
 */
function fieldErrorOf(action: Busy, error: CallError): { error: FieldError; onForm: boolean } | null {
  if (error.field === undefined || error.rule === undefined) return null;
  const formField = formFieldOf(action, error.field);
  const field = formField ?? error.field;
  // The rule's sentence from the core's catalogs, said in the page's language: the one the error carries (with its
  // values), else the rule's key alone; a foreign rule without a key is shown as it came.
  const ruleText = isText(error.params?.rule)
    ? error.params.rule
    : error.rule.startsWith('rules.')
      ? text(error.rule)
      : undefined;
  return {
    error:
      ruleText !== undefined
        ? { field, rule: 'core', ruleText }
        : { field, rule: 'core', values: { text: error.rule } },
    onForm: formField !== null,
  };
}

/** What `busy` falls back to when an action ends: the long operation still running, if any. */
function stillRunning(s: SetupStore): Busy | null {
  return s.operation?.running === true ? s.operation.action : null;
}

export function activity(set: Set, get: Get): Activity {
  async function run<T>(
    name: Busy,
    work: () => Promise<T>,
    handled: ((error: CallError) => boolean) | undefined,
    kind: OperationKind | null,
  ): Promise<T | undefined> {
    const startedOn = get().step;
    set({ busy: name, error: null, fieldErrors: [] });
    try {
      return await work();
    } catch (e) {
      const error = toCallError(e);
      // The technician may have gone to read another step meanwhile: the outcome belongs to the step that started it.
      const elsewhere = get().step !== startedOn;
      const write = writeStateOf(name, startedOn, error);
      if (write !== null) {
        set(write);
        if (elsewhere && kind !== null)
          set({ attention: { step: startedOn, action: name, kind, error: null } });
        return undefined;
      }
      if (handled?.(error) === true) return undefined;
      if (elsewhere) {
        // A step's own load is done again when it is shown again; an operation's failure waits for its step.
        if (kind !== null) set({ attention: { step: startedOn, action: name, kind, error } });
        return undefined;
      }
      const onField = fieldErrorOf(name, error);
      // An error about a field the form shows is said there, under it, and nowhere else; any other is the step's.
      set({
        error: onField?.onForm === true ? null : error,
        fieldErrors: onField === null ? [] : [onField.error],
      });
      return undefined;
    } finally {
      set((s) => (s.busy === name ? { busy: stillRunning(s) } : {}));
    }
  }

  return {
    act: (name, work, handled) => run(name, work, handled, null),
    validated(errors) {
      const fieldErrors = errors.filter((e): e is FieldError => e !== null);
      set({ fieldErrors, error: null });
      return fieldErrors.length === 0;
    },
    async operate(busy, kind, call, handled) {
      if (get().operation?.running === true) return undefined;
      const step = get().step;
      // A new write replaces what the panel said about the last one.
      if (kind === 'write') set({ ...initialPending, writeOn: step });
      return run(
        busy,
        () => runOperation(kind, (operation) => set({ operation }), call, { action: busy, step }),
        handled,
        kind,
      );
    },
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
  const { act, operate } = activity(set, get);
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
