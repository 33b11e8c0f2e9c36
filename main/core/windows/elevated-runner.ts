// Runs a PowerShell script elevated (UAC) and brings back its output through files: live log, exit code, cancel, timeout, cleanup.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { text } from '../../../contract/text';
import { AppError, invalidInput } from '../errors';
import { buildElevatedArgs, type ElevatedParamValue } from './elevated-wrapper';
import type { ProcessLauncher } from './process-launcher';
import { resolvePowerShellExe } from './powershell-exe';
import { protectRunFolder } from './run-folder';

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
  /**
   * The .ps1 to run elevated and the SHA-256 its bytes must have: the elevated side reads the file once, checks that hash
   * and runs exactly those bytes, or refuses (ELEVATED_SCRIPT_CHANGED) without running anything.
   */
  script: { path: string; sha256: string };
  params?: Record<string, ElevatedParamValue>;
  /** A secret passed via a user-only file, never on a command line. */
  secret?: { param: string; value: string };
  timeoutMs: number;
  signal?: AbortSignal;
  /** Live log: called with each new chunk of text as the elevated process writes it. */
  onLog?: (chunk: string) => void;
}

export interface ElevatedRunnerDeps {
  launcher: ProcessLauncher;
  /** Where the private per-run folder is made (defaults to the OS temp folder, per-user on Windows). */
  tempRoot?: string;
  /** The one test seam for the executable (an absolute path); production resolves Windows PowerShell by absolute path. */
  powershellExe?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /**
   * The one seam of fake elevation: false runs the same wrappers for real with everything but `-Verb RunAs` (tests only;
   * there is no UAC here). Defaults to true.
   */
  elevate?: boolean;
  /** Gives the fresh run folder its ACL (Windows) or mode (elsewhere); defaults to protectRunFolder. */
  protectFolder?: (dir: string) => Promise<void>;
  /** How often the log file is polled; fs.watch is unreliable across the elevation boundary. */
  pollMs?: number;
  /** How long cancel/timeout waits for the elevated side to end itself before stopping the wrapper. */
  cancelGraceMs?: number;
  now?: () => number;
}

export type ElevatedRunner = (req: ElevatedRunRequest) => Promise<ElevatedOutcome>;

/** A secret travels as UTF-8 in a file; half a surrogate pair has no UTF-8 form and would arrive changed. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function createElevatedRunner(deps: ElevatedRunnerDeps): ElevatedRunner {
  const pollMs = deps.pollMs ?? 200;
  const now = deps.now ?? Date.now;
  return async (req) => {
    const started = now();
    const exe = resolvePowerShellExe({
      ...(deps.powershellExe !== undefined ? { override: deps.powershellExe } : {}),
      ...(deps.platform ? { platform: deps.platform } : {}),
      ...(deps.env ? { env: deps.env } : {}),
    });
    if (!/^[0-9a-fA-F]{64}$/.test(req.script.sha256))
      throw invalidInput('elevatedScriptSha256', text('rules.windows.sha256Hex'));
    if (req.secret && LONE_SURROGATE.test(req.secret.value))
      throw invalidInput('elevatedSecret', text('rules.windows.wellFormedText'));
    const dir = await mkdtemp(path.join(deps.tempRoot ?? os.tmpdir(), 'xs4-elevated-'));
    const logPath = path.join(dir, 'run.log');
    const statusPath = path.join(dir, 'status.txt');
    const cancelPath = path.join(dir, 'cancel.flag');
    // Only files carrying this value are believed (status) or obeyed (cancel): one planted by someone else is not.
    const nonce = randomBytes(16).toString('hex');
    let secretFile: string | undefined;
    try {
      // Explicit ACL before anything is written: %TEMP%'s defaults are not relied on.
      await (
        deps.protectFolder ??
        ((d: string) =>
          protectRunFolder(d, {
            ...(deps.platform ? { platform: deps.platform } : {}),
            ...(deps.env ? { env: deps.env } : {}),
          }))
      )(dir);
      if (req.secret) {
        secretFile = path.join(dir, 'secret.txt');
        await writeFile(secretFile, req.secret.value, { encoding: 'utf8', mode: 0o600 });
      }
      const args = buildElevatedArgs(
        {
          target: req.script.path,
          sha256: req.script.sha256,
          params: req.params ?? {},
          logPath,
          statusPath,
          cancelPath,
          nonce,
          powershellExe: exe,
          ...(secretFile && req.secret ? { secret: { file: secretFile, param: req.secret.param } } : {}),
        },
        deps.elevate ?? true,
      );
      if (req.signal?.aborted)
        return { outcome: 'cancelled', exitCode: null, log: '', durationMs: now() - started };
      const child = deps.launcher(exe, args);
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
        throw new AppError('ELEVATED_SPAWN_FAILED', { cause: e });
      }
      clearTimeout(timer);
      if (exit === 'stopped') {
        // Only the elevated side may end the elevated script: its watcher acts on this file. Give it a moment, then stop the wrapper.
        await writeFile(cancelPath, nonce, 'utf8').catch(() => undefined);
        await Promise.race([child.exited, delay(deps.cancelGraceMs ?? 5000)]);
        child.kill();
        await Promise.race([child.exited, delay(2000)]);
      }
      const log = await tail.stop();
      const durationMs = now() - started;
      if (stopReason) return { outcome: stopReason, exitCode: null, log, durationMs };
      const status = await readStatus(statusPath, nonce);
      // Never infer a refusal from translated text: no status file means no elevated run happened (the outer exits
      // 1223 when UAC was refused). A status is read before the exit code, so a target's own `exit 1223` stays its code.
      if (status === undefined) return { outcome: 'elevation-cancelled', exitCode: null, log, durationMs };
      if (status.kind === 'refused') {
        throw new AppError('ELEVATED_SCRIPT_CHANGED', {
          detail: {
            path: req.script.path,
            expected: req.script.sha256.toLowerCase(),
            actual: status.value,
            log: log.slice(-4000),
          },
        });
      }
      // "exited": the target called exit, which ended the elevated process with its code; the outer passed it on.
      const code = status.kind === 'completed' ? status.value : typeof exit === 'number' ? exit : 1;
      return { outcome: 'completed', exitCode: Number(code), log, durationMs };
    } finally {
      if (secretFile) await rm(secretFile, { force: true }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}

type Status = { kind: 'completed'; value: number } | { kind: 'exited' } | { kind: 'refused'; value: string };

/** Reads `<nonce> completed <code>` / `<nonce> exited` / `<nonce> refused <sha256>`; a status without the nonce is not believed. */
async function readStatus(statusPath: string, nonce: string): Promise<Status | undefined> {
  let text: string;
  try {
    text = await readFile(statusPath, 'utf8');
  } catch {
    return undefined;
  }
  const t = text.replace(/^\uFEFF/, '').trim();
  const [seen, kind, value, ...rest] = t.split(' ');
  if (seen !== nonce) {
    throw new AppError('ELEVATED_STATUS_UNTRUSTED', {
      detail: { status: t.slice(0, 80).replace(nonce, '<nonce>') },
    });
  }
  if (rest.length === 0 && kind === 'completed' && value !== undefined && /^-?\d{1,10}$/.test(value))
    return { kind, value: Number(value) };
  if (rest.length === 0 && kind === 'exited' && value === undefined) return { kind };
  if (rest.length === 0 && kind === 'refused' && value !== undefined && /^[0-9a-f]{64}$/.test(value))
    return { kind, value };
  throw new AppError('ELEVATED_STATUS_UNREADABLE', { detail: { status: t.slice(nonce.length, 80) } });
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
