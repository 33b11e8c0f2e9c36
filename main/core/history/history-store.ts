// Append-only applied-settings history in <data dir>/history.jsonl: one JSON object per line, secrets as fingerprints.
import { appendFile, lstat, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { secretFingerprint } from '../secrets/fingerprint';
import { redactValue } from '../secrets/redact';
import {
  HISTORY_ENTRY_VERSION,
  type HistoryEntry,
  HistoryEntrySchema,
  type NewHistoryEntry,
} from './history-entry';

export const HISTORY_FILE = 'history.jsonl';
/** History grows slowly (a few lines per setup); a bigger file is not ours to trust whole. */
export const MAX_HISTORY_BYTES = 32 * 1024 * 1024;
const MAX_LINE_CHARS = 256 * 1024;

export const HistoryCodes = {
  UNREADABLE: 'HISTORY_UNREADABLE',
  WRITE_FAILED: 'HISTORY_WRITE_FAILED',
  TOO_LARGE: 'HISTORY_TOO_LARGE',
} as const;

/** A line that could not be read back: reported to the user, never silently dropped. */
export interface HistoryProblem {
  line: number;
  problem: string;
}

export interface HistoryRead {
  entries: HistoryEntry[];
  problems: HistoryProblem[];
}

export interface HistoryStoreOptions {
  dataDir: string;
  now?: () => Date;
}

/** Every occurrence of a secret in the value (keys and strings, deep) becomes its "sha256:<8 hex>" fingerprint. */
function fingerprintSecrets<T>(value: T, secrets: readonly string[]): T {
  return redactValue(value, secrets, secretFingerprint);
}

export class HistoryStore {
  readonly file: string;
  private readonly now: () => Date;

  constructor(options: HistoryStoreOptions) {
    this.file = join(options.dataDir, HISTORY_FILE);
    this.now = options.now ?? (() => new Date());
  }

  /** Appends one entry. `secrets` are values that must appear only as fingerprints (SHIP key, tokens). */
  async append(entry: NewHistoryEntry, secrets: readonly string[] = []): Promise<HistoryEntry> {
    const full = HistoryEntrySchema.parse(
      fingerprintSecrets({ v: HISTORY_ENTRY_VERSION, time: this.now().toISOString(), ...entry }, secrets),
    );
    const line = JSON.stringify(full);
    if (line.includes('\n') || line.length > MAX_LINE_CHARS) {
      throw new AppError(
        HistoryCodes.WRITE_FAILED,
        'History entry is too large to record.',
        'Record a summary instead of the full value.',
        { target: entry.target },
      );
    }
    try {
      await mkdir(join(this.file, '..'), { recursive: true });
      // One appendFile call per line: O_APPEND keeps concurrent writers (GUI and CLI) from interleaving inside a line.
      await appendFile(this.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
    } catch (e) {
      throw new AppError(
        HistoryCodes.WRITE_FAILED,
        `Could not write the history (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
        'Check that the data folder is writable.',
        { file: this.file },
      );
    }
    return full;
  }

  /** Every readable entry in order, and every line that could not be read with its line number and why. */
  async read(): Promise<HistoryRead> {
    let text: string;
    try {
      const st = await lstat(this.file);
      if (!st.isFile())
        throw new AppError(
          HistoryCodes.UNREADABLE,
          `${this.file}: is not a regular file.`,
          'Move it away; the history starts again empty.',
          { file: this.file },
        );
      if (st.size > MAX_HISTORY_BYTES)
        throw new AppError(
          HistoryCodes.TOO_LARGE,
          `${this.file}: is larger than ${MAX_HISTORY_BYTES} bytes.`,
          'Archive the file and start a new one.',
          { file: this.file },
        );
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (e instanceof AppError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
      throw new AppError(
        HistoryCodes.UNREADABLE,
        `${this.file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
        'Check the file permissions.',
        { file: this.file },
      );
    }
    const entries: HistoryEntry[] = [];
    const problems: HistoryProblem[] = [];
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // A crash mid-append leaves a truncated last line; it is still reported.
        problems.push({ line: i + 1, problem: 'not valid JSON' });
        return;
      }
      const parsed = HistoryEntrySchema.safeParse(value);
      if (parsed.success) entries.push(parsed.data);
      else {
        const issue = parsed.error.issues[0];
        problems.push({
          line: i + 1,
          problem: `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`,
        });
      }
    });
    return { entries, problems };
  }
}
