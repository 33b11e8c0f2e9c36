// The typed outcome of one run of checks (live or from a bundle) and the progress events the TTY table and the GUI follow.
import type { CheckResult, CheckStatus } from './types';
import type { Sayable } from '../../../contract/text';
import type { ErrorInfo } from '../errors';

/** How the evidence of one check was obtained. */
export type EvidenceOutcome =
  /** Evidence is present (collected live or read from a bundle). */
  | 'collected'
  /** Collection was attempted and failed; `error` says why. */
  | 'error'
  /** Collection was not attempted (missing input, dependency, platform, cancelled, not in the bundle). */
  | 'not-run';

export interface CheckRunRecord {
  id: string;
  title: Sayable;
  outcome: EvidenceOutcome;
  /** Raw evidence when outcome is "collected" (may contain secrets until redacted for output). */
  evidence?: unknown;
  error?: ErrorInfo;
  result: CheckResult;
  durationMs: number;
}

export interface RunResult {
  mode: 'live' | 'evidence';
  startedAt: string;
  finishedAt: string;
  /** Check ids in registry order. */
  order: string[];
  byId: Record<string, CheckRunRecord>;
  counts: Record<CheckStatus, number>;
  /** True when the run was cancelled through the external signal. */
  cancelled: boolean;
  /** True when the overall deadline cut the run short. */
  deadlineReached: boolean;
}

export type RunProgressEvent =
  | { type: 'started'; id: string; title: Sayable; index: number; total: number }
  | {
      type: 'finished';
      id: string;
      title: Sayable;
      index: number;
      total: number;
      result: CheckResult;
      durationMs: number;
    };

/** The records in registry order. */
export function recordsInOrder(run: RunResult): CheckRunRecord[] {
  return run.order.map((id) => run.byId[id]).filter((r): r is CheckRunRecord => r !== undefined);
}
