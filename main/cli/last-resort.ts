// The CLI's last resort: an error nobody handled (a throw inside an event handler, a rejected promise nobody awaited)
// ends the process with exit 3 and one line on stderr, never Node's stack trace and never exit 1 ("a check failed").
import { EXIT_INTERNAL } from './exit-codes';
import type { CliIo } from './io';
import { clean } from './terminal';

/** The one line printed for a bug: its first line only (a stack never reaches the terminal), capped. */
export function internalErrorLine(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const first = clean((raw.split(/\r?\n/)[0] ?? '').trim())
    .slice(0, 200)
    .replace(/[.\s]+$/, '');
  return `xs4-setup: internal error (a bug): ${first || 'unknown error'}. Please report it. [INTERNAL]\n`;
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
