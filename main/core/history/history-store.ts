// Append-only applied-settings history in <data dir>/history.jsonl: one JSON object per line, secrets as fingerprints.
import { appendFile, lstat, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { text, type Text } from '../../../contract/text';
import { AppError } from '../errors';
import { ioCode } from '../fs/atomic-write';
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

/** A line that could not be read back: reported to the user, never silently dropped. */
export interface HistoryProblem {
  line: number;
  problem: Text;
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
      throw new AppError('HISTORY_WRITE_FAILED', { variant: 'tooLarge', detail: { target: entry.target } });
    }
    try {
      await mkdir(join(this.file, '..'), { recursive: true });
      // One appendFile call per line: O_APPEND keeps concurrent writers (GUI and CLI) from interleaving inside a line.
      await appendFile(this.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
    } catch (e) {
      throw new AppError('HISTORY_WRITE_FAILED', {
        variant: 'io',
        params: { file: this.file, code: ioCode(e) },
        detail: { file: this.file },
      });
    }
    return full;
  }

  /** Every readable entry in order, and every line that could not be read with its line number and why. */
  async read(): Promise<HistoryRead> {
    let content: string;
    try {
      const st = await lstat(this.file);
      if (!st.isFile())
        throw new AppError('HISTORY_UNREADABLE', {
          variant: 'notFile',
          params: { file: this.file },
          detail: { file: this.file },
        });
      if (st.size > MAX_HISTORY_BYTES)
        throw new AppError('HISTORY_TOO_LARGE', {
          params: { file: this.file, max: MAX_HISTORY_BYTES },
          detail: { file: this.file },
        });
      content = await readFile(this.file, 'utf8');
    } catch (e) {
      if (e instanceof AppError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
      throw new AppError('HISTORY_UNREADABLE', {
        variant: 'io',
        params: { file: this.file, code: ioCode(e) },
        detail: { file: this.file },
      });
    }
    const entries: HistoryEntry[] = [];
    const problems: HistoryProblem[] = [];
    const lines = content.split('\n');
    lines.forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // A crash mid-append leaves a truncated last line; it is still reported.
        problems.push({ line: i + 1, problem: text('history.problem.notJson') });
        return;
      }
      const parsed = HistoryEntrySchema.safeParse(value);
      if (parsed.success) entries.push(parsed.data);
      else {
        // The field of the line (kind, result.summary …): the file's own names, for whoever repairs it.
        const field = parsed.error.issues[0]?.path.join('.') ?? '';
        problems.push({
          line: i + 1,
          problem: field === '' ? text('history.problem.entry') : text('history.problem.field', { field }),
        });
      }
    });
    return { entries, problems };
  }
}
