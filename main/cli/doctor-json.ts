// The JSON that `doctor --json` prints (schema documented in docs/cli.md); fleet tools parse it, so it is versioned.
import { z } from 'zod';
import type { RunResult } from '../core/checks/run-result';
import { recordsInOrder } from '../core/checks/run-result';
import { verdictOf } from '../core/checks/check-view';
import { SECRET_FINGERPRINT } from '../../contract/rules/secret-fingerprint';
import { redactValue } from '../core/secrets/redact';
import type { Sayable, Text } from '../../contract/text';
import { textSchema } from '../../contract/text-schema';
import { say } from './say';

const Status = z.enum(['pass', 'warn', 'fail', 'skip']);
const Fingerprint = z.string().regex(SECRET_FINGERPRINT);

export const DoctorJsonSchema = z.object({
  schema: z.literal('xs4-setup.doctor'),
  /** 2: sentences in the run's language (--lang) and, beside them, their catalog keys and parameters (`texts`). */
  schemaVersion: z.literal(2),
  toolVersion: z.string(),
  mode: z.enum(['live', 'evidence']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Of the machine the evidence came from (the bundle's, for --evidence). */
  machineName: z.string().optional(),
  platform: z.string().optional(),
  inputs: z.object({
    faceUrl: z.string().optional(),
    spaceUrl: z.string().optional(),
    shipKeyFingerprint: Fingerprint.optional(),
    faceTokenFingerprint: Fingerprint.optional(),
    timeoutMs: z.number().int().optional(),
    evidenceDir: z.string().optional(),
  }),
  counts: z.object({
    pass: z.number().int(),
    warn: z.number().int(),
    fail: z.number().int(),
    skip: z.number().int(),
  }),
  cancelled: z.boolean(),
  deadlineReached: z.boolean(),
  /** 0 nothing failed, 1 a check failed, 2 a pinned certificate changed (live only), 130 interrupted. */
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(130)]),
  checks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: Status,
      summary: z.string(),
      detail: z.string().optional(),
      remedy: z.string().optional(),
      code: z.string().optional(),
      /** The same sentences as catalog keys and parameters (messages/en), for tools that render or match them. */
      texts: z.object({
        title: textSchema.optional(),
        summary: textSchema.optional(),
        detail: textSchema.optional(),
        remedy: textSchema.optional(),
      }),
      /** How the evidence was obtained: collected, error (could not read), not-run (skipped before collecting). */
      evidence: z.enum(['collected', 'error', 'not-run']),
      durationMs: z.number().nonnegative(),
    }),
  ),
  /** Remarks about the run, in the run's language, and beside them (same order) their catalog keys and parameters. */
  notes: z.array(z.string()),
  noteTexts: z.array(textSchema),
});
export type DoctorJson = z.infer<typeof DoctorJsonSchema>;

export interface DoctorJsonMeta {
  toolVersion: string;
  machineName?: string;
  platform?: string;
  inputs: DoctorJson['inputs'];
  exitCode: 0 | 1 | 2 | 130;
  notes: Text[];
  secrets: readonly string[];
}

/** Builds the document from a run; every string passes through redaction (servers may echo what they were sent). */
export function doctorJson(run: RunResult, meta: DoctorJsonMeta): DoctorJson {
  const doc: DoctorJson = {
    schema: 'xs4-setup.doctor',
    schemaVersion: 2,
    toolVersion: meta.toolVersion,
    mode: run.mode,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ...(meta.machineName ? { machineName: meta.machineName } : {}),
    ...(meta.platform ? { platform: meta.platform } : {}),
    inputs: meta.inputs,
    counts: run.counts,
    cancelled: run.cancelled,
    deadlineReached: run.deadlineReached,
    exitCode: meta.exitCode,
    checks: recordsInOrder(run).map((r) => {
      const v = verdictOf(r);
      return {
        id: v.id,
        title: say(v.title),
        status: v.status,
        summary: say(v.summary),
        ...(v.detail !== undefined ? { detail: say(v.detail) } : {}),
        ...(v.remedy !== undefined ? { remedy: say(v.remedy) } : {}),
        ...(v.code !== undefined ? { code: v.code } : {}),
        texts: textsOf({ title: v.title, summary: v.summary, detail: v.detail, remedy: v.remedy }),
        evidence: r.outcome,
        durationMs: r.durationMs,
      };
    }),
    notes: meta.notes.map((n) => say(n)),
    noteTexts: meta.notes,
  };
  return DoctorJsonSchema.parse(redactValue(doc, meta.secrets));
}

/** The catalog form of each sentence that has one (a sentence still in plain words has none). */
function textsOf(fields: Record<string, Sayable | undefined>): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [name, value] of Object.entries(fields)) if (typeof value === 'object') out[name] = value;
  return out;
}
