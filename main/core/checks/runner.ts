// Runs checks concurrently: per-check timeout, overall deadline, cancellation, dependency and input skips, progress events.
//
// The same runner evaluates evidence read from a bundle (no network, no PowerShell): only the way evidence is
// obtained differs, so a verdict offline is the verdict the site would have seen live.
import { text, type Sayable, type Text } from '../../../contract/text';
import { en } from '../../../messages/render';
import { AppError, type ErrorInfo, toErrorInfo } from '../errors';
import { andList } from '../../../messages/joins';
import type { Check, CheckContext, CheckInputs, CheckResult, CheckStatus } from './types';
import type { CheckRunRecord, RunProgressEvent, RunResult } from './run-result';

export const DEFAULT_CHECK_TIMEOUT_MS = 5000;
export const DEFAULT_RUN_DEADLINE_MS = 60_000;

/** Stable codes of the runner's own findings. */
export const RunnerCodes = {
  TIMEOUT: 'CHECK_TIMEOUT',
  DEADLINE: 'RUN_DEADLINE',
  CANCELLED: 'CANCELLED',
  WINDOWS_ONLY: 'CHECK_WINDOWS_ONLY',
  INPUT_MISSING: 'CHECK_INPUT_MISSING',
  DEPENDENCY_FAILED: 'CHECK_DEPENDENCY_FAILED',
  DEPENDENCY_NOT_RUN: 'CHECK_DEPENDENCY_NOT_RUN',
  EVIDENCE_INVALID: 'CHECK_EVIDENCE_INVALID',
  EVALUATE_FAILED: 'CHECK_EVALUATE_FAILED',
  NOT_IN_BUNDLE: 'EVIDENCE_NOT_IN_BUNDLE',
} as const;

/** Human names of inputs for "needs X" skips; the CLI and GUI may pass their own (e.g. naming a flag). */
export const DEFAULT_INPUT_LABELS: Record<keyof CheckInputs, Text> = {
  faceUrl: text('checks.runner.input.faceUrl'),
  faceToken: text('checks.runner.input.faceToken'),
  facePinnedFingerprint256: text('checks.runner.input.facePinnedFingerprint256'),
  spaceUrl: text('checks.runner.input.spaceUrl'),
  spacePinnedFingerprint256: text('checks.runner.input.spacePinnedFingerprint256'),
  shipKey: text('checks.runner.input.shipKey'),
  extraCa: text('checks.runner.input.extraCa'),
  faceSiteId: text('checks.runner.input.faceSiteId'),
  faceServerId: text('checks.runner.input.faceServerId'),
};

/**
 * Evidence handed to the runner instead of collecting it (offline evaluation of a bundle). A missing check's reason is
 * a Text, or the English an older bundle's manifest recorded.
 */
export type SuppliedEvidence =
  | { kind: 'evidence'; evidence: unknown }
  | { kind: 'error'; error: ErrorInfo }
  | { kind: 'missing'; reason: Sayable; code: string };

export interface RunOptions {
  inputs?: CheckInputs;
  /** Per check, enforced by the runner even when a collect ignores its signal. */
  timeoutMs?: number;
  /** For the whole run. */
  deadlineMs?: number;
  /** External cancellation (Ctrl+C, the GUI's Cancel button). */
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
  now?: () => Date;
  onProgress?: (event: RunProgressEvent) => void;
  /** Names of inputs for "needs X" skips (the CLI names its flags); Texts, or flags that need no translation. */
  inputLabels?: Partial<Record<keyof CheckInputs, Sayable>>;
}

type Obtain = (check: Check, ctx: CheckContext) => Promise<unknown>;

/** Collects and evaluates every check live. */
export function runChecks(checks: readonly Check[], options: RunOptions = {}): Promise<RunResult> {
  return execute('live', checks, options, (check, ctx) => check.collect(ctx), undefined);
}

/** Evaluates evidence that was collected elsewhere; no check's collect is called. */
export function evaluateEvidence(
  checks: readonly Check[],
  supplied: Record<string, SuppliedEvidence>,
  options: Omit<RunOptions, 'inputs' | 'platform'> = {},
): Promise<RunResult> {
  return execute('evidence', checks, options, undefined, supplied);
}

/** An error's sentence and remedy: by its catalog key, or the English it came with (an older bundle's manifest). */
function wordsOf(error: ErrorInfo): { message: Sayable; remedy: Sayable } {
  if (error.key === undefined) return { message: error.message, remedy: error.remedy };
  return {
    message: text(`${error.key}.message`, error.params),
    remedy: text(`${error.key}.remedy`, error.params),
  };
}

/** The result of a check whose evidence could not be read: never pass. */
export function couldNotRead(error: ErrorInfo): CheckResult {
  const words = wordsOf(error);
  return {
    status: 'fail',
    summary: text('checks.runner.couldNotRead', { cause: words.message }),
    remedy: words.remedy,
    code: error.code,
  };
}

function skip(summary: Sayable, code: string): CheckResult {
  return { status: 'skip', summary, code };
}

