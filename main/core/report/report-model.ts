// Turns a run (live or from a bundle) into the report's model, redacting every string on the way.
import type { RunResult } from '../checks/run-result';
import { recordsInOrder } from '../checks/run-result';
import { verdict, verdictOf } from '../checks/check-view';
import type { CheckView } from '../../../contract/setup-shapes';
import { redactValue } from '../secrets/redact';
import type { ReportModel } from './html-report';

export interface ReportMeta {
  toolVersion: string;
  generatedAt: Date;
  collectedAt?: string;
  machineName?: string;
  platform?: string;
  inputs: Array<{ label: string; value: string }>;
  notes?: string[];
  /** Every secret the run knew: none of them may appear in the report. */
  secrets: readonly string[];
}

export function reportModel(run: RunResult, meta: ReportMeta): ReportModel {
  const model: ReportModel = {
    generatedAt: meta.generatedAt.toISOString(),
    toolVersion: meta.toolVersion,
    source: run.mode,
    collectedAt: meta.collectedAt ?? run.startedAt,
    ...(meta.machineName ? { machineName: meta.machineName } : {}),
    ...(meta.platform ? { platform: meta.platform } : {}),
    inputs: meta.inputs,
    counts: run.counts,
    checks: recordsInOrder(run).map(verdictOf),
    ...(meta.notes ? { notes: meta.notes } : {}),
  };
  return redactValue(model, meta.secrets);
}

/** A report of a live run from the views the page showed (already free of secrets), counted here. */
export function liveReportModel(
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
    checks: views.map(verdict),
  };
}
