// The check-run panel of every view that runs checks: its Run button(s), the live operation with Cancel, the failure
// the core explained, and the check list with Fix and Undo (each confirmed first).
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckView } from '../../contract/setup-shapes';
import type { CallError } from '../bridge/errors';
import type { OperationKind } from '../store/busy';
import type { OperationView } from '../store/operation';
import { useSetupStore } from '../store/setup';
import { CheckList } from './CheckList';
import { FailureNotice } from './FailureNotice';
import { LogPanel } from './LogPanel';

/** A check list whose Fix and Undo act through the store (disabled while anything runs). */
export function LiveCheckList({ checks }: { checks: CheckView[] }): ReactElement {
  const busy = useSetupStore((s) => s.busy);
  const applyFix = useSetupStore((s) => s.applyFix);
  const undoFix = useSetupStore((s) => s.undoFix);
  return (
    <CheckList
      checks={checks}
      busy={busy !== null}
      onFix={(id) => void applyFix(id)}
      onUndo={(id) => void undoFix(id)}
    />
  );
}

interface Props {
  /** The toolbar: the Run button and what goes beside it. */
  actions?: ReactNode;
  /** The running operations this panel follows (e.g. a check run and the fixes started from its list). */
  kinds: readonly OperationKind[];
  /** Whether to show the operation's output (a check run prints nothing). */
  showLog: (operation: OperationView) => boolean;
  /** The failure to show here; omitted when the view shows failures elsewhere. */
  error?: CallError | null;
  /** Extra actions under the failure, e.g. "Open Troubleshoot". */
  errorActions?: ReactNode;
  /** The checks to list; nothing is listed while it is empty. */
  checks?: CheckView[];
  /** Shown while there are no checks and nothing runs. */
  empty?: ReactNode;
  /** After the list. */
  children?: ReactNode;
}

export function CheckRunPanel({
  actions,
  kinds,
  showLog,
  error,
  errorActions,
  checks = [],
  empty,
  children,
}: Props): ReactElement {
  const { t } = useTranslation('setup');
  const operation = useSetupStore((s) => s.operation);
  const cancelOperation = useSetupStore((s) => s.cancelOperation);
  const step = useSetupStore((s) => s.step);
  // An operation of another step is said there (and by the frame's "still running" note here), not in this list.
  const op =
    operation !== null && kinds.includes(operation.kind) && operation.running && operation.step === step
      ? operation
      : null;
  return (
    <>
      {actions !== undefined && <div className="toolbar">{actions}</div>}
      {op !== null && (
        <LogPanel
          operation={op}
          title={t(`op.kind.${op.kind}`)}
          onCancel={() => void cancelOperation()}
          showLog={showLog(op)}
        />
      )}
      {error != null && <FailureNotice error={error}>{errorActions}</FailureNotice>}
      {checks.length > 0 && <LiveCheckList checks={checks} />}
      {checks.length === 0 && op === null && empty}
      {children}
    </>
  );
}
