// Runs a PowerShell script elevated (UAC) and brings back its output through files: live log, exit code, cancel, timeout, cleanup.
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../errors';
import { buildElevatedArgs, ELEVATION_CANCELLED_EXIT, type ElevatedParamValue } from './elevated-wrapper';
import type { ProcessLauncher } from './process-launcher';

export type ElevatedOutcomeKind = 'completed' | 'elevation-cancelled' | 'cancelled' | 'timeout';

export interface ElevatedOutcome {
  outcome: ElevatedOutcomeKind;
  /** The target's exit code when it completed; null otherwise. */
  exitCode: number | null;
  /** The whole log as written by the elevated process. */
  log: string;
  durationMs: number;
}

export interface ElevatedRunRequest {
  /** Full path of the .ps1 to run elevated. */
  scriptPath: string;
  params?: Record<string, ElevatedParamValue>;
  /** A secret passed via a user-only file, never on a command line. */
  secret?: { param: string; value: string };
  timeoutMs: number;
  signal?: AbortSignal;
  /** Live log: called with each new chunk of text as the elevated process writes it. */
  onLog?: (chunk: string) => void;
  /** False only for CI and tests: runs the same wrapper without asking for elevation. */
  elevate?: boolean;
}

export interface ElevatedRunnerDeps {
  launcher: ProcessLauncher;
  /** Where the private per-run folder is made (defaults to the OS temp folder, per-user on Windows). */
  tempRoot?: string;
  powershellExe?: string;
  /** How often the log file is polled; fs.watch is unreliable across the elevation boundary. */
  pollMs?: number;
  /** How long cancel/timeout waits for the elevated side to end itself before stopping the wrapper. */
  cancelGraceMs?: number;
  now?: () => number;
}

export type ElevatedRunner = (req: ElevatedRunRequest) => Promise<ElevatedOutcome>;

export function createElevatedRunner(deps: ElevatedRunnerDeps): ElevatedRunner {
  const pollMs = deps.pollMs ?? 200;
  const now = deps.now ?? Date.now;
  return async (req) => {
    const started = now();
    // mkdtemp makes the folder 0700 on POSIX; on Windows the per-user temp folder is readable by that user only.
    const dir = await mkdtemp(path.join(deps.tempRoot ?? os.tmpdir(), 'xs4-elevated-'));
    const logPath = path.join(dir, 'run.log');
    const statusPath = path.join(dir, 'status.txt');
    const cancelPath = path.join(dir, 'cancel.flag');
    let secretFile: string | undefined;
    try {
      if (req.secret) {
        secretFile = path.join(dir, 'secret.txt');
        await writeFile(secretFile, req.secret.value, { encoding: 'utf8', mode: 0o600 });
      }
      const args = buildElevatedArgs(
        {
          target: req.scriptPath,
          params: req.params ?? {},
          logPath,
          statusPath,
          cancelPath,
          ...(secretFile && req.secret ? { secret: { file: secretFile, param: req.secret.param } } : {}),
        },
        req.elevate ?? true,
      );
      if (req.signal?.aborted)
        return { outcome: 'cancelled', exitCode: null, log: '', durationMs: now() - started };
      const child = deps.launcher(deps.powershellExe ?? 'powershell.exe', args);
      const tail = tailFile(logPath, pollMs, req.onLog);
      let stopReason: 'timeout' | 'cancelled' | undefined;
      let timer: NodeJS.Timeout | undefined;
      const stopped = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          stopReason = 'timeout';
          resolve();
        }, req.timeoutMs);
        req.signal?.addEventListener(
          'abort',
          () => {
            stopReason ??= 'cancelled';
            resolve();
          },
          { once: true },
        );
      });
      let exit: number | null | 'stopped';
      try {
        exit = await Promise.race([child.exited, stopped.then(() => 'stopped' as const)]);
      } catch (e) {
        clearTimeout(timer);
        await tail.stop();
        throw new AppError(
          'ELEVATED_SPAWN_FAILED',
          'Windows PowerShell could not be started for the elevated run.',
          'Check that powershell.exe is present and not blocked by policy.',
          undefined,
          e,
        );
      }
      clearTimeout(timer);
      if (exit === 'stopped') {
        // Only the elevated side may end the elevated script: its watcher acts on this file. Give it a moment, then stop the wrapper.
        await writeFile(cancelPath, 'cancel', 'utf8').catch(() => undefined);
        await Promise.race([child.exited, delay(deps.cancelGraceMs ?? 5000)]);
        child.kill();
        await Promise.race([child.exited, delay(2000)]);
      }
      const log = await tail.stop();
      const durationMs = now() - started;
      if (stopReason) return { outcome: stopReason, exitCode: null, log, durationMs };
      const status = await readStatus(statusPath);
      // Never infer a refusal from translated text: 1223 from the wrapper, or no status file at all, means no elevated run happened.
      if (exit === ELEVATION_CANCELLED_EXIT || status === undefined)
        return { outcome: 'elevation-cancelled', exitCode: null, log, durationMs };
      return { outcome: 'completed', exitCode: status, log, durationMs };
    } finally {
      if (secretFile) await rm(secretFile, { force: true }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}

async function readStatus(statusPath: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(statusPath, 'utf8');
  } catch {
    return undefined;
  }
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!/^-?\d{1,10}$/.test(t)) {
    throw new AppError(
      'ELEVATED_STATUS_UNREADABLE',
      'The elevated run left a status file that could not be read.',
      'Run it again; export the log if it persists.',
      { status: t.slice(0, 40) },
    );
  }
  return Number(t);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Follows a file that may not exist yet, delivering whole UTF-8 characters as they arrive. */
function tailFile(
  file: string,
  pollMs: number,
  onChunk?: (chunk: string) => void,
): { stop(): Promise<string> } {
  const decoder = new StringDecoder('utf8');
  let offset = 0;
  let all = '';
  let running = false;
  const readMore = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const fh = await open(file, 'r').catch(() => undefined);
      if (!fh) return;
      try {
        const { size } = await fh.stat();
        if (size < offset) offset = 0; // truncated and rewritten: start over
        while (offset < size) {
          const buf = Buffer.alloc(Math.min(64 * 1024, size - offset));
          const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
          let text = decoder.write(buf.subarray(0, bytesRead));
          if (all.length === 0) text = text.replace(/^\uFEFF/, '');
          if (text.length > 0) {
            all += text;
            onChunk?.(text);
          }
        }
      } finally {
        await fh.close();
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void readMore(), pollMs);
  return {
    async stop() {
      clearInterval(timer);
      while (running) await delay(5);
      await readMore();
      const rest = decoder.end();
      if (rest) {
        all += rest;
        onChunk?.(rest);
      }
      return all;
    },
  };
}
