// `xs4-setup history`: the applied-settings history, oldest first; unreadable lines are reported (exit 1), never hidden.
import { say } from '../say';
import { HistoryStore } from '../../core/history/history-store';
import { dataDir } from '../../core/paths';
import { parseFlags } from '../args';
import type { CliContext } from '../context';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { clean, fit } from '../terminal';

export const HISTORY_FLAGS = { json: 'boolean' } as const;

export async function history(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, HISTORY_FLAGS, 'history');
  const store = new HistoryStore({ dataDir: dataDir(ctx.io.env, ctx.io.platform) });
  const { entries, problems } = await store.read();
  const out = ctx.io.stdout;
  if (flags['json'] === true) {
    out.write(
      `${JSON.stringify({ schema: 'xs4-setup.history', schemaVersion: 1, file: store.file, entries, problems }, null, 2)}\n`,
    );
  } else {
    if (entries.length === 0) out.write(`No applied settings recorded yet (${clean(store.file)}).\n`);
    for (const e of entries) {
      const change =
        e.before !== undefined || e.after !== undefined
          ? `  ${fit(clean(`${JSON.stringify(e.before ?? null)} → ${JSON.stringify(e.after ?? null)}`), 120)}`
          : '';
      out.write(
        `${e.time}  ${e.kind.padEnd(10)}  ${e.result.ok ? 'ok    ' : 'FAILED'}  ${clean(e.target)}: ${clean(say(e.result.summary))}${change}\n`,
      );
    }
  }
  for (const p of problems)
    ctx.io.stderr.write(
      `xs4-setup: ${clean(store.file)} line ${p.line}: ${clean(p.problem)} (entry not shown)\n`,
    );
  return problems.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}
