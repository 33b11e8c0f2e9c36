// Turns a run (live or from a bundle) into the report's model, redacting every string on the way.
import type { RunResult } from '../checks/run-result';
import { recordsInOrder } from '../checks/run-result';
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
    checks: recordsInOrder(run).map((r) => ({
      id: r.id,
      title: r.title,
      status: r.result.status,
      summary: r.result.summary,
      ...(r.result.detail ? { detail: r.result.detail } : {}),
      ...(r.result.remedy ? { remedy: r.result.remedy } : {}),
      ...(r.result.code ? { code: r.result.code } : {}),
    })),
    ...(meta.notes ? { notes: meta.notes } : {}),
  };
  return redactValue(model, meta.secrets);
}
