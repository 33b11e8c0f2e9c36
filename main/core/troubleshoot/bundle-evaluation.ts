// An evidence bundle read and evaluated offline (no network, no PowerShell), with the notes people need about it.
// `xs4-setup doctor|report --evidence` and the Troubleshoot view both go through here.
import { evaluateEvidence } from '../checks/runner';
import type { RunResult } from '../checks/run-result';
import type { Check } from '../checks/types';
import { readBundle } from '../evidence/bundle-reader';
import type { Manifest } from '../evidence/bundle-format';
import { text, type Text } from '../../../contract/text';

export interface EvaluatedBundle {
  run: RunResult;
  /** Absent when support dropped raw files into a folder without one. */
  manifest?: Manifest;
  /** E.g. "no manifest", "evidence for checks this version does not know". */
  notes: Text[];
}

export async function evaluateBundleDir(
  dir: string,
  checks: readonly Check[],
  now: () => Date,
): Promise<EvaluatedBundle> {
  const bundle = await readBundle(dir, checks);
  const run = await evaluateEvidence(checks, bundle.supplied, { now });
  const notes: Text[] = [];
  if (bundle.manifest === undefined) notes.push(text('report.note.noManifest'));
  if (bundle.unknownChecks.length > 0)
    notes.push(text('report.note.unknownChecks', { checks: bundle.unknownChecks.join(', ') }));
  return { run, ...(bundle.manifest !== undefined ? { manifest: bundle.manifest } : {}), notes };
}
