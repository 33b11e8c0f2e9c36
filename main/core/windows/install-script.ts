// The Space Install Script step: take the script from a file or from XS4 Face, show its SHA-256 and Authenticode status, run it elevated with a live log, keep a transcript, record the run.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { text, type Text } from '../../../contract/text';
import { AppError, invalidInput } from '../errors';
import type { RecordChange } from './change-record';
import type { ElevatedOutcomeKind, ElevatedRunner } from './elevated-runner';
import type { PsSession } from './ps-session';
import { redactOutput } from '../secrets/redact';

/** Larger than any plausible install script; bounds what is read into memory from a download or a picked file. */
export const MAX_INSTALL_SCRIPT_BYTES = 5 * 1024 * 1024;

export type InstallScriptSource =
  { kind: 'file'; path: string } | { kind: 'face'; download: (signal?: AbortSignal) => Promise<Uint8Array> };

export const SignatureSchema = z.object({
  /** Get-AuthenticodeSignature status: Valid, NotSigned, HashMismatch, NotTrusted, UnknownError…; "NotChecked" off Windows. */
  status: z.string(),
  statusMessage: z.string().nullable(),
  signer: z.string().nullable(),
  signerThumbprint: z.string().nullable(),
});
const FileSignatureRawSchema = SignatureSchema.extend({ sha256: z.string().regex(/^[0-9A-Fa-f]{64}$/) });

export interface InstallScriptInfo {
  /** Where the script is on disk (a downloaded script is saved in the data folder first). */
  path: string;
  source: 'file' | 'face';
  sha256: string;
  size: number;
  signature: z.infer<typeof SignatureSchema>;
}

export interface InstallScriptDeps {
  dataDir: string;
  now: () => Date;
  platform: NodeJS.Platform;
  /** The read-only session; needed on Windows for the Authenticode status. */
  session?: () => PsSession;
  runElevated: ElevatedRunner;
  recordChange?: RecordChange;
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readBounded(file: string): Promise<Buffer> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw invalidInput('installScriptFile', text('rules.windows.file'));
    size = s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INSTALL_SCRIPT_NOT_FOUND', {
      params: { path: file },
      detail: { path: file },
      cause: e,
    });
  }
  if (size === 0) throw invalidInput('installScript', text('rules.required'));
  if (size > MAX_INSTALL_SCRIPT_BYTES)
    throw invalidInput('installScript', text('rules.windows.maxBytes', { max: MAX_INSTALL_SCRIPT_BYTES }));
  return readFile(file);
}

/** Puts the script on disk (if downloaded) and reads what the technician must see before running it. */
export async function prepareInstallScript(
  deps: InstallScriptDeps,
  source: InstallScriptSource,
  signal?: AbortSignal,
): Promise<InstallScriptInfo> {
  let file: string;
  let bytes: Buffer;
  if (source.kind === 'file') {
    if (!/\.ps1$/i.test(source.path)) throw invalidInput('installScriptFile', text('rules.windows.ps1'));
    file = path.resolve(source.path);
    bytes = await readBounded(file);
  } else {
    const downloaded = Buffer.from(await source.download(signal));
    if (downloaded.length === 0) throw invalidInput('installScript', text('rules.required'));
    if (downloaded.length > MAX_INSTALL_SCRIPT_BYTES)
      throw invalidInput('installScript', text('rules.windows.maxBytes', { max: MAX_INSTALL_SCRIPT_BYTES }));
    const dir = path.join(deps.dataDir, 'install-scripts');
    await mkdir(dir, { recursive: true });
    file = path.join(dir, `space-install-script-${stamp(deps.now())}.ps1`);
    await writeFile(file, downloaded, { mode: 0o600 });
    bytes = downloaded;
  }
  const sha256 = sha256Hex(bytes);
  // Off Windows nothing reads the signature: "NotChecked" says so, and the page explains it in the reader's language.
  let signature: InstallScriptInfo['signature'] = {
    status: 'NotChecked',
    statusMessage: null,
    signer: null,
    signerThumbprint: null,
  };
  if (deps.platform === 'win32' && deps.session) {
    const raw = await deps.session().query('get-file-signature', { path: file }, FileSignatureRawSchema, {
      timeoutMs: 30_000,
      ...(signal ? { signal } : {}),
    });
    if (raw.sha256.toLowerCase() !== sha256) {
      throw new AppError('INSTALL_SCRIPT_CHANGED', { variant: 'whileChecked', detail: { path: file } });
    }
    signature = {
      status: raw.status,
      statusMessage: raw.statusMessage,
      signer: raw.signer,
      signerThumbprint: raw.signerThumbprint,
    };
  }
  return { path: file, source: source.kind, sha256, size: bytes.length, signature };
}

export interface InstallScriptRun {
  outcome: ElevatedOutcomeKind;
  exitCode: number | null;
  transcriptPath: string;
  durationMs: number;
}

/**
 * Runs a prepared script elevated. Re-hashes first (a quick, friendly refusal), and the elevated side checks the same
 * SHA-256 on the one read it runs from, so a file changed while the UAC prompt is open is refused, never run.
 * Re-runnable: each run gets its own transcript (data folder, time-stamped) and its own history entry.
 */
