// `xs4-setup collect --out DIR`: run the checks live and write their evidence as a (redacted) bundle.
import { resolve } from 'node:path';
import { text } from '../../../contract/text';
import { assertOutDirUsable, writeBundle } from '../../core/evidence/bundle-writer';
import { parseFlags, stringFlag, usageError } from '../args';
import type { CliContext } from '../context';
import { evaluateLive, loadChecks } from '../evaluate';
import { EXIT_INTERRUPTED, EXIT_OK } from '../exit-codes';
import { LIVE_FLAGS, liveSettings } from '../live-inputs';
import { progressPrinter, renderTable, widthOf } from '../table';
import { TOOL_VERSION } from '../version';
import { savedSignInToken } from '../sign-in';
import { say } from '../say';

const signedIn = (ctx: CliContext) =>
  ctx.auth ? (url: string) => savedSignInToken(ctx.io, ctx.auth!, url, ctx.signal) : undefined;

export const COLLECT_FLAGS = { ...LIVE_FLAGS, out: 'string' } as const;

export async function collect(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, COLLECT_FLAGS, 'collect');
  const outDir = stringFlag(flags, 'out');
  if (outDir === undefined) throw usageError(text('cli.usage.collectOut'));
  const settings = await liveSettings(flags, ctx.io, signedIn(ctx));
  await assertOutDirUsable(resolve(outDir));
  const checks = loadChecks(ctx);
  const out = ctx.io.stdout;
  const progress = out.isTTY ? progressPrinter(out) : undefined;
  let evaluated;
  try {
    evaluated = await evaluateLive(ctx, checks, settings, progress?.onProgress);
  } finally {
    progress?.done();
  }
  // An interrupted collection is incomplete: write nothing rather than a bundle that looks whole.
  if (evaluated.run.cancelled) return EXIT_INTERRUPTED;
  await writeBundle(resolve(outDir), evaluated.run, checks, {
    toolVersion: TOOL_VERSION,
    createdAt: ctx.io.now(),
    platform: ctx.io.platform,
    machineName: ctx.io.hostname(),
    inputs: settings.inputs,
  });
  out.write(renderTable(evaluated.run, evaluated.secrets, { colour: false, columns: widthOf(out) }));
  const collected = Object.values(evaluated.run.byId).filter((r) => r.outcome === 'collected').length;
  out.write(`${say(text('cli.collect.wrote', { dir: resolve(outDir), collected, total: checks.length }))}\n`);
  return EXIT_OK;
}
