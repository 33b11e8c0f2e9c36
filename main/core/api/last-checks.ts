// The last full run of checks in this session, as the GUI showed it, so Troubleshoot can export it as a report.
// The views are what already crossed IPC to the page, so they hold no secrets.
import type { CheckView } from '../../../contract/setup-shapes';

export interface LastChecks {
  /** Records a full run (every check). */
  set(views: CheckView[], at: Date): void;
  /** Replaces one check after a fix or undo, when that check is part of the recorded run. */
  update(view: CheckView): void;
  get(): { views: CheckView[]; at: Date } | null;
}

export function createLastChecks(): LastChecks {
  let last: { views: CheckView[]; at: Date } | null = null;
  return {
    set: (views, at) => {
      last = { views, at };
    },
    update: (view) => {
      if (last !== null) last = { ...last, views: last.views.map((v) => (v.id === view.id ? view : v)) };
    },
    get: () => last,
  };
}
