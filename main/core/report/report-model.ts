// Turns a run (live or from a bundle) into the report's model, redacting every string on the way.
import type { RunResult } from '../checks/run-result';
import { recordsInOrder } from '../checks/run-result';
import { redactValue } from '../evidence/redact';
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
