// The human output of doctor: a live progress line on a TTY, then a table of verdicts and the remedies.
import type { CheckStatus } from '../core/checks/types';
import type { RunProgressEvent, RunResult } from '../core/checks/run-result';
import { recordsInOrder } from '../core/checks/run-result';
import { redactText } from '../core/secrets/redact';
import type { CliOutput } from './io';
import { clean, fit, pad } from './terminal';
import { say } from './say';
import { text, type Sayable, type Text } from '../../contract/text';

const LABEL: Record<CheckStatus, Text> = {
  pass: text('cli.status.pass'),
  warn: text('cli.status.warn'),
  fail: text('cli.status.fail'),
  skip: text('cli.status.skip'),
};
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
    const line = names ? say(text('cli.table.running', { checks: names })) : '';
    out.write(`\r\u001b[2K${fit(`[${finished}/${total}] ${line}`, widthOf(out) - 1)}`);
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
  // The status words in this language, padded to the widest so the columns stay aligned.
  const labelWidth = Math.max(...Object.values(LABEL).map((l) => [...say(l)].length));
  const summaryWidth = Math.max(20, opts.columns - titleWidth - labelWidth - 6);
  const paint = (s: CheckStatus, word: string) => (opts.colour ? `${COLOUR[s]}${word}${RESET}` : word);
  const status = (s: CheckStatus) => paint(s, pad(say(LABEL[s]), labelWidth));
  const lines = [
    `${pad('', labelWidth + 2)}${pad(say(text('cli.table.check')), titleWidth)}  ${say(text('cli.table.summary'))}`,
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
        `  ${paint(r.result.status, say(LABEL[r.result.status]))} ${safe(r.title)}: ${safe(r.result.remedy ?? '')}${r.result.code ? ` [${safe(r.result.code)}]` : ''}`,
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