class Gate extends Error {
  constructor(readonly result: CheckResult) {
    super(en(result.summary));
  }
}

async function execute(
  mode: 'live' | 'evidence',
  checks: readonly Check[],
  options: RunOptions,
  obtain: Obtain | undefined,
  supplied: Record<string, SuppliedEvidence> | undefined,
): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_RUN_DEADLINE_MS;
  const platform = options.platform ?? process.platform;
  const inputs = options.inputs ?? {};
  const labels = { ...DEFAULT_INPUT_LABELS, ...options.inputLabels };
  const startedAt = now();
  const total = checks.length;

  const deadline = new AbortController();
  const deadlineTimer = setTimeout(() => deadline.abort(new AppError('RUN_DEADLINE')), deadlineMs);
  const runSignal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;

  const byId = new Map(checks.map((c) => [c.id, c]));
  const records = new Map<string, Promise<CheckRunRecord>>();

  /** Why the run stopped, once it has. */
  const stopReason = (): CheckResult | undefined => {
    if (options.signal?.aborted) return skip(text('checks.runner.skip.cancelled'), RunnerCodes.CANCELLED);
    if (deadline.signal.aborted) return skip(text('checks.runner.skip.deadline'), RunnerCodes.DEADLINE);
    return undefined;
  };

  const waitForDependencies = async (check: Check): Promise<Record<string, unknown>> => {
    const evidence: Record<string, unknown> = {};
    for (const depId of check.dependsOn ?? []) {
      const dep = byId.get(depId);
      if (!dep)
        throw new Gate(
          skip(text('checks.runner.skip.notInRun', { check: depId }), RunnerCodes.DEPENDENCY_NOT_RUN),
        );
      const record = await records.get(depId)!;
      if (record.result.status === 'fail' && record.outcome === 'collected') {
        throw new Gate(
          skip(
            text('checks.runner.skip.dependencyFailed', { check: dep.title }),
            RunnerCodes.DEPENDENCY_FAILED,
          ),
        );
      }
      if (record.result.status === 'fail' || record.result.status === 'skip') {
        throw new Gate(
          skip(
            text('checks.runner.skip.dependencyNotRun', { check: dep.title }),
            RunnerCodes.DEPENDENCY_NOT_RUN,
          ),
        );
      }
      evidence[depId] = record.evidence;
    }
    return evidence;
  };

  const liveGate = (check: Check): CheckResult | undefined => {
    if (check.windowsOnly && platform !== 'win32') {
      return skip(text('checks.runner.skip.windowsOnly', { platform }), RunnerCodes.WINDOWS_ONLY);
    }
    const missing = (check.requires ?? []).filter((k) => {
      const v = inputs[k];
      return (
        v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
      );
    });
    if (missing.length > 0)
      return skip(
        text('checks.runner.skip.inputMissing', { inputs: andList(missing.map((k) => labels[k])) }),
        RunnerCodes.INPUT_MISSING,
      );
    return undefined;
  };

  type Collected =
    | { kind: 'evidence'; evidence: unknown; t0: number; durationMs: number }
    | { kind: 'error'; error: ErrorInfo; t0: number; durationMs: number }
    | { kind: 'cancelled'; t0: number; durationMs: number };

  /** One live collect under the per-check timeout and the run's signals; never throws. */
  const collectLive = async (
    check: Check,
    index: number,
    dependencies: Record<string, unknown>,
    perCheck: AbortController,
  ): Promise<Collected> => {
    options.onProgress?.({ type: 'started', id: check.id, title: check.title, index, total });
    const t0 = performance.now();
    const signal = AbortSignal.any([runSignal, perCheck.signal]);
    const timer = setTimeout(
      () =>
        perCheck.abort(new AppError('CHECK_TIMEOUT', { params: { ms: timeoutMs }, detail: { timeoutMs } })),
      timeoutMs,
    );
    const ctx: CheckContext = { inputs, signal, timeoutMs, platform, now, dependencies };
    try {
      const evidence = await raceAbort(obtain!(check, ctx), signal);
      return { kind: 'evidence', evidence, t0, durationMs: Math.round(performance.now() - t0) };
    } catch (e) {
      const error = abortReason(e, signal, options.signal, deadline.signal, perCheck.signal);
      const durationMs = Math.round(performance.now() - t0);
      return error.code === RunnerCodes.CANCELLED
        ? { kind: 'cancelled', t0, durationMs }
        : { kind: 'error', error, t0, durationMs };
    } finally {
      clearTimeout(timer);
    }
  };

  const runOne = async (check: Check, index: number): Promise<CheckRunRecord> => {
    const base = { id: check.id, title: check.title };
    const finish = (record: CheckRunRecord): CheckRunRecord => {
      options.onProgress?.({
        type: 'finished',
        id: check.id,
        title: check.title,
        index,
        total,
        result: record.result,
        durationMs: record.durationMs,
      });
      return record;
    };
    // Let every check register its promise before any awaits its dependencies.
    await Promise.resolve();
    const perCheck = new AbortController();
    let early: Promise<Collected> | undefined;
    let dependencies: Record<string, unknown> = {};
    if (mode === 'live') {
      const gated = liveGate(check);
      if (gated) return finish({ ...base, outcome: 'not-run', result: gated, durationMs: 0 });
      // A check that does not read its dependencies' evidence starts now, beside them; its result is
      // dropped (and its work aborted) when a dependency fails, so the verdict is the same as waiting.
      if (check.startWithDependencies === true && (check.dependsOn ?? []).length > 0 && !stopReason()) {
        early = collectLive(check, index, {}, perCheck);
        early.catch(() => {});
      }
      try {
        dependencies = await waitForDependencies(check);
      } catch (e) {
        if (e instanceof Gate) {
          perCheck.abort(new AppError('CHECK_DEPENDENCY_FAILED'));
          await early?.catch(() => {});
          return finish({ ...base, outcome: 'not-run', result: e.result, durationMs: 0 });
        }
        throw e;
      }
    }
    if (!early) {
      const stopped = stopReason();
      if (stopped) return finish({ ...base, outcome: 'not-run', result: stopped, durationMs: 0 });
    }

    let evidence: unknown;
    let t0 = performance.now();
    if (mode === 'evidence') {
      options.onProgress?.({ type: 'started', id: check.id, title: check.title, index, total });
      const s: SuppliedEvidence = supplied?.[check.id] ?? {
        kind: 'missing',
        reason: text('checks.runner.skip.notInBundle'),
        code: RunnerCodes.NOT_IN_BUNDLE,
      };
      if (s.kind === 'missing')
        return finish({ ...base, outcome: 'not-run', result: skip(s.reason, s.code), durationMs: 0 });
      if (s.kind === 'error')
        return finish({
          ...base,
          outcome: 'error',
          error: s.error,
          result: couldNotRead(s.error),
          durationMs: 0,
        });
      evidence = s.evidence;
    } else {
      const got = await (early ?? collectLive(check, index, dependencies, perCheck));
      t0 = got.t0;
      if (got.kind === 'cancelled') {
        return finish({
          ...base,
          outcome: 'not-run',
          result: skip(text('checks.runner.skip.cancelled'), RunnerCodes.CANCELLED),
          durationMs: got.durationMs,
        });
      }
      if (got.kind === 'error') {
        return finish({
          ...base,
          outcome: 'error',
          error: got.error,
          result: couldNotRead(got.error),
          durationMs: got.durationMs,
        });
      }
      evidence = got.evidence;
    }
    const elapsed = () => Math.round(performance.now() - t0);

    // Evidence is validated in both modes, so whatever passes live also reads back from a bundle.
    const parsed = check.evidenceSchema.safeParse(evidence);
    if (!parsed.success) {
      // Where and what (the evidence's own field names, zod's words) go to detail for support, not into the sentence.
      const issue = parsed.error.issues[0];
      const error = toErrorInfo(
        new AppError('CHECK_EVIDENCE_INVALID', {
          params: { check: check.id },
          detail: { path: issue?.path.map(String).join('.') ?? '', issue: issue?.message ?? '' },
        }),
      );
      return finish({ ...base, outcome: 'error', error, result: couldNotRead(error), durationMs: elapsed() });
    }
    let result: CheckResult;
    try {
      result = check.evaluate(parsed.data);
    } catch (e) {
      const words = wordsOf(toErrorInfo(e));
      result = {
        status: 'fail',
        summary: text('checks.runner.couldNotEvaluate', { cause: words.message }),
        remedy: words.remedy,
        code: RunnerCodes.EVALUATE_FAILED,
      };
    }
    return finish({ ...base, outcome: 'collected', evidence: parsed.data, result, durationMs: elapsed() });
  };

  checks.forEach((check, i) => records.set(check.id, runOne(check, i)));
  try {
    const done = await Promise.all(checks.map((c) => records.get(c.id)!));
    const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
    for (const r of done) counts[r.result.status] += 1;
    return {
      mode,
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      order: checks.map((c) => c.id),
      byId: Object.fromEntries(done.map((r) => [r.id, r])),
      counts,
      cancelled: options.signal?.aborted ?? false,
      deadlineReached: deadline.signal.aborted,
    };
  } finally {
    clearTimeout(deadlineTimer);
  }
}

/** Settles with the promise, or rejects as soon as the signal aborts (a collect that ignores its signal is abandoned). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Names why a collect ended: cancellation, the deadline, its own timeout, or its own error. */
function abortReason(
  e: unknown,
  signal: AbortSignal,
  external: AbortSignal | undefined,
  deadline: AbortSignal,
  perCheck: AbortSignal,
): ErrorInfo {
  if (signal.aborted) {
    if (external?.aborted) return toErrorInfo(new AppError('CANCELLED'));
    if (deadline.aborted) return toErrorInfo(new AppError('RUN_DEADLINE'));
    if (perCheck.aborted) return toErrorInfo(perCheck.reason);
  }
  return toErrorInfo(e);
}
