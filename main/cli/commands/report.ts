// `xs4-setup report --evidence DIR --out FILE.html`: a self-contained HTML report of a bundle.
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { renderHtmlReport } from '../../core/report/html-report';
import { reportModel } from '../../core/report/report-model';
import { parseFlags, stringFlag, usageError } from '../args';
import type { CliContext } from '../context';
import { evaluateBundle, type Evaluated, loadChecks } from '../evaluate';
import { EXIT_OK } from '../exit-codes';
import { TOOL_VERSION } from '../version';

export const REPORT_FLAGS = { evidence: 'string', out: 'string' } as const;

function inputRows(e: Evaluated): Array<{ label: string; value: string }> {
  const rows: Array<{ label: string; value: string }> = [];
  if (e.inputs.faceUrl) rows.push({ label: 'XS4 Face URL', value: e.inputs.faceUrl });
  if (e.inputs.spaceUrl) rows.push({ label: 'Space SHIP URL', value: e.inputs.spaceUrl });
  if (e.inputs.shipKeyFingerprint)
    rows.push({ label: 'SHIP API key (fingerprint)', value: e.inputs.shipKeyFingerprint });
  if (e.inputs.faceTokenFingerprint)
    rows.push({ label: 'XS4 Face token (fingerprint)', value: e.inputs.faceTokenFingerprint });
  if (e.inputs.evidenceDir) rows.push({ label: 'Evidence folder', value: e.inputs.evidenceDir });
  return rows;
}

export async function report(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, REPORT_FLAGS, 'report');
  const dir = stringFlag(flags, 'evidence');
  const outFile = stringFlag(flags, 'out');
  if (dir === undefined) throw usageError('report: --evidence DIR is required (a bundle written by collect)');
  if (outFile === undefined) throw usageError('report: --out FILE.html is required');
  if (!/\.html?$/i.test(outFile)) throw usageError('--out: must name an .html file');
  const checks = loadChecks(ctx);
  const evaluated = await evaluateBundle(ctx, checks, dir);
  const html = renderHtmlReport(
    reportModel(evaluated.run, {
      toolVersion: TOOL_VERSION,
      generatedAt: ctx.io.now(),
      ...(evaluated.collectedAt ? { collectedAt: evaluated.collectedAt } : {}),
      ...(evaluated.machineName ? { machineName: evaluated.machineName } : {}),
      ...(evaluated.platform ? { platform: evaluated.platform } : {}),
      inputs: inputRows(evaluated),
      notes: evaluated.notes,
      secrets: evaluated.secrets,
    }),
  );
  const target = resolve(outFile);
  const tmp = `${target}.partial-${process.pid}`;
  try {
    await writeFile(tmp, html, 'utf8');
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new AppError(
      'REPORT_WRITE_FAILED',
      `--out: could not write ${target} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      'Choose a folder you can write to.',
      { file: target },
    );
  }
  ctx.io.stdout.write(
    `Wrote report ${target} (${evaluated.run.counts.fail} failed, ${evaluated.run.counts.warn} warnings, ${evaluated.run.counts.pass} passed, ${evaluated.run.counts.skip} skipped).\n`,
  );
  return EXIT_OK;
}
