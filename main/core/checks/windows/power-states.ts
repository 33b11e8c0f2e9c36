// Check power.states: `powercfg /a` reported for information only (pass or skip, never fail); the evaluator also reads a saved powercfg-a.txt.
import { z } from 'zod';
import { parseSleepStates } from '../../windows/powercfg';
import type { Check, CheckResult } from '../types';
import { skipResult, UnavailableEvidenceSchema, unavailableOn, type WindowsCheckDeps } from './deps';
import { collectPowerRaw } from './power-collect';

export const PowerStatesEvidenceSchema = z.discriminatedUnion('kind', [
  UnavailableEvidenceSchema,
  /** `text` is the verbatim stdout of `powercfg /a`. */
  z.object({ kind: z.literal('collected'), text: z.string() }),
]);
export type PowerStatesEvidence = z.infer<typeof PowerStatesEvidenceSchema>;

export function evaluatePowerStatesText(text: string): CheckResult {
  const r = parseSleepStates(text);
  if (!r) {
    return {
      status: 'skip',
      code: 'POWER_STATES_UNREADABLE',
      summary: 'Could not read the sleep states (information only)',
      detail: 'The `powercfg /a` output is empty or not in the expected layout.',
    };
  }
  return {
    status: 'pass',
    code: 'POWER_STATES_INFO',
    summary: `Sleep states offered by Windows: ${r.available.length ? r.available.join(', ') : 'none'} (information only)`,
    detail: `Available: ${r.available.join('; ') || 'none'}. Not available: ${r.unavailable.join('; ') || 'none'}. The timeouts checked by power.sleep decide whether the server sleeps.`,
  };
}

export function evaluatePowerStates(evidence: PowerStatesEvidence): CheckResult {
  return evidence.kind === 'unavailable' ? skipResult(evidence) : evaluatePowerStatesText(evidence.text);
}

export function powerStatesCheck(deps: WindowsCheckDeps): Check<PowerStatesEvidence> {
  return {
    id: 'power.states',
    title: 'Sleep states available (information)',
    windowsOnly: true,
    evidenceSchema: PowerStatesEvidenceSchema,
    async collect(ctx) {
      const off = unavailableOn(ctx);
      if (off) return off;
      const raw = await collectPowerRaw(deps, ctx);
      return { kind: 'collected', text: raw.sleepStates ?? '' };
    },
    evaluate: evaluatePowerStates,
    // `powercfg /a` stdout, verbatim, so support can drop a customer's output into a bundle.
    bundle: {
      textFile: 'powercfg-a.txt',
      fromText: (text) => ({ kind: 'collected', text }),
      toText: (e) => (e.kind === 'collected' ? e.text : ''),
    },
  };
}
