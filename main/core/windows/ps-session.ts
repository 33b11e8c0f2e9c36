// One read-only PowerShell session per run: fixed scripts in, parameters as base64 data, JSON out (zod-validated), a timeout on every call.
import type { z } from 'zod';
import { AppError } from '../errors';
import { base64Literal, encodeParams } from './ps-encoding';
import { readScript, resolveResourcesDir, type QueryScriptName } from './ps-scripts';

/** The one seam to a PowerShell process: node-powershell in the app, a stand-in in tests. */
export interface PsHost {
  /** The PowerShell process id, when the host has one (counted by the benchmark and the tests). */
  readonly pid?: number;
  invoke(command: string): Promise<{ stdout: string; stderr: string; hadErrors: boolean }>;
  dispose(): Promise<void>;
}
export type PsHostFactory = () => PsHost;

export interface PsSessionOptions {
  hostFactory: PsHostFactory;
  resourcesDir?: string;
  /** Default per-call timeout. */
  timeoutMs?: number;
}

/** `XS4JSON:<base64 of UTF-8 JSON>`, the one result line every query script prints. */
const MARKER_LINE = /XS4JSON:([A-Za-z0-9+/=]*)\s*$/;

/**
 * The text sent to PowerShell for one query: one line. node-powershell feeds commands to `powershell -Command -`, where a
 * statement spanning lines waits for a blank line before it runs (a missing one hangs the query until its timeout), so the
 * fixed script travels as a base64 literal made into a script block. The parameters are a second base64 literal: no
 * value is ever part of script text.
 */
export function buildQueryCommand(scriptText: string, params: Record<string, unknown>): string {
  const b64 = encodeParams(params);
  const script = Buffer.from(scriptText, 'utf8').toString('base64');
  // Windows PowerShell 5.1 writes the OEM code page unless told otherwise (without a console setting it throws: ignored,
  // the result line is base64 anyway).
  return [
    'try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; $OutputEncoding = [Console]::OutputEncoding } catch { }',
    `& ([System.Management.Automation.ScriptBlock]::Create([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${base64Literal(script)})))) -EncodedParams ${base64Literal(b64)}`,
  ].join('; ');
}

/** Finds the marker line and decodes it; throws PS_NO_OUTPUT / PS_BAD_OUTPUT with what was seen (no secrets are sent in). */
export function parseQueryOutput<T>(script: string, stdout: string, stderr: string, schema: z.ZodType<T>): T {
  // The marker is searched anywhere in a line: a host may put terminal mode sequences (ESC [ ? 1 h …) in front of it.
  const payload = stdout
    .split(/\r?\n/)
    .reverse()
    .map((l) => MARKER_LINE.exec(l)?.[1])
    .find((p) => p !== undefined);
  if (payload === undefined) {
    throw new AppError('PS_NO_OUTPUT', {
      params: { script },
      detail: { script, stdout: stdout.slice(0, 2000), stderr: stderr.slice(0, 2000) },
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch (e) {
    throw new AppError('PS_BAD_OUTPUT', {
      variant: 'notJson',
      params: { script },
      detail: { script },
      cause: e,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('PS_BAD_OUTPUT', {
      variant: 'shape',
      params: { script },
      detail: {
        script,
        issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`),
      },
    });
  }
  return parsed.data;
}

export class PsSession {
  private host: PsHost | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly resourcesDir: string | undefined;
  private readonly timeoutMs: number;
  private disposed = false;

  constructor(private readonly options: PsSessionOptions) {
    this.resourcesDir = options.resourcesDir;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Runs one fixed script with parameters as data; calls are serialised on the one session. */
  query<T>(
    script: QueryScriptName,
    params: Record<string, unknown>,
    schema: z.ZodType<T>,
    opts: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const run = this.queue.then(() => this.runOne(script, params, schema, opts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runOne<T>(
    script: QueryScriptName,
    params: Record<string, unknown>,
    schema: z.ZodType<T>,
    opts: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<T> {
    if (this.disposed) throw new AppError('PS_SESSION_CLOSED');
    if (opts.signal?.aborted) throw new AppError('CANCELLED');
    const command = buildQueryCommand(readScript(resolveResourcesDir(this.resourcesDir), script), params);
    if (this.host === undefined) {
      try {
        this.host = this.options.hostFactory();
      } catch (e) {
        throw new AppError('PS_UNAVAILABLE', { variant: 'notStarted', cause: e });
      }
    }
    const host = this.host;
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError('PS_TIMEOUT', {
              params: { script, seconds: Math.round(timeoutMs / 1000) },
              detail: { script, timeoutMs },
            }),
          ),
        timeoutMs,
      );
      onAbort = () => reject(new AppError('CANCELLED'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const out = await Promise.race([host.invoke(command), stop]);
      return parseQueryOutput(script, out.stdout, out.stderr, schema);
    } catch (e) {
      // A timed-out or cancelled session may still be busy: drop it so the next query gets a fresh one.
      if (e instanceof AppError && (e.code === 'PS_TIMEOUT' || e.code === 'CANCELLED')) {
        this.host = undefined;
        await host.dispose().catch(() => undefined);
      }
      if (e instanceof AppError) throw e;
      throw new AppError('PS_FAILED', { params: { script }, detail: { script }, cause: e });
    } finally {
      clearTimeout(timer);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const host = this.host;
    this.host = undefined;
    if (host) await host.dispose().catch(() => undefined);
  }
}
