// The shape every check has: collect raw evidence, evaluate it with a pure function, optionally fix.
//
// Evidence is data, never a verdict, so a bundle collected on site can be evaluated anywhere later.
import type { z } from 'zod';
import type { Sayable } from '../../../contract/text';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  status: CheckStatus;
  /** One line, shown in tables and on cards. */
  summary: Sayable;
  /** What was observed, in a sentence or two (never a secret). */
  detail?: Sayable;
  /** What to do about it; present for warn and fail. */
  remedy?: Sayable;
  /** Stable code of the finding, e.g. SHIP_UNAUTHORIZED, POWER_SLEEP_ENABLED. */
  code?: string;
}

/** The inputs a run was given. Secrets are values in memory only; they never go into evidence. */
export interface CheckInputs {
  faceUrl?: string;
  faceToken?: string;
  /** Which XS4 Face site and server (the Console's selection); chosen automatically when there is only one. */
  faceSiteId?: string;
  faceServerId?: string;
  facePinnedFingerprint256?: string;
  spaceUrl?: string;
  spacePinnedFingerprint256?: string;
  shipKey?: string;
  extraCa?: string[];
}

export interface CheckContext {
  inputs: CheckInputs;
  signal: AbortSignal;
  /** Per-check timeout in milliseconds (the runner enforces it too). */
  timeoutMs: number;
  platform: NodeJS.Platform;
  now: () => Date;
  /** Raw evidence of checks this one depends on, by check id (already collected). */
  dependencies: Record<string, unknown>;
}

export interface FixOutcome {
  ok: boolean;
  summary: Sayable;
  /** Values before and after, recorded in the applied-settings history (no secrets). */
  before?: unknown;
  after?: unknown;
  /** Data that undo needs (e.g. previous power values). */
  undoData?: unknown;
}

/** How a check's evidence maps to one fixed-name text file in a bundle (exact tool stdout, any line ends). */
export interface CheckBundleText<E> {
  /** File name at the top of the bundle, e.g. "powercfg-sub-sleep.txt"; lower case, no folders. */
  textFile: string;
  /** Parses the raw text (CRLF or LF) into evidence; throws AppError when it cannot. */
  fromText(text: string): E;
  /** The raw text to store; fromText(toText(e)) must give evidence that evaluates the same. */
  toText(evidence: E): string;
}

export interface Check<E = unknown> {
  /** Stable id, e.g. "power.sleep", "space.ship". */
  id: string;
  title: Sayable;
  /** Checks that must have passed (or warned) for this one to run; otherwise it is skipped naming them. */
  dependsOn?: string[];
  /**
   * The collect does not read its dependencies' evidence, so the runner may start it while they run (a dependency
   * chain then costs the slowest check, not the sum); its result is dropped and its work aborted when one fails.
   */
  startWithDependencies?: boolean;
  /** Checks that only make sense on Windows report skip elsewhere, with the reason. */
  windowsOnly?: boolean;
  /**
   * Inputs this check cannot run without (e.g. ['faceUrl', 'shipKey']); when one is missing the runner
   * reports skip naming it. Optional: checks that need no input omit it.
   */
  requires?: Array<keyof CheckInputs>;
  /**
   * Text evidence kept under a fixed file name in evidence bundles (e.g. "powercfg-sub-sleep.txt"), so support
   * can drop a customer's raw tool output into a folder. Checks without it are stored as evidence/<id>.json.
   */
  bundle?: CheckBundleText<E>;
  /** Validates evidence read back from a bundle (a file on disk is a trust boundary). */
  evidenceSchema: z.ZodType<E>;
  /** Touches the world and returns raw evidence. Throws AppError when it could not read it. */
  collect(ctx: CheckContext): Promise<E>;
  /** Pure: evidence in, verdict out. Evidence that cannot be read gives fail/warn "could not read", never pass. */
  evaluate(evidence: E): CheckResult;
  fix?: {
    title: Sayable;
    /** Needs an elevated (UAC) run. */
    elevated: boolean;
    apply(ctx: CheckContext, evidence: E): Promise<FixOutcome>;
    undo?(ctx: CheckContext, undoData: unknown): Promise<FixOutcome>;
  };
}

/** The secret values among a run's inputs: every output of the run is redacted against them. */
export function secretsOf(inputs: CheckInputs): string[] {
  return [inputs.shipKey, inputs.faceToken].filter((s): s is string => typeof s === 'string' && s.length > 0);
}
