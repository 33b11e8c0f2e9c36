// The last full run of checks in this session, as the GUI showed it, so Troubleshoot can export it as a report.
// The views are what already crossed IPC to the page, so they hold no secrets.
import type { CheckView } from '../../../contract/setup-shapes';
import type { SetupService } from '../setup/service';

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

/**
 * The setup service with its check runs recorded: a run of every check (and a collected bundle) becomes the last run,
 * and a fix or undo replaces its check in it. What Troubleshoot exports as the live report.
 */
export function recordingLastChecks(
  service: SetupService,
  last: LastChecks,
  clock: () => Date,
): SetupService {
  return {
    ...service,
    async runChecks(ids, hooks) {
      const views = await service.runChecks(ids, hooks);
      if (ids === null) last.set(views, clock());
      return views;
    },
    async applyFix(checkId, hooks) {
      const view = await service.applyFix(checkId, hooks);
      last.update(view);
      return view;
    },
    async undoFix(checkId, hooks) {
      const view = await service.undoFix(checkId, hooks);
      last.update(view);
      return view;
    },
    async collectBundle(outDir, hooks) {
      const out = await service.collectBundle(outDir, hooks);
      last.set(out.checks, clock());
      return out;
    },
  };
}
