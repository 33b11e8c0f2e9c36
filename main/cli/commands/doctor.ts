// `xs4-setup doctor`: run every check (or evaluate a bundle) and print a table or JSON; exit 0 ok, 1 a check failed.
import { say } from '../say';
import { text, type Sayable } from '../../../contract/text';
import { parseFlags, refuseTogether, stringFlag } from '../args';
import type { CliContext } from '../context';
import { doctorJson } from '../doctor-json';
import { type Evaluated, evaluateBundle, evaluateLive, loadChecks } from '../evaluate';
import { EXIT_CHECK_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../exit-codes';
import { recordsInOrder } from '../../core/checks/run-result';
import { verdictOf } from '../../core/checks/check-view';
import { redactText } from '../../core/secrets/redact';
import { LIVE_FLAGS, liveSettings } from '../live-inputs';
import { progressPrinter, renderTable, widthOf } from '../table';
import { clean } from '../terminal';
import { TOOL_VERSION } from '../version';
import { savedSignInToken } from '../sign-in';

const signedIn = (ctx: CliContext) =>
  ctx.auth ? (url: string) => savedSignInToken(ctx.io, ctx.auth!, url, ctx.signal) : undefined;

export const DOCTOR_FLAGS = { ...LIVE_FLAGS, evidence: 'string', json: 'boolean' } as const;

/** Findings that mean "a certificate you pinned changed": a decision for the technician, not a plain failure. */
const PIN_CHANGED = new Set(['FACE_TLS_PIN_MISMATCH', 'SPACE_HTTPS_PIN_MISMATCH', 'SHIP_TLS_PIN_MISMATCH']);

function pinChanges(e: Evaluated): Array<{ summary: Sayable; code: string }> {
  return recordsInOrder(e.run)
    .map(verdictOf)
    .filter((v) => v.code !== undefined && PIN_CHANGED.has(v.code))
    .map((v) => ({ summary: v.summary, code: v.code! }));
}

function exitOf(e: Evaluated): 0 | 1 | 2 | 130 {
  if (e.run.cancelled) return EXIT_INTERRUPTED;
  if (e.run.mode === 'live' && pinChanges(e).length > 0) return EXIT_USAGE;
  return e.run.counts.fail > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}

export async function doctor(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, DOCTOR_FLAGS, 'doctor');
  refuseTogether(flags, 'evidence', Object.keys(LIVE_FLAGS));
  const json = flags['json'] === true;
  const out = ctx.io.stdout;
  const evidenceDir = stringFlag(flags, 'evidence');
  // Every flag and secret is validated before anything runs.
  const settings = evidenceDir === undefined ? await liveSettings(flags, ctx.io, signedIn(ctx)) : undefined;
  const checks = loadChecks(ctx);
  let evaluated: Evaluated;
  if (settings === undefined) {
    evaluated = await evaluateBundle(ctx, checks, evidenceDir!);
  } else {
    const progress = !json && out.isTTY ? progressPrinter(out) : undefined;
    try {
      evaluated = await evaluateLive(ctx, checks, settings, progress?.onProgress);
    } finally {
      progress?.done();
    }
  }
  const exitCode = exitOf(evaluated);
  if (json) {
    const doc = doctorJson(evaluated.run, {
      toolVersion: TOOL_VERSION,
      ...(evaluated.machineName ? { machineName: evaluated.machineName } : {}),
      ...(evaluated.platform ? { platform: evaluated.platform } : {}),
      inputs: evaluated.inputs,
      exitCode,
      notes: evaluated.notes,
      secrets: evaluated.secrets,
    });
    out.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const n of evaluated.notes) out.write(`${clean(say(text('cli.doctor.note', { note: n })))}\n`);
    out.write(
      renderTable(evaluated.run, evaluated.secrets, {
        colour: out.isTTY === true && !ctx.io.env['NO_COLOR'],
        columns: widthOf(out),
      }),
    );
  }
  if (exitCode === EXIT_USAGE) {
    // Both fingerprints are in each summary; the full verdicts are on stdout.
    for (const c of pinChanges(evaluated))
      ctx.io.stderr.write(
        `xs4-setup: ${clean(redactText(say(text('cli.doctor.pinChanged', { summary: c.summary })), evaluated.secrets))} [${c.code}]\n`,
      );
  }
  return exitCode;
}
