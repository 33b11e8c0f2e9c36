// The CLI's last resort: an error nobody handled (a throw inside an event handler, a rejected promise nobody awaited)
// ends the process with exit 3 and one line on stderr, never Node's stack trace and never exit 1 ("a check failed").
import { EXIT_INTERNAL } from './exit-codes';
import type { CliIo } from './io';
import { text } from '../../contract/text';
import { say } from './say';
import { clean } from './terminal';

/** The one line printed for a bug: its first line only (a stack never reaches the terminal), capped. */
export function internalErrorLine(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const first = clean((raw.split(/\r?\n/)[0] ?? '').trim())
    .slice(0, 200)
    .replace(/[.\s]+$/, '');
  let line: string;
  try {
    line = say(first ? text('cli.internal', { cause: first }) : text('cli.internalUnknown'));
  } catch {
    // The last resort must not fail itself: English words when even the catalogs cannot be read.
    line = `internal error (a bug), please report it: ${first || 'unknown error'}`;
  }
  return `xs4-setup: ${line} [INTERNAL]\n`;
}

/** Installs the handlers; `exit` is process.exit outside tests. */
export function installLastResort(io: CliIo, exit: (code: number) => never = (c) => process.exit(c)): void {
  let done = false;
  const last = (e: unknown): void => {
    if (done) return;
    done = true;
    io.stderr.write(internalErrorLine(e));
    exit(EXIT_INTERNAL);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
}