export async function runInstallScript(
  deps: InstallScriptDeps,
  info: InstallScriptInfo,
  opts: {
    timeoutMs: number;
    signal?: AbortSignal;
    onLog?: (chunk: string) => void;
    secrets?: readonly string[];
  },
): Promise<InstallScriptRun> {
  const secrets = opts.secrets ?? [];
  const live = opts.onLog ? redactedLines(opts.onLog, secrets) : null;
  const now = sha256Hex(await readBounded(info.path));
  if (now !== info.sha256) {
    throw new AppError('INSTALL_SCRIPT_CHANGED', {
      variant: 'sinceShown',
      detail: { path: info.path, shown: info.sha256, now },
    });
  }
  const startedAt = deps.now();
  let out: Awaited<ReturnType<ElevatedRunner>>;
  try {
    out = await deps.runElevated({
      script: { path: info.path, sha256: info.sha256 },
      timeoutMs: opts.timeoutMs,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(live ? { onLog: live.write } : {}),
    });
  } catch (e) {
    live?.end();
    if (!(e instanceof AppError) || e.code !== 'ELEVATED_SCRIPT_CHANGED') throw e;
    const actual = typeof e.detail?.actual === 'string' ? e.detail.actual : 'unknown';
    const refusedTranscript = await writeTranscript(deps.dataDir, startedAt, [
      `# Space Install Script run REFUSED`,
      `# script: ${info.path} (${info.source})`,
      `# sha256 shown: ${info.sha256}`,
      `# sha256 read by the elevated side: ${actual}`,
      `# started: ${startedAt.toISOString()}`,
      '',
    ]);
    await deps.recordChange?.({
      at: startedAt.toISOString(),
      target: 'space.install-script',
      action: 'run',
      result: 'failed',
      before: { script: info.path, sha256: info.sha256, signature: info.signature.status },
      after: { refused: true, sha256: actual },
      summary: text('windows.installScript.refused'),
      files: [refusedTranscript],
    });
    throw new AppError('INSTALL_SCRIPT_CHANGED', {
      variant: 'notRun',
      detail: { path: info.path, shown: info.sha256, now: actual },
      cause: e,
    });
  }
  live?.end();
  const header = [
    `# Space Install Script run`,
    `# script: ${info.path} (${info.source})`,
    `# sha256: ${info.sha256}`,
    `# signature: ${info.signature.status}${info.signature.signer ? ` (${info.signature.signer})` : ''}`,
    `# started: ${startedAt.toISOString()}`,
    `# outcome: ${out.outcome}; exit code: ${out.exitCode ?? 'none'}; duration: ${out.durationMs} ms`,
    '',
  ].join('\r\n');
  const transcriptPath = await writeTranscript(deps.dataDir, startedAt, [
    header + redactOutput(out.log, secrets),
  ]);
  const result = out.outcome === 'completed' ? (out.exitCode === 0 ? 'applied' : 'failed') : out.outcome;
  await deps.recordChange?.({
    at: startedAt.toISOString(),
    target: 'space.install-script',
    action: 'run',
    result,
    before: { script: info.path, sha256: info.sha256, signature: info.signature.status },
    after: { outcome: out.outcome, exitCode: out.exitCode },
    summary: runSummary(out),
    files: [transcriptPath],
  });
  return { outcome: out.outcome, exitCode: out.exitCode, transcriptPath, durationMs: out.durationMs };
}

/** The history's sentence for a run of the script. */
function runSummary(out: Awaited<ReturnType<ElevatedRunner>>): Text {
  switch (out.outcome) {
    case 'completed':
      return text('windows.installScript.ended', { exitCode: out.exitCode ?? '?' });
    case 'elevation-cancelled':
      return text('windows.installScript.notApproved');
    case 'timeout':
      return text('windows.installScript.timedOut');
    case 'cancelled':
      return text('windows.installScript.cancelled');
  }
}

/**
 * The script's streamed output, passed on only in whole lines and each redacted: a secret the script prints may arrive
 * split across two writes, and only a whole line can be matched. `end` passes on a last line without its line break.
 */
function redactedLines(
  onLog: (chunk: string) => void,
  secrets: readonly string[],
): { write: (chunk: string) => void; end: () => void } {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk;
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) return;
      const whole = pending.slice(0, cut + 1);
      pending = pending.slice(cut + 1);
      onLog(redactOutput(whole, secrets));
    },
    end() {
      if (pending.length > 0) onLog(redactOutput(pending, secrets));
      pending = '';
    },
  };
}

/** Keeps each run's log in the data folder under a UTC time stamp; returns its path. */
async function writeTranscript(dataDir: string, startedAt: Date, lines: string[]): Promise<string> {
  const dir = path.join(dataDir, 'transcripts');
  await mkdir(dir, { recursive: true });
  const transcriptPath = path.join(dir, `space-install-script-${stamp(startedAt)}.log`);
  await writeFile(transcriptPath, lines.join('\r\n'), { encoding: 'utf8', mode: 0o600 });
  return transcriptPath;
}
