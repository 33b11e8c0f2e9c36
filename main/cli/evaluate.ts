// The two ways a command gets verdicts: run the checks live, or evaluate an evidence bundle (no network, no PowerShell).
import type { Text } from '../../contract/text';
import { AppError } from '../core/errors';
import type { Check } from '../core/checks/types';
import type { RunProgressEvent, RunResult } from '../core/checks/run-result';
import { runChecks } from '../core/checks/runner';
import { evaluateBundleDir } from '../core/troubleshoot/bundle-evaluation';
import { secretsOf } from '../core/checks/types';
import type { CliContext } from './context';
import { CLI_INPUT_LABELS, type LiveSettings, shownInputs } from './live-inputs';

export interface Evaluated {
  run: RunResult;
  /** Secrets this run knew; every output is redacted against them. */
  secrets: string[];
  inputs: ReturnType<typeof shownInputs> & { timeoutMs?: number; evidenceDir?: string };
  machineName?: string;
  platform?: string;
  collectedAt?: string;
  notes: Text[];
}

export function loadChecks(ctx: CliContext): Check[] {
  const checks = ctx.checks();
  if (checks.length === 0) {
    // Saying "all good" about nothing would be a lie.
    throw new AppError('CLI_NO_CHECKS');
  }
  return checks;
}

export async function evaluateLive(
  ctx: CliContext,
  checks: Check[],
  settings: LiveSettings,
  onProgress?: (e: RunProgressEvent) => void,
): Promise<Evaluated> {
  const run = await runChecks(checks, {
    inputs: settings.inputs,
    timeoutMs: settings.timeoutMs,
    deadlineMs: settings.deadlineMs,
    platform: ctx.io.platform,
    now: () => ctx.io.now(),
    inputLabels: CLI_INPUT_LABELS,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    run,
    secrets: secretsOf(settings.inputs),
    inputs: { ...shownInputs(settings.inputs), timeoutMs: settings.timeoutMs },
    machineName: ctx.io.hostname(),
    platform: ctx.io.platform,
    notes: [],
  };
}

export async function evaluateBundle(ctx: CliContext, checks: Check[], dir: string): Promise<Evaluated> {
  const { run, manifest: m, notes } = await evaluateBundleDir(dir, checks, () => ctx.io.now());
  return {
    run,
    // The bundle was redacted when written; nothing secret is known here.
    secrets: [],
    inputs: { ...(m?.inputs ?? {}), evidenceDir: dir },
    ...(m?.machineName ? { machineName: m.machineName } : {}),
    ...(m ? { platform: m.platform, collectedAt: m.createdAt } : {}),
    notes,
  };
}
