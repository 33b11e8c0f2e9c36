// The runner: concurrency, per-check timeout, overall deadline, cancellation, dependency/input/platform skips, errors.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../main/core/errors';
import type { Check, CheckContext } from '../../../main/core/checks/types';
import { evaluateEvidence, runChecks, RunnerCodes } from '../../../main/core/checks/runner';
import type { RunProgressEvent } from '../../../main/core/checks/run-result';
import type { CheckResult } from '../../../main/core/checks/types';
import { en, renderText } from '../../../messages/render';

/** A result with its words in English, as the CLI without --lang shows it. */
const inEnglish = (r: CheckResult) => ({
  ...r,
  summary: en(r.summary),
  ...(r.detail !== undefined ? { detail: en(r.detail) } : {}),
  ...(r.remedy !== undefined ? { remedy: en(r.remedy) } : {}),
});

const Num = z.object({ value: z.number() });

/** A check that waits `ms` (honouring its signal unless told not to) and reports value; evaluate: value >= 0 passes. */
function timed(
  id: string,
  ms: number,
  value = 1,
  opts: Partial<Check<{ value: number }>> & { ignoreSignal?: boolean } = {},
): Check<{ value: number }> {
  return {
    id,
    title: `Check ${id}`,
    evidenceSchema: Num,
    collect: (ctx: CheckContext) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => resolve({ value }), ms);
        if (!opts.ignoreSignal)
          ctx.signal.addEventListener('abort', () => (clearTimeout(t), reject(ctx.signal.reason)), {
            once: true,
          });
      }),
    evaluate: (e) =>
      e.value >= 0
        ? { status: 'pass', summary: `value ${e.value}` }
        : {
            status: 'fail',
            summary: `value ${e.value} is negative`,
            remedy: 'Make it positive.',
            code: 'NEGATIVE',
          },
    ...opts,
  };
}

const never = (id: string): Check<{ value: number }> => ({
  ...timed(id, 0),
  collect: () => new Promise(() => {}),
});

