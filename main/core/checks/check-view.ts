// The one mapping from a check's record to what people see: its verdict (GUI, reports, JSON) and the GUI's view.
import type { CheckView } from '../../../contract/setup-shapes';
import type { Sayable } from '../../../contract/text';
import type { CheckRunRecord } from './run-result';
import type { CheckStatus } from './types';

/** What every output shows of a check: id, title, status, summary, and detail, remedy and code when there are any. */
export interface CheckVerdict {
  id: string;
  title: Sayable;
  status: CheckStatus;
  summary: Sayable;
  detail?: Sayable;
  remedy?: Sayable;
  code?: string;
}

/** The verdict fields of anything that carries them (empty detail, remedy or code are left out). */
export function verdict(v: CheckVerdict): CheckVerdict {
  return {
    id: v.id,
    title: v.title,
    status: v.status,
    summary: v.summary,
    ...(v.detail ? { detail: v.detail } : {}),
    ...(v.remedy ? { remedy: v.remedy } : {}),
    ...(v.code ? { code: v.code } : {}),
  };
}

/** The verdict of one record of a run. */
export function verdictOf(r: CheckRunRecord): CheckVerdict {
  return verdict({ id: r.id, title: r.title, ...r.result });
}

/** What the GUI can do about a check here: a fix to offer and whether an applied fix can be undone. */
export interface CheckActions {
  fix: CheckView['fix'];
  undoAvailable: boolean;
}

/** A record as the GUI shows it; without actions (a bundle from elsewhere) nothing can be fixed or undone. */
export function checkView(
  r: CheckRunRecord,
  actions: CheckActions = { fix: null, undoAvailable: false },
): CheckView {
  return { ...verdictOf(r), durationMs: r.durationMs, ...actions };
}
