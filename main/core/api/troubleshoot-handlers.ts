// Handlers for `troubleshoot.*`: evaluate an evidence bundle offline (the same engine as `xs4-setup evaluate`)
// and export the HTML report (the same as `xs4-setup report`) of the bundle on screen or of the last live run.
import { resolve } from 'node:path';
import type {
  TroubleshootChannel,
  TroubleshootInput,
  TroubleshootOutput,
} from '../../../contract/troubleshoot-channels';
import type { CheckView } from '../../../contract/setup-shapes';
import { recordsInOrder, type RunResult } from '../checks/run-result';
import { evaluateEvidence } from '../checks/runner';
import type { Check } from '../checks/types';
import { AppError } from '../errors';
import { readBundle } from '../evidence/bundle-reader';
import { writeFileAtomic } from '../fs/atomic-write';
import { renderHtmlReport } from '../report/html-report';
import { reportModel } from '../report/report-model';
import type { ReportModel } from '../report/html-report';
import type { LastChecks } from './last-checks';

/** A run with what a report needs to say about it; `secrets` are redacted from every string of the report. */
export interface ReportableRun {
  run: RunResult;
  secrets: string[];
  machineName?: string;
  platform?: string;
  collectedAt?: string;
  inputs: Array<{ label: string; value: string }>;
  notes: string[];
}

export interface TroubleshootWiring {
  /** The product's checks: a bundle is evaluated with their pure `evaluate` (nothing is collected). */
  checks: () => readonly Check[];
  toolVersion: string;
}

/** What the handlers know about this machine and session besides the wiring. */
export interface TroubleshootContext {
  clock: () => Date;
  /** The last full run of checks on this server (set by the setup channels). */
  lastChecks: LastChecks;
  machineName: string;
  platform: string;
}

export type TroubleshootHandlers = {
  [K in TroubleshootChannel]: (input: TroubleshootInput<K>) => Promise<TroubleshootOutput<K>>;
};

/** A run's records as the GUI shows them; a bundle from elsewhere cannot be fixed from here, so no fix or undo. */
export function checkViews(run: RunResult): CheckView[] {
  return recordsInOrder(run).map((r) => ({
    id: r.id,
    title: r.title,
    status: r.result.status,
    summary: r.result.summary,
    ...(r.result.detail !== undefined ? { detail: r.result.detail } : {}),
    ...(r.result.remedy !== undefined ? { remedy: r.result.remedy } : {}),
    ...(r.result.code !== undefined ? { code: r.result.code } : {}),
    durationMs: r.durationMs,
    fix: null,
    undoAvailable: false,
  }));
}

/** A report of a live run from the views the page showed (already free of secrets), counted here. */
function liveReport(
  views: CheckView[],
  at: Date,
  meta: { toolVersion: string; generatedAt: Date; machineName: string; platform: string },
): ReportModel {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const v of views) counts[v.status] += 1;
  return {
    generatedAt: meta.generatedAt.toISOString(),
    toolVersion: meta.toolVersion,
    source: 'live',
    collectedAt: at.toISOString(),
    machineName: meta.machineName,
    platform: meta.platform,
    inputs: [],
    counts,
    checks: views.map((v) => ({
      id: v.id,
      title: v.title,
      status: v.status,
      summary: v.summary,
      ...(v.detail !== undefined ? { detail: v.detail } : {}),
      ...(v.remedy !== undefined ? { remedy: v.remedy } : {}),
      ...(v.code !== undefined ? { code: v.code } : {}),
    })),
  };
}

export function troubleshootHandlers(
  wiring: TroubleshootWiring,
  context: TroubleshootContext,
): TroubleshootHandlers {
  const { clock } = context;
  let opened: ReportableRun | null = null;
  return {
    'troubleshoot.openBundle': async ({ path }) => {
      const dir = resolve(path);
      const checks = wiring.checks();
      const bundle = await readBundle(dir, checks);
      const run = await evaluateEvidence(checks, bundle.supplied, { now: clock });
      const m = bundle.manifest;
      const notes: string[] = [];
      if (m === undefined)
        notes.push('No manifest.json: only the evidence files present in the folder were evaluated.');
      if (bundle.unknownChecks.length > 0)
        notes.push(
          `The bundle has evidence for checks this version does not know: ${bundle.unknownChecks.join(', ')}.`,
        );
      opened = {
        run,
        // The bundle was redacted when it was written; nothing secret is known here.
        secrets: [],
        ...(m?.machineName !== undefined ? { machineName: m.machineName } : {}),
        ...(m !== undefined ? { platform: m.platform, collectedAt: m.createdAt } : {}),
        inputs: [{ label: 'Evidence folder', value: dir }],
        notes,
      };
      return {
        path: dir,
        checks: checkViews(run),
        machineName: m?.machineName ?? null,
        platform: m?.platform ?? null,
        collectedAt: m?.createdAt ?? null,
        notes,
      };
    },
    'troubleshoot.exportReport': async ({ source, path }) => {
      const live = context.lastChecks.get();
      if (source === 'bundle' ? opened === null : live === null) {
        throw new AppError(
          'REPORT_NOTHING_TO_EXPORT',
          source === 'bundle' ? 'No evidence bundle is open.' : 'No checks have been run in this session.',
          source === 'bundle'
            ? 'Open a bundle first, then export its report.'
            : 'Run all checks first, then export the report.',
          { source },
        );
      }
      let model: ReportModel;
      if (source === 'bundle' && opened !== null) {
        model = reportModel(opened.run, {
          toolVersion: wiring.toolVersion,
          generatedAt: clock(),
          ...(opened.collectedAt !== undefined ? { collectedAt: opened.collectedAt } : {}),
          ...(opened.machineName !== undefined ? { machineName: opened.machineName } : {}),
          ...(opened.platform !== undefined ? { platform: opened.platform } : {}),
          inputs: opened.inputs,
          notes: opened.notes,
          secrets: opened.secrets,
        });
      } else {
        const { views, at } = live!;
        model = liveReport(views, at, {
          toolVersion: wiring.toolVersion,
          generatedAt: clock(),
          machineName: context.machineName,
          platform: context.platform,
        });
      }
      const html = renderHtmlReport(model);
      const target = resolve(path);
      try {
        await writeFileAtomic(target, html);
      } catch (e) {
        throw new AppError(
          'REPORT_WRITE_FAILED',
          `Could not write ${target} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
          'Choose a folder you can write to.',
          { file: target },
        );
      }
      return { path: target, counts: model.counts };
    },
  };
}
