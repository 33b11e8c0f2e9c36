// Turns a run (live or from a bundle) into the report's model, redacting every string on the way.
import type { RunResult } from '../checks/run-result';
import { recordsInOrder } from '../checks/run-result';
import { verdict, verdictOf } from '../checks/check-view';
import type { CheckView } from '../../../contract/setup-shapes';
import { redactValue } from '../secrets/redact';
import type { ReportModel } from './html-report';
import { FaceSignedInEvidenceSchema } from '../checks/face/face-signed-in';

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

/** The XS4 Face site and server the run worked on, as the Console names them (from the sign-in check's evidence). */
export function faceServerRow(run: RunResult): { label: string; value: string } | null {
  const parsed = FaceSignedInEvidenceSchema.safeParse(run.byId['face.signed-in']?.evidence);
  if (!parsed.success || !parsed.data.selected) return null;
  const sel = parsed.data.selected;
  const s = parsed.data.servers.find((v) => v.siteId === sel.siteId && v.serverId === sel.serverId);
  if (!s) return null;
  return {
    label: 'XS4 Face site › server',
    value: `${s.siteName} › ${s.serverName} (${s.siteId}/${s.serverId}, ${s.online ? 'online' : 'offline'})`,
  };
}

export function reportModel(run: RunResult, meta: ReportMeta): ReportModel {
  const face = faceServerRow(run);
  const model: ReportModel = {
    generatedAt: meta.generatedAt.toISOString(),
    toolVersion: meta.toolVersion,
    source: run.mode,
    collectedAt: meta.collectedAt ?? run.startedAt,
    ...(meta.machineName ? { machineName: meta.machineName } : {}),
    ...(meta.platform ? { platform: meta.platform } : {}),
    inputs: face ? [...meta.inputs, face] : meta.inputs,
    counts: run.counts,
    checks: recordsInOrder(run).map(verdictOf),
    ...(meta.notes ? { notes: meta.notes } : {}),
  };
  return redactValue(model, meta.secrets);
}

/**
 * A report of a live run from the views the page showed, counted here. The views were redacted when made; the model is
 * redacted again against every secret the app holds, as every report is (a view kept from before a key was set or
 * changed must not carry it into a file).
 */
export function liveReportModel(
  views: CheckView[],
  at: Date,
  meta: {
    toolVersion: string;
    generatedAt: Date;
    machineName: string;
    platform: string;
    secrets: readonly string[];
    /** What the run worked on (the XS4 Face server chosen in the app). */
    inputs?: Array<{ label: string; value: string }>;
  },
): ReportModel {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const v of views) counts[v.status] += 1;
  const model: ReportModel = {
    generatedAt: meta.generatedAt.toISOString(),
    toolVersion: meta.toolVersion,
    source: 'live',
    collectedAt: at.toISOString(),
    machineName: meta.machineName,
    platform: meta.platform,
    inputs: meta.inputs ?? [],
    counts,
    checks: views.map(verdict),
  };
  return redactValue(model, meta.secrets);
}
