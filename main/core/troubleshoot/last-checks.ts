// The last full run of checks in this session, as the GUI showed it, so Troubleshoot can export it as a report.
// The views are what already crossed IPC to the page, so they hold no secrets.
import type { CheckView } from '../../../contract/setup-shapes';
import type { SetupService } from '../setup/service';
import { text } from '../../../contract/text';
import type { ReportInput } from '../report/html-report';

export interface LastChecks {
  /** Records a full run (every check), with what it worked on. */
  set(views: CheckView[], at: Date, inputs?: ReportInput[]): void;
  /** Replaces one check after a fix or undo, when that check is part of the recorded run. */
  update(view: CheckView): void;
  get(): { views: CheckView[]; at: Date; inputs: ReportInput[] } | null;
}

export function createLastChecks(): LastChecks {
  let last: { views: CheckView[]; at: Date; inputs: ReportInput[] } | null = null;
  return {
    set: (views, at, inputs = []) => {
      last = { views, at, inputs };
    },
    update: (view) => {
      if (last !== null) last = { ...last, views: last.views.map((v) => (v.id === view.id ? view : v)) };
    },
    get: () => last,
  };
}

/** The XS4 Face server the setup flow works on, as the report names it (the app's choice in the Connect step). */
async function faceInputs(service: SetupService): Promise<ReportInput[]> {
  const c = await service.faceChoice().catch(() => null);
  if (c === null) return [];
  const named = c.siteName !== null && c.serverName !== null;
  return [
    { label: text('report.input.faceServer'), value: c.url },
    {
      label: text('report.input.faceSiteServer'),
      value: named
        ? `${c.siteName} › ${c.serverName} (${c.siteId}/${c.serverId})`
        : `${c.siteId}/${c.serverId}`,
    },
  ];
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
      if (ids === null) last.set(views, clock(), await faceInputs(service));
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
    async collectBundle(outDir, hooks, options) {
      const out = await service.collectBundle(outDir, hooks, options);
      last.set(out.checks, clock(), await faceInputs(service));
      return out;
    },
  };
}
