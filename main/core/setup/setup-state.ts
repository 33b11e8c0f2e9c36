// The setup flow's own state on disk (non-secret): wizard progress, the chosen XS4 Face server, the prepared script, undo data.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors';
import { isNotFound, writeFileAtomic } from '../fs/atomic-write';
import { SetupProgressSchema, VerifyResultSchema, type SetupProgress } from '../../../contract/setup-shapes';

export const SETUP_STATE_FILE = 'setup-state.json';

const ScriptStateSchema = z.object({
  path: z.string(),
  source: z.enum(['file', 'face']),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
  size: z.number().int().min(0),
  signature: z.object({
    status: z.string(),
    statusMessage: z.string().nullable(),
    signer: z.string().nullable(),
    signerThumbprint: z.string().nullable(),
  }),
});

export const SetupStateSchema = z.object({
  version: z.literal(1),
  progress: SetupProgressSchema,
  /** The chosen XS4 Face server; the names as the Console showed them when chosen (for later steps and reports). */
  face: z
    .object({
      siteId: z.string(),
      serverId: z.string(),
      siteName: z.string().max(256).optional(),
      serverName: z.string().max(256).optional(),
    })
    .nullable(),
  script: ScriptStateSchema.nullable(),
  /** The last install-script run, so a resumed wizard does not offer to run it again without saying it ran. */
  lastScriptRun: z
    .object({
      sha256: z.string(),
      outcome: z.string(),
      exitCode: z.number().int().nullable(),
      at: z.string(),
    })
    .nullable(),
  /** Space Server Details last read from or written to XS4 Face, for checking Space while XS4 Face is unreachable. */
  lastSpace: z
    .object({ host: z.string(), port: z.number().int().min(1).max(65535), https: z.boolean() })
    .nullable()
    .optional(),
  /** The Verify step: a run that started and has not ended, and the last result (check views are already redacted). */
  verify: z
    .object({
      running: z.object({ startedAt: z.string(), deadlineMs: z.number().int().min(0) }).nullable(),
      last: z.object({ at: z.string(), result: VerifyResultSchema }).nullable(),
    })
    .optional(),
  /** Undo data of applied fixes, by check id (previous values, never secrets). */
  undo: z.record(z.string(), z.unknown()),
});
export type SetupState = z.infer<typeof SetupStateSchema>;

export const initialProgress = (): SetupProgress => ({ current: 'welcome', done: {} });

export function initialState(): SetupState {
  return { version: 1, progress: initialProgress(), face: null, script: null, lastScriptRun: null, undo: {} };
}

/** Reads and writes setup-state.json atomically; a damaged file is reported with its path, never silently replaced. */
export class SetupStateFile {
  readonly file: string;
  private cache: SetupState | undefined;

  constructor(dataDir: string) {
    this.file = join(dataDir, SETUP_STATE_FILE);
  }

  async read(): Promise<SetupState> {
    if (this.cache) return structuredClone(this.cache);
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return initialState();
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = SetupStateSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError('SETUP_STATE_CORRUPT', { params: { file: this.file }, detail: { file: this.file } });
    }
    this.cache = parsed.data;
    return structuredClone(parsed.data);
  }

  async update(change: (s: SetupState) => void): Promise<SetupState> {
    const s = await this.read();
    change(s);
    const valid = SetupStateSchema.parse(s);
    await writeFileAtomic(this.file, `${JSON.stringify(valid, null, 2)}\n`);
    this.cache = valid;
    return structuredClone(valid);
  }
}
