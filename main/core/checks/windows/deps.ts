// What the Windows checks need from outside (one PowerShell session per run, the elevated runner, the history callback), and the off-Windows evidence.
import { z } from 'zod';
import { text, type Text } from '../../../../contract/text';
import { AppError } from '../../errors';
import type { RecordChange } from '../../windows/change-record';
import type { ElevatedOutcome, ElevatedRunner } from '../../windows/elevated-runner';
import type { PsSession } from '../../windows/ps-session';
import { elevatedScriptRef, resolveResourcesDir, type ElevatedScriptName } from '../../windows/ps-scripts';
import type { CheckContext, CheckResult, FixOutcome } from '../types';

export interface WindowsCheckDeps {
  /** The run's one read-only session (created lazily by the caller, disposed at the end of the run). */
  session: () => PsSession;
  runElevated: ElevatedRunner;
  resourcesDir?: string;
  recordChange?: RecordChange;
}

export const UnavailableEvidenceSchema = z.object({
  kind: z.literal('unavailable'),
  /** "not-windows"; older bundles hold an English sentence ending in the platform's name. */
  reason: z.string(),
  /** The platform the check ran on (absent in older bundles). */
  platform: z.string().optional(),
});
export type UnavailableEvidence = z.infer<typeof UnavailableEvidenceSchema>;

/** Off Windows a Windows check collects this instead of throwing. */
export function unavailableOn(ctx: CheckContext): UnavailableEvidence | null {
  if (ctx.platform === 'win32') return null;
  return { kind: 'unavailable', reason: 'not-windows', platform: ctx.platform }; // not for people: a wire value
}

export function skipResult(e: UnavailableEvidence): CheckResult {
  // Older bundles: "This check reads Windows settings; this machine runs linux." — the platform is its last word.
  const platform = e.platform ?? /(\S+?)\.?$/.exec(e.reason)?.[1] ?? e.reason;
  return {
    status: 'skip',
    summary: text('checks.windows.skipped.summary'),
    detail: text('checks.windows.skipped.detail', { platform }),
    code: 'WINDOWS_ONLY',
  };
}

/** Turns a non-completed elevated run into the error the fix reports; completed runs with a non-zero exit too. */
export function requireCompleted(what: Text, out: ElevatedOutcome): void {
  const detail = { outcome: out.outcome };
  if (out.outcome === 'elevation-cancelled')
    throw new AppError('ELEVATION_CANCELLED', { params: { what }, detail });
  if (out.outcome === 'timeout') throw new AppError('ELEVATED_TIMEOUT', { params: { what }, detail });
  if (out.outcome === 'cancelled')
    throw new AppError('CANCELLED', { variant: 'elevatedRun', params: { what }, detail });
  if (out.exitCode !== 0) {
    throw new AppError('ELEVATED_FAILED', {
      params: { what, exitCode: String(out.exitCode) },
      detail: { exitCode: out.exitCode, log: out.log.slice(-4000) },
    });
  }
}

/** The worst status wins; ties keep the first finding (ordered by importance by the caller). */
export function worstOf<F extends CheckResult>(findings: F[]): F | undefined {
  const rank = { fail: 3, warn: 2, pass: 1, skip: 0 } as const;
  let worst: F | undefined;
  for (const f of findings) if (!worst || rank[f.status] > rank[worst.status]) worst = f;
  return worst;
}

/** Records a finished fix or undo (read back already) in the history and returns it as the check's FixOutcome. */
export async function recordedOutcome(
  deps: WindowsCheckDeps,
  ctx: CheckContext,
  target: string,
  action: 'apply' | 'undo',
  o: { ok: boolean; summary: Text; before: unknown; after: unknown; undoData?: unknown },
): Promise<FixOutcome> {
  const undo = o.undoData !== undefined ? { undoData: o.undoData } : {};
  await deps.recordChange?.({
    at: ctx.now().toISOString(),
    target,
    action,
    result: o.ok ? 'applied' : 'failed',
    before: o.before,
    after: o.after,
    ...undo,
    summary: o.summary,
  });
  return { ok: o.ok, summary: o.summary, before: o.before, after: o.after, ...undo };
}

/** The sentence of an error thrown by requireCompleted (always an AppError with a catalog key). */
function errorText(e: unknown): Text {
  const message = e instanceof AppError ? e.texts().message : undefined;
  return typeof message === 'object' ? message : text('windows.fix.unknown');
}

/** How long a fix may wait, UAC prompt included: a person has to click it. */
export const ELEVATED_FIX_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs a fix script elevated and insists it completed; a refused UAC prompt, a timeout or a failure is recorded in the
 * history (with the values before) and thrown. What the script changed is then read back by the caller.
 */
export async function runFixScript(
  deps: WindowsCheckDeps,
  ctx: CheckContext,
  fix: {
    script: ElevatedScriptName;
    params: Parameters<ElevatedRunner>[0]['params'];
    /** What the fix changes, e.g. "Power settings": the first words of its error sentences. */
    what: Text;
    target: string;
    action: 'apply' | 'undo';
    before: unknown;
  },
): Promise<void> {
  const record = (result: 'failed' | ElevatedOutcome['outcome'], summary: Text) =>
    deps.recordChange?.({
      at: ctx.now().toISOString(),
      target: fix.target,
      action: fix.action,
      result: result === 'completed' ? 'failed' : result,
      before: fix.before,
      summary,
    });
  let out: ElevatedOutcome;
  try {
    out = await deps.runElevated({
      script: elevatedScriptRef(resolveResourcesDir(deps.resourcesDir), fix.script),
      params: fix.params,
      timeoutMs: ELEVATED_FIX_TIMEOUT_MS,
      signal: ctx.signal,
    });
  } catch (e) {
    // A refused script (changed since the build) or a run that could not start is recorded like any failed fix.
    await record(
      'failed',
      e instanceof AppError
        ? text('windows.fix.failed', { what: fix.what, cause: e.texts().message })
        : text('windows.fix.notStarted', { what: fix.what }),
    );
    throw e;
  }
  try {
    requireCompleted(fix.what, out);
  } catch (e) {
    await record(out.outcome, errorText(e));
    throw e;
  }
}
