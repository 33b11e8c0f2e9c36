// `xs4-setup history`: the applied-settings history, oldest first; unreadable lines are reported (exit 1), never hidden.
import { text, type Text } from '../../../contract/text';
import { HistoryStore } from '../../core/history/history-store';
import type { HistoryEntry } from '../../core/history/history-entry';
import { targetName } from '../../core/history/target-names';
import { dataDir } from '../../core/paths';
import { parseFlags } from '../args';
import type { CliContext } from '../context';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { say } from '../say';
import { clean, fit, pad } from '../terminal';

export const HISTORY_FLAGS = { json: 'boolean' } as const;

/** What kind of change a line is, in words (the JSON keeps the kind as recorded). */
const KIND: Record<HistoryEntry['kind'], Text> = {
  'face-write': text('cli.history.kind.faceWrite'),
  'key-reset': text('cli.history.kind.keyReset'),
  fix: text('cli.history.kind.fix'),
  undo: text('cli.history.kind.undo'),
  'script-run': text('cli.history.kind.scriptRun'),
  setting: text('cli.history.kind.setting'),
};

/** The width of a column of words: the longest of them in this language, so the lines stay aligned. */
const widest = (words: readonly string[]): number => Math.max(...words.map((w) => [...w].length));

export async function history(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, HISTORY_FLAGS, 'history');
  const store = new HistoryStore({ dataDir: dataDir(ctx.io.env, ctx.io.platform) });
  const { entries, problems } = await store.read();
  const out = ctx.io.stdout;
  if (flags['json'] === true) {
    // Entries as recorded (a summary is a catalog key with parameters, or the English words of an older entry).
    out.write(
      `${JSON.stringify({ schema: 'xs4-setup.history', schemaVersion: 2, file: store.file, entries, problems }, null, 2)}\n`,
    );
  } else {
    if (entries.length === 0) out.write(`${clean(say(text('cli.history.empty', { file: store.file })))}\n`);
    const kinds = Object.values(KIND).map((k) => say(k));
    const ok = say(text('cli.history.ok'));
    const failed = say(text('cli.history.failed'));
    const kindWidth = Math.max(10, widest(kinds));
    const resultWidth = Math.max(6, widest([ok, failed]));
    for (const e of entries) {
      const change =
        e.before !== undefined || e.after !== undefined
          ? `  ${fit(clean(`${JSON.stringify(e.before ?? null)} → ${JSON.stringify(e.after ?? null)}`), 120)}`
          : '';
      out.write(
        `${e.time}  ${pad(say(KIND[e.kind]), kindWidth)}  ${pad(e.result.ok ? ok : failed, resultWidth)}  ${clean(say(targetName(e.target)))}: ${clean(say(e.result.summary))}${change}\n`,
      );
    }
  }
  for (const p of problems)
    ctx.io.stderr.write(
      `xs4-setup: ${clean(say(text('cli.history.problem', { file: store.file, line: p.line, problem: p.problem })))}\n`,
    );
  return problems.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}
