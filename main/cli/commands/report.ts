// `xs4-setup report --evidence DIR --out FILE.html`: a self-contained HTML report of a bundle, in the run's --lang.
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { text } from '../../../contract/text';
import { AppError } from '../../core/errors';
import { ioCode } from '../../core/fs/atomic-write';
import { renderHtmlReport, type ReportInput } from '../../core/report/html-report';
import { reportModel } from '../../core/report/report-model';
import { parseFlags, stringFlag, usageError } from '../args';
import type { CliContext } from '../context';
import { evaluateBundle, type Evaluated, loadChecks } from '../evaluate';
import { EXIT_OK } from '../exit-codes';
import { cliLanguage, say } from '../say';
import { TOOL_VERSION } from '../version';

export const REPORT_FLAGS = { evidence: 'string', out: 'string' } as const;

function inputRows(e: Evaluated): ReportInput[] {
  const rows: ReportInput[] = [];
  if (e.inputs.faceUrl) rows.push({ label: text('report.input.faceUrl'), value: e.inputs.faceUrl });
  if (e.inputs.spaceUrl) rows.push({ label: text('report.input.spaceUrl'), value: e.inputs.spaceUrl });
  if (e.inputs.shipKeyFingerprint)
    rows.push({ label: text('report.input.shipKeyFingerprint'), value: e.inputs.shipKeyFingerprint });
  if (e.inputs.faceTokenFingerprint)
    rows.push({ label: text('report.input.faceTokenFingerprint'), value: e.inputs.faceTokenFingerprint });
  if (e.inputs.evidenceDir)
    rows.push({ label: text('report.input.evidenceFolder'), value: e.inputs.evidenceDir });
  return rows;
}

export async function report(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, REPORT_FLAGS, 'report');
  const dir = stringFlag(flags, 'evidence');
  const outFile = stringFlag(flags, 'out');
  if (dir === undefined) throw usageError(text('cli.usage.reportEvidence'));
  if (outFile === undefined) throw usageError(text('cli.usage.reportOut'));
  if (!/\.html?$/i.test(outFile)) throw usageError(text('cli.usage.reportHtml'), { flag: 'out' });
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
    cliLanguage(),
  );
  const target = resolve(outFile);
  const tmp = `${target}.partial-${process.pid}`;
  try {
    await writeFile(tmp, html, 'utf8');
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new AppError('REPORT_WRITE_FAILED', {
      params: { file: target, code: ioCode(e) },
      detail: { file: target },
    });
  }
  const c = evaluated.run.counts;
  ctx.io.stdout.write(
    `${say(text('cli.report.wrote', { file: target, fail: c.fail, warn: c.warn, pass: c.pass, skip: c.skip }))}\n`,
  );
  return EXIT_OK;
}
