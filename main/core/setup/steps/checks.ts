// Steps "Space settings" and Troubleshoot: run checks (with what they depend on), apply a fix, undo it.
import { text } from '../../../../contract/text';
import { AppError, invalidInput } from '../../errors';
import { runChecks as runEngine } from '../../checks/runner';
import { checkView } from '../../checks/check-view';
import type { CheckRunRecord, RunResult } from '../../checks/run-result';
import { secretsOf, type Check } from '../../checks/types';
import { redactValue } from '../../secrets/redact';
import type { CheckView } from '../../../../contract/setup-shapes';
import type { OperationHooks, SetupService } from '../service';
import { knownSecrets, type SetupContext } from '../context';
import { checkContext, checkInputs } from '../check-inputs';

/** A record as the GUI shows it, with the fix this machine can apply and whether an applied one can be undone. */
export async function viewOf(ctx: SetupContext, check: Check, rec: CheckRunRecord): Promise<CheckView> {
  const undo = (await ctx.state.read()).undo;
  const fixUsable = check.fix !== undefined && (check.windowsOnly !== true || ctx.deps.platform === 'win32');
  const failing = rec.result.status !== 'pass' && rec.result.status !== 'skip';
  return checkView(rec, {
    fix: fixUsable && check.fix && failing ? { title: check.fix.title, elevated: check.fix.elevated } : null,
    undoAvailable: check.fix?.undo !== undefined && Object.hasOwn(undo, check.id),
  });
}

/**
 * The views of a run, in registry order, for the checks it ran. They go to the page, the live report and the CLI, so a
 * secret a server echoed into a finding is replaced by its fingerprint mark here, like in every other output.
 */
export async function viewsOf(
  ctx: SetupContext,
  checks: Check[],
  run: RunResult,
  runSecrets: readonly string[] = [],
): Promise<CheckView[]> {
  const views: CheckView[] = [];
  for (const check of checks) {
    const rec = run.byId[check.id];
    if (rec) views.push(await viewOf(ctx, check, rec));
  }
  return redactValue(views, [...runSecrets, ...(await knownSecrets(ctx))]);
}

/** Runs the checks with these ids (all when null) and the checks they depend on, which are shown too. */
export async function runSelected(
  ctx: SetupContext,
  ids: string[] | null,
  hooks: OperationHooks,
): Promise<CheckView[]> {
  const all = ctx.checks();
  const unknown = (ids ?? []).filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0)
    throw invalidInput('checks', text('rules.setup.knownCheckIds', { ids: unknown.join(', ') }));
  const wanted = new Set(ids ?? all.map((c) => c.id));
  for (let grew = true; grew;) {
    grew = false;
    for (const c of all)
      if (wanted.has(c.id))
        for (const d of c.dependsOn ?? []) if (!wanted.has(d)) grew = wanted.add(d) !== undefined;
  }
  const selected = all.filter((c) => wanted.has(c.id));
  const { result, views } = await runWith(ctx, selected, hooks);
  for (const rec of Object.values(result.byId))
    if (rec.evidence !== undefined) ctx.lastEvidence.set(rec.id, rec.evidence);
  return views;
}

/**
 * Runs these checks (their dependencies included by the caller) as the setup runs every check: its inputs, time budget,
 * platform and clock, each check said as it starts and ends; returns the run and its views, secrets redacted.
 */
export async function runWith(
  ctx: SetupContext,
  selected: Check[],
  hooks: OperationHooks,
): Promise<{ result: RunResult; views: CheckView[] }> {
  const inputs = await checkInputs(ctx);
  const result = await runEngine(selected, {
    inputs,
    timeoutMs: ctx.checkMs,
    platform: ctx.deps.platform,
    now: ctx.deps.now,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    onProgress: (e) => {
      const title = selected.find((c) => c.id === e.id)?.title ?? e.id;
      hooks.onProgress?.(
        e.type === 'started'
          ? text('setup.progress.checking', { title })
          : text('setup.progress.checked', { title }),
        null,
      );
    },
  });
  return { result, views: await viewsOf(ctx, selected, result, secretsOf(inputs)) };
}

async function applyFix(ctx: SetupContext, check: Check, hooks: OperationHooks): Promise<void> {
  const fix = check.fix!;
  const checkCtx = checkContext(ctx, await checkInputs(ctx), hooks.signal ?? new AbortController().signal);
  let evidence = ctx.lastEvidence.get(check.id);
  if (evidence === undefined) evidence = await check.collect(checkCtx);
  hooks.onProgress?.(text('setup.progress.applying', { title: fix.title }), null);
  const out = await fix.apply(checkCtx, evidence);
  if (out.ok && out.undoData !== undefined)
    await ctx.state.update((s) => void (s.undo[check.id] = out.undoData));
  if (!out.ok)
    throw new AppError('FIX_NOT_APPLIED', { params: { title: check.title, outcome: out.summary } });
}

async function undoFix(ctx: SetupContext, check: Check, hooks: OperationHooks): Promise<void> {
  const s = await ctx.state.read();
  if (!check.fix?.undo || !Object.hasOwn(s.undo, check.id))
    throw invalidInput('checkId', text('rules.setup.hasFixToUndo', { id: check.id }));
  const checkCtx = checkContext(ctx, await checkInputs(ctx), hooks.signal ?? new AbortController().signal);
  hooks.onProgress?.(text('setup.progress.undoing', { title: check.fix.title }), null);
  const out = await check.fix.undo(checkCtx, s.undo[check.id]);
  if (!out.ok)
    throw new AppError('UNDO_NOT_APPLIED', { params: { title: check.title, outcome: out.summary } });
  await ctx.state.update((st) => void delete st.undo[check.id]);
}

/** Applies or undoes the fix of one check, then runs that check again and returns its new view. */
async function change(
  ctx: SetupContext,
  checkId: string,
  hooks: OperationHooks,
  mode: 'apply' | 'undo',
): Promise<CheckView> {
  const check = ctx.checks().find((c) => c.id === checkId);
  if (!check?.fix) throw invalidInput('checkId', text('rules.setup.hasFix', { id: checkId }));
  if (check.windowsOnly && ctx.deps.platform !== 'win32') {
    throw new AppError('WINDOWS_ONLY', { variant: 'fix', params: { title: check.title } });
  }
  await (mode === 'apply' ? applyFix : undoFix)(ctx, check, hooks);
  const view = (await runSelected(ctx, [checkId], hooks)).find((v) => v.id === checkId);
  if (!view) throw new AppError('INTERNAL', { variant: 'checkDidNotRun', params: { id: checkId } });
  return view;
}

export function checkSteps(ctx: SetupContext): Pick<SetupService, 'runChecks' | 'applyFix' | 'undoFix'> {
  return {
    runChecks: (ids, hooks) => runSelected(ctx, ids, hooks),
    applyFix: (id, hooks) => change(ctx, id, hooks, 'apply'),
    undoFix: (id, hooks) => change(ctx, id, hooks, 'undo'),
  };
}
