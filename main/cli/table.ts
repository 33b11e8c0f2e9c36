// The human output of doctor: a live progress line on a TTY, then a table of verdicts and the remedies.
import type { CheckStatus } from '../core/checks/types';
import type { RunProgressEvent, RunResult } from '../core/checks/run-result';
import { recordsInOrder } from '../core/checks/run-result';
import { redactText } from '../core/secrets/redact';
import type { CliOutput } from './io';
import { clean, fit, pad } from './terminal';
import { say } from './say';
import type { Sayable } from '../../contract/text';
import { text } from '../../contract/text';

const LABEL: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
const COLOUR: Record<CheckStatus, string> = {
  pass: '\u001b[32m',
  warn: '\u001b[33m',
  fail: '\u001b[31m',
  skip: '\u001b[90m',
};
const RESET = '\u001b[0m';

/** Terminal width; a pseudo-terminal without a size reports 0, which would squeeze everything away. */
export function widthOf(out: CliOutput): number {
  return out.columns !== undefined && out.columns >= 40 ? out.columns : 100;
}

/** Prints "[3/9] Space HTTPS…" on one rewritten line while checks run (TTY only). */
export function progressPrinter(out: CliOutput): {
  onProgress: (e: RunProgressEvent) => void;
  done: () => void;
} {
  const running = new Map<string, string>();
  let finished = 0;
  let total = 0;
  const draw = () => {
    const names = [...running.values()].map(clean).join(', ');
    out.write(
      `\r\u001b[2K${fit(`[${finished}/${total}] ${names ? `running: ${names}` : ''}`, widthOf(out) - 1)}`,
    );
  };
  return {
    onProgress: (e) => {
      total = e.total;
      if (e.type === 'started') running.set(e.id, say(e.title));
      else {
        running.delete(e.id);
        finished += 1;
      }
      draw();
    },
    done: () => out.write('\r\u001b[2K'),
  };
}

/** The verdict table; strings from servers and files are cleaned and redacted before they reach the terminal. */
export function renderTable(
  run: RunResult,
  secrets: readonly string[],
  opts: { colour: boolean; columns: number },
): string {
  const safe = (s: Sayable) => clean(redactText(say(s), secrets));
  const records = recordsInOrder(run);
  const titleWidth = Math.min(34, Math.max(5, ...records.map((r) => [...safe(r.title)].length)));
  const summaryWidth = Math.max(20, opts.columns - titleWidth - 10);
  const status = (s: CheckStatus) => (opts.colour ? `${COLOUR[s]}${LABEL[s]}${RESET}` : LABEL[s]);
  const lines = [
    `${pad('', 6)}${pad(say(text('cli.table.check')), titleWidth)}  ${say(text('cli.table.summary'))}`,
  ];
  for (const r of records) {
    lines.push(
      `${status(r.result.status)}  ${pad(fit(safe(r.title), titleWidth), titleWidth)}  ${fit(safe(r.result.summary), summaryWidth)}`,
    );
  }
  const todo = records.filter(
    (r) => (r.result.status === 'fail' || r.result.status === 'warn') && r.result.remedy,
  );
  if (todo.length > 0) {
    lines.push('', say(text('cli.whatToDo')));
    for (const r of todo)
      lines.push(
        `  ${status(r.result.status)} ${safe(r.title)}: ${safe(r.result.remedy ?? '')}${r.result.code ? ` [${safe(r.result.code)}]` : ''}`,
      );
  }
  const c = run.counts;
  lines.push(
    '',
    say(text('cli.table.counts', { fail: c.fail, warn: c.warn, pass: c.pass, skip: c.skip })) +
      (run.cancelled ? ` ${say(text('cli.table.cancelled'))}` : '') +
      (run.deadlineReached ? ` ${say(text('cli.table.deadline'))}` : ''),
  );
  return `${lines.join('\n')}\n`;
}
