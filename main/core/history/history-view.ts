// The applied-settings history as the Summary step lists it: when, what, on what, and whether it worked (as sentences
// of the catalogs, which the page says in its language).
import type { HistoryEntryView } from '../../../contract/setup-shapes';
import { text } from '../../../contract/text';
import type { HistorySummary } from './history-entry';
import { targetName } from './target-names';

/** What the view needs of an entry (HistoryStore's entries have more). */
export interface HistoryEntryLike {
  time: string;
  kind: string;
  target: string;
  result: { ok: boolean; summary: HistorySummary; code?: string | undefined };
}

export function historyView(e: HistoryEntryLike): HistoryEntryView {
  return {
    time: e.time,
    kind: e.kind,
    target: e.target,
    targetName: targetName(e.target),
    summary: e.result.summary,
    result: e.result.ok
      ? text('history.result.ok')
      : e.result.code === undefined
        ? text('history.result.failed')
        : text('history.result.failedCode', { code: e.result.code }),
  };
}