describe('runChecks', () => {
  it('runs checks concurrently', async () => {
    const checks = Array.from({ length: 8 }, (_, i) => timed(`c${i}`, 300));
    const t0 = Date.now();
    const run = await runChecks(checks);
    expect(Date.now() - t0).toBeLessThan(8 * 300 * 0.6);
    expect(run.counts).toEqual({ pass: 8, warn: 0, fail: 0, skip: 0 });
    expect(run.order).toEqual(checks.map((c) => c.id));
  });

  it('times out a check that never resolves, even when it ignores its signal', async () => {
    const run = await runChecks([never('stuck'), timed('ok', 10)], { timeoutMs: 150 });
    const stuck = run.byId['stuck']!;
    expect(stuck.outcome).toBe('error');
    expect(stuck.result.status).toBe('fail');
    expect(stuck.result.code).toBe(RunnerCodes.TIMEOUT);
    expect(en(stuck.result.summary)).toBe('Could not read: No answer within 150 ms.');
    expect(run.byId['ok']!.result.status).toBe('pass');
  });

  it('stops at the overall deadline: running checks fail, waiting ones skip', async () => {
    const slow = timed('slow', 5000, 1, { ignoreSignal: true });
    const after = timed('after', 10, 1, { dependsOn: ['slow'] });
    const t0 = Date.now();
    const run = await runChecks([slow, after], { timeoutMs: 10_000, deadlineMs: 200 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(run.deadlineReached).toBe(true);
    expect(run.byId['slow']!.result).toMatchObject({ status: 'fail', code: RunnerCodes.DEADLINE });
    expect(run.byId['after']!.result).toMatchObject({ status: 'skip', code: RunnerCodes.DEPENDENCY_NOT_RUN });
  });

  it('cancels through the external signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const run = await runChecks([timed('a', 5000), timed('b', 5000, 1, { ignoreSignal: true })], {
      signal: controller.signal,
    });
    expect(run.cancelled).toBe(true);
    for (const id of ['a', 'b'])
      expect(run.byId[id]!.result).toMatchObject({ status: 'skip', code: RunnerCodes.CANCELLED });
  });

  it('skips dependants naming the dependency that failed or could not run, and passes evidence to those that run', async () => {
    const bad = timed('bad', 5, -1);
    const onBad = timed('on-bad', 5, 1, { dependsOn: ['bad'] });
    const broken: Check<{ value: number }> = {
      ...timed('broken', 5),
      collect: () => Promise.reject(new AppError('FACE_CONNECTION_DROPPED')),
    };
    const onBroken = timed('on-broken', 5, 1, { dependsOn: ['broken'] });
    const onOnBad = timed('on-on-bad', 5, 1, { dependsOn: ['on-bad'] });
    let seen: unknown;
    const good = timed('good', 5, 7);
    const onGood: Check<{ value: number }> = {
      ...timed('on-good', 5),
      dependsOn: ['good'],
      collect: async (ctx) => ((seen = ctx.dependencies['good']), { value: 1 }),
    };
    const run = await runChecks([bad, onBad, broken, onBroken, onOnBad, good, onGood]);
    expect(inEnglish(run.byId['on-bad']!.result)).toEqual({
      status: 'skip',
      summary: 'Skipped because Check bad failed',
      code: RunnerCodes.DEPENDENCY_FAILED,
    });
    expect(inEnglish(run.byId['on-broken']!.result)).toEqual({
      status: 'skip',
      summary: 'Skipped because Check broken could not run',
      code: RunnerCodes.DEPENDENCY_NOT_RUN,
    });
    expect(en(run.byId['on-on-bad']!.result.summary)).toBe('Skipped because Check on-bad could not run');
    expect(run.byId['on-good']!.result.status).toBe('pass');
    expect(seen).toEqual({ value: 7 });
  });

  it('starts a check marked startWithDependencies beside its dependency, and drops it (aborted) when the dependency fails', async () => {
    const events: string[] = [];
    let release!: (v: { value: number }) => void;
    const dep: Check<{ value: number }> = {
      ...timed('dep', 0),
      collect: () => new Promise((r) => (release = r)),
    };
    const child = (id: string): Check<{ value: number }> => ({
      ...timed(id, 0),
      dependsOn: ['dep'],
      startWithDependencies: true,
      collect: (ctx) =>
        new Promise((resolve, reject) => {
          events.push(`${id} started`);
          ctx.signal.addEventListener(
            'abort',
            () => (events.push(`${id} aborted`), reject(ctx.signal.reason)),
            { once: true },
          );
          // Resolves only after the dependency is released, proving it ran beside it.
          queueMicrotask(() => setTimeout(() => resolve({ value: 2 }), 50));
        }),
    });
    const ok = runChecks([dep, child('kid')]);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['kid started']); // the dependency is still running
    release({ value: 1 });
    const run = await ok;
    expect(run.byId['kid']?.result.status).toBe('pass');

    events.length = 0;
    const failing = runChecks([dep, child('kid2')]);
    await new Promise((r) => setTimeout(r, 10));
    release({ value: -1 }); // the dependency fails
    const run2 = await failing;
    expect(run2.byId['kid2']?.result).toMatchObject({ status: 'skip', code: RunnerCodes.DEPENDENCY_FAILED });
    expect(run2.byId['kid2']?.outcome).toBe('not-run');
    expect(events).toEqual(['kid2 started', 'kid2 aborted']);
  });

  it('turns a collect that throws AppError into fail "could not read" with its code, never pass', async () => {
    const c: Check<{ value: number }> = {
      ...timed('x', 0),
      collect: () => Promise.reject(new AppError('FACE_UNAUTHORIZED', { params: { status: 401, said: '' } })),
    };
    const run = await runChecks([c]);
    expect(run.byId['x']).toMatchObject({ outcome: 'error', error: { code: 'FACE_UNAUTHORIZED' } });
    expect(inEnglish(run.byId['x']!.result)).toEqual({
      status: 'fail',
      summary: 'Could not read: The XS4 Face server refused the sign-in (HTTP 401).',
      code: 'FACE_UNAUTHORIZED',
      remedy: 'Sign in to the XS4 Face Console again with an account that manages this site, then retry.',
    });
    // The same result in another language: nothing of it stays in English.
    expect(renderText(run.byId['x']!.result.summary, 'fr')).toMatch(/^Lecture impossible/);
  });

  it('refuses evidence that does not match the schema, and survives an evaluate that throws', async () => {
    const wrong = { ...timed('wrong', 0), collect: async () => ({ value: 'nine' }) } as unknown as Check;
    const throws: Check<{ value: number }> = {
      ...timed('throws', 0),
      evaluate: () => {
        throw new Error('bug');
      },
    };
    const run = await runChecks([wrong, throws]);
    expect(run.byId['wrong']!.result).toMatchObject({ status: 'fail', code: RunnerCodes.EVIDENCE_INVALID });
    expect(run.byId['throws']!.result).toMatchObject({ status: 'fail', code: RunnerCodes.EVALUATE_FAILED });
  });

  it('skips Windows-only checks elsewhere and checks whose inputs were not given, naming them', async () => {
    const win = timed('win', 0, 1, { windowsOnly: true });
    const needs = timed('needs', 0, 1, { requires: ['faceUrl', 'shipKey'] });
    const linux = await runChecks([win, needs], {
      platform: 'linux',
      inputs: { faceUrl: 'https://face.example/' },
    });
    expect(inEnglish(linux.byId['win']!.result)).toMatchObject({
      status: 'skip',
      code: RunnerCodes.WINDOWS_ONLY,
      summary: 'Only runs on Windows (this machine is linux)',
    });
    expect(inEnglish(linux.byId['needs']!.result)).toMatchObject({
      status: 'skip',
      code: RunnerCodes.INPUT_MISSING,
      summary: 'Needs the SHIP API key: not given',
    });
    const none = await runChecks([timed('three', 0, 1, { requires: ['faceUrl', 'faceToken', 'shipKey'] })]);
    expect(en(none.byId['three']!.result.summary)).toBe(
      'Needs the XS4 Face server address, the XS4 Face sign-in token and the SHIP API key: not given',
    );
    const windows = await runChecks([win, needs], {
      platform: 'win32',
      inputs: { faceUrl: 'https://face.example/', shipKey: 'k3y-value' },
    });
    expect(windows.counts.pass).toBe(2);
  });

  it('reports progress: started and finished for every check that runs, finished for skips', async () => {
    const events: RunProgressEvent[] = [];
    await runChecks([timed('a', 5), timed('b', 5, 1, { requires: ['spaceUrl'] })], {
      onProgress: (e) => events.push(e),
    });
    expect(events.map((e) => `${e.type}:${e.id}`).sort()).toEqual(['finished:a', 'finished:b', 'started:a']);
    const fin = events.find((e) => e.type === 'finished' && e.id === 'a');
    expect(fin).toMatchObject({ total: 2, result: { status: 'pass' } });
  });
});

