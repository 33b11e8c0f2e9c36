// Step "Space Install Script": load it (from XS4 Face or a file) with its SHA-256 and signature, then run it elevated.
import { text, type Text } from '../../../../contract/text';
import { AppError, invalidInput } from '../../errors';
import {
  prepareInstallScript,
  runInstallScript,
  type InstallScriptDeps,
  type InstallScriptRun,
} from '../../windows/install-script';
import type { ScriptInfo, ScriptRunResult } from '../../../../contract/setup-shapes';
import type { OperationHooks, SetupService } from '../service';
import { faceSession, knownSecrets, type SetupContext } from '../context';

type Outcome = ScriptRunResult['outcome'];

/** How the Windows side's outcome reads in the wizard: a completed run succeeded only with exit code 0. */
function outcomeOf(run: InstallScriptRun): Outcome {
  if (run.outcome === 'completed') return run.exitCode === 0 ? 'succeeded' : 'failed';
  if (run.outcome === 'elevation-cancelled' || run.outcome === 'timeout') return run.outcome;
  return 'cancelled';
}

function messageOf(outcome: Outcome, exitCode: number | null): Text {
  return {
    succeeded: text('setup.script.succeeded'),
    failed: text('setup.script.failed', { code: exitCode ?? '?' }),
    'elevation-cancelled': text('setup.script.elevationCancelled'),
    timeout: text('setup.script.timeout'),
    cancelled: text('setup.script.cancelled'),
    unavailable: text('setup.script.windowsOnly'),
  }[outcome];
}

/** Splits streamed output (whole lines, already redacted) into the log lines the page shows. */
function lineSplitter(onLogLine: (line: string) => void): (chunk: string) => void {
  return (chunk) =>
    chunk
      .split(/\r?\n/)
      .filter((l) => l.length > 0)
      .forEach((l) => onLogLine(l));
}

export function installScriptSteps(
  ctx: SetupContext,
): Pick<SetupService, 'loadInstallScript' | 'runInstallScript'> {
  const scriptDeps: InstallScriptDeps = {
    dataDir: ctx.deps.dataDir,
    now: ctx.deps.now,
    platform: ctx.deps.platform,
    session: ctx.windows.session,
    runElevated: ctx.windows.runElevated,
    recordChange: ctx.recordWindowsChange,
  };
  return {
    async loadInstallScript(source): Promise<ScriptInfo> {
      const info =
        source.kind === 'face'
          ? await faceSession(ctx).then(({ client, target }) =>
              prepareInstallScript(scriptDeps, {
                kind: 'face',
                download: async () => (await client.downloadInstallScript(target)).content,
              }),
            )
          : await prepareInstallScript(scriptDeps, { kind: 'file', path: source.path });
      await ctx.state.update((s) => void (s.script = info));
      return {
        source: info.source,
        path: info.path,
        sizeBytes: info.size,
        sha256: info.sha256,
        signature: {
          status: info.signature.status,
          signer: info.signature.signer,
          reason: info.signature.statusMessage,
        },
      };
    },
    async runInstallScript(sha256: string, hooks: OperationHooks): Promise<ScriptRunResult> {
      const script = (await ctx.state.read()).script;
      if (!script) throw new AppError('INSTALL_SCRIPT_NOT_LOADED');
      if (script.sha256.toLowerCase() !== sha256.toLowerCase())
        throw invalidInput('sha256', text('rules.setup.loadedScriptSha256'));
      if (ctx.deps.platform !== 'win32') {
        return {
          outcome: 'unavailable',
          exitCode: null,
          transcriptPath: null,
          message: text('setup.script.windowsOnly'),
        };
      }
      const run = await runInstallScript(scriptDeps, script, {
        timeoutMs: ctx.deps.timeouts?.scriptMs ?? 30 * 60_000,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        ...(hooks.onLogLine ? { onLog: lineSplitter(hooks.onLogLine) } : {}),
        // The script may print what it configured: its log lines and transcript are redacted like every output.
        secrets: await knownSecrets(ctx),
      });
      const outcome = outcomeOf(run);
      await ctx.state.update(
        (st) =>
          void (st.lastScriptRun = {
            sha256: script.sha256,
            outcome,
            exitCode: run.exitCode,
            at: ctx.deps.now().toISOString(),
          }),
      );
      return {
        outcome,
        exitCode: run.exitCode,
        transcriptPath: run.transcriptPath,
        message: messageOf(outcome, run.exitCode),
      };
    },
  };
}
