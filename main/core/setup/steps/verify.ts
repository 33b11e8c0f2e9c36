// Step "Write back and verify": follow the Space integration's status until Connected, or explain why not with checks.
// The run and its result are kept in setup-state.json, so a reload or a restart shows the last result, or that a run was
// going on; a page that lost sight of a running verification (a reload) follows it again instead of starting another.
import { text } from '../../../../contract/text';
import { AppError, invalidInput } from '../../errors';
import { statusName } from '../status-text';
import type { VerifyResult, VerifyStatus } from '../../../../contract/setup-shapes';
import type { OperationHooks, SetupService } from '../service';
import { faceSession, type SetupContext } from '../context';
import { runSelected } from './checks';

/** The checks that explain why the Space integration is not Connected, in the order a technician should look. */
const DIAGNOSIS_CHECKS = [
  'face.space-integration',
  'space.https',
  'space.ship',
  'space.service',
  'firewall.space-port',
  'power.sleep',
];

/** Recorded changes the Space link does not depend on: a result from before them is still current. */
const NOT_LINK_TARGETS = new Set(['face:enrollment']);

/** A verification running in this assistant: every page operation following it gets its progress. */
interface Run {
  startedAt: string;
  controller: AbortController;
  listeners: Set<OperationHooks>;
  done: Promise<VerifyResult>;
}

/** Polls the status until Connected or the deadline; then runs the checks that explain why not. */
async function follow(ctx: SetupContext, deadlineMs: number, hooks: OperationHooks): Promise<VerifyResult> {
  // The operation's own signal: Cancel also stops a status read in flight.
  const { client, target } = await faceSession(ctx, hooks);
  const started = ctx.deps.now().getTime();
  const poll = ctx.deps.timeouts?.pollMs ?? 2000;
  let status = (await client.getSpaceIntegration(target)).status;
  while (status !== 'connected') {
    const elapsed = ctx.deps.now().getTime() - started;
    if (elapsed >= deadlineMs) break;
    hooks.onProgress?.(
      text('setup.verify.waiting', { status: statusName(status) }),
      Math.min(1, elapsed / deadlineMs),
    );
    await ctx.sleep(Math.min(poll, deadlineMs - elapsed), hooks.signal);
    status = (await client.getSpaceIntegration(target)).status;
  }
  if (status === 'connected') {
    const message = text('setup.verify.connected');
    hooks.onProgress?.(message, 1);
    return { status, connected: true, diagnosis: [], message };
  }
  hooks.onProgress?.(text('setup.verify.diagnosing'), null);
  const known = DIAGNOSIS_CHECKS.filter((id) => ctx.checks().some((c) => c.id === id));
  const views = await runSelected(ctx, known, hooks);
  return {
    status,
    connected: false,
    diagnosis: views.filter((v) => v.status === 'fail' || v.status === 'warn'),
    message: text('setup.verify.notConnected', {
      status: statusName(status),
      seconds: Math.round(deadlineMs / 1000),
    }),
  };
}

/** Whether a change the link depends on was recorded after `at` (unknown, when the history cannot be read: verify again). */
async function changedSince(ctx: SetupContext, at: string): Promise<boolean> {
  try {
    const { entries } = await ctx.deps.history.read();
    return entries.some((e) => e.time > at && e.result.ok && !NOT_LINK_TARGETS.has(e.target));
  } catch {
    return true;
  }
}

export function verifyStep(
  ctx: SetupContext,
): Pick<SetupService, 'verify' | 'verifyStatus' | 'followVerify'> {
  let current: Run | null = null;

  /** One more operation following `run`: it gets the progress from now on, its Cancel stops the run. */
  function join(run: Run, hooks: OperationHooks): Promise<VerifyResult> {
    run.listeners.add(hooks);
    const stop = (): void => run.controller.abort();
    if (hooks.signal?.aborted === true) stop();
    else hooks.signal?.addEventListener('abort', stop, { once: true });
    return run.done.finally(() => {
      run.listeners.delete(hooks);
      hooks.signal?.removeEventListener('abort', stop);
    });
  }

  return {
    async verify(deadlineMs, hooks): Promise<VerifyResult> {
      if (!Number.isInteger(deadlineMs) || deadlineMs < 1000 || deadlineMs > 30 * 60_000)
        throw invalidInput('deadlineMs', text('rules.setup.verifyDeadline'));
      // A new verification replaces one still running (started again after a reload, or from another page).
      current?.controller.abort();
      const startedAt = ctx.deps.now().toISOString();
      await ctx.state.update((s) => {
        s.verify = { running: { startedAt, deadlineMs }, last: s.verify?.last ?? null };
      });
      const listeners = new Set<OperationHooks>();
      const controller = new AbortController();
      const fanOut: OperationHooks = {
        signal: controller.signal,
        onProgress: (message, fraction) => {
          for (const l of listeners) l.onProgress?.(message, fraction);
        },
        onLogLine: (line) => {
          for (const l of listeners) l.onLogLine?.(line);
        },
      };
      const run: Run = { startedAt, controller, listeners, done: Promise.resolve(null as never) };
      run.done = (async () => {
        try {
          const result = await follow(ctx, deadlineMs, fanOut);
          await ctx.state.update((s) => {
            s.verify = { running: null, last: { at: ctx.deps.now().toISOString(), result } };
          });
          return result;
        } catch (e) {
          // Cancelled or failed: it is no longer running (unless another run replaced it and says so itself).
          if (current === run)
            await ctx.state.update((s) => {
              s.verify = { running: null, last: s.verify?.last ?? null };
            });
          throw e;
        } finally {
          if (current === run) current = null;
        }
      })();
      current = run;
      return join(run, hooks);
    },

    async verifyStatus(): Promise<VerifyStatus> {
      const v = (await ctx.state.read()).verify;
      const running = v?.running ?? null;
      const last = v?.last ?? null;
      return {
        running:
          running === null
            ? null
            : { ...running, active: current !== null && current.startedAt === running.startedAt },
        last: last === null ? null : { ...last, stale: await changedSince(ctx, last.at) },
      };
    },

    async followVerify(hooks): Promise<VerifyResult> {
      if (current === null) throw new AppError('SETUP_VERIFY_NOT_RUNNING');
      return join(current, hooks);
    },
  };
}