describe('evaluateEvidence', () => {
  it('evaluates supplied evidence without collecting, keeps recorded errors and skips, validates evidence', async () => {
    const collectCalled: string[] = [];
    const mk = (id: string) => ({
      ...timed(id, 0),
      collect: async () => (collectCalled.push(id), { value: 1 }),
    });
    const run = await evaluateEvidence([mk('a'), mk('b'), mk('c'), mk('d'), mk('e')], {
      a: { kind: 'evidence', evidence: { value: -3 } },
      b: { kind: 'error', error: { code: 'PS_FAILED', message: 'PowerShell failed', remedy: 'Retry.' } },
      c: { kind: 'missing', reason: 'needs --face-url: not given', code: RunnerCodes.INPUT_MISSING },
      e: { kind: 'evidence', evidence: { nope: true } },
    });
    expect(collectCalled).toEqual([]);
    expect(run.mode).toBe('evidence');
    expect(run.byId['a']!.result).toMatchObject({ status: 'fail', code: 'NEGATIVE' });
    // An error recorded by an older version carries English only: it is shown as it was recorded.
    expect(inEnglish(run.byId['b']!.result)).toMatchObject({
      status: 'fail',
      summary: 'Could not read: PowerShell failed',
      remedy: 'Retry.',
    });
    expect(run.byId['c']!.result).toMatchObject({ status: 'skip', summary: 'needs --face-url: not given' });
    expect(en(run.byId['d']!.result.summary)).toBe('Not in the evidence bundle');
    expect(en(run.byId['e']!.result.summary)).toBe(
      'Could not read: The evidence of e is not in the form this version of the tool reads.',
    );
    expect(run.byId['e']!.error?.detail).toMatchObject({ path: 'value' });
    expect(run.byId['d']!.result).toMatchObject({ status: 'skip', code: RunnerCodes.NOT_IN_BUNDLE });
    expect(run.byId['e']!.result).toMatchObject({ status: 'fail', code: RunnerCodes.EVIDENCE_INVALID });
  });
});
