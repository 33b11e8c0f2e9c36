// The applied-settings history as the Summary step lists it: when, what, on what, and whether it worked.
import type { HistoryEntryView } from '../../../contract/setup-shapes';
import type { Sayable } from '../../../contract/text';

/** What the view needs of an entry (HistoryStore's entries have more). */
export interface HistoryEntryLike {
  time: string;
  kind: string;
  target: string;
  result: { ok: boolean; summary: Sayable; code?: string };
}

export function historyView(e: HistoryEntryLike): HistoryEntryView {
  return {
    time: e.time,
    kind: e.kind,
    target: e.target,
    summary: e.result.summary,
    result: e.result.ok ? 'ok' : `failed${e.result.code === undefined ? '' : ` (${e.result.code})`}`,
  };
}
