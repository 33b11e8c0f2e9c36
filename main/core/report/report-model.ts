// Turns a run (live or from a bundle) into the report's model, redacting every string on the way.
import type { RunResult } from '../checks/run-result';
import { recordsInOrder } from '../checks/run-result';
import { verdict, verdictOf } from '../checks/check-view';
import type { CheckView } from '../../../contract/setup-shapes';
import { redactValue } from '../secrets/redact';
import { text, type Text } from '../../../contract/text';
import type { ReportInput, ReportModel } from './html-report';
import { FaceSignedInEvidenceSchema } from '../checks/face/face-signed-in';

export interface ReportMeta {
  toolVersion: string;
  generatedAt: Date;
  collectedAt?: string;
  machineName?: string;
  platform?: string;
  inputs: ReportInput[];
  notes?: Text[];
  /** Every secret the run knew: none of them may appear in the report. */
  secrets: readonly string[];
}

/** The XS4 Face site and server the run worked on, as the Console names them (from the sign-in check's evidence). */
export function faceServerRow(run: RunResult): ReportInput | null {
  const parsed = FaceSignedInEvidenceSchema.safeParse(run.byId['face.signed-in']?.evidence);
  if (!parsed.success || !parsed.data.selected) return null;
  const sel = parsed.data.selected;
  const s = parsed.data.servers.find((v) => v.siteId === sel.siteId && v.serverId === sel.serverId);
  if (!s) return null;
  const params = { site: s.siteName, server: s.serverName, ids: `${s.siteId}/${s.serverId}` };
  return {
    label: text('report.input.faceSiteServer'),
    value: s.online ? text('report.input.serverOnline', params) : text('report.input.serverOffline', params),
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
    inputs?: ReportInput[];
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
