// Check power.states: `powercfg /a` reported for information only (pass or skip, never fail); the evaluator also reads a saved powercfg-a.txt.
import { z } from 'zod';
import { text } from '../../../../contract/text';
import { parseSleepStates } from '../../windows/powercfg';
import type { Check, CheckResult } from '../types';
import { skipResult, UnavailableEvidenceSchema, unavailableOn, type WindowsCheckDeps } from './deps';
import { collectPowerRaw } from './power-collect';
import { itemsOf, listOf } from '../../../../messages/joins';

export const PowerStatesEvidenceSchema = z.discriminatedUnion('kind', [
  UnavailableEvidenceSchema,
  /** `text` is the verbatim stdout of `powercfg /a`. */
  z.object({ kind: z.literal('collected'), text: z.string() }),
]);
export type PowerStatesEvidence = z.infer<typeof PowerStatesEvidenceSchema>;

export function evaluatePowerStatesText(output: string): CheckResult {
  const r = parseSleepStates(output);
  if (!r) {
    return {
      status: 'skip',
      code: 'POWER_STATES_UNREADABLE',
      summary: text('checks.power.states.unreadable.summary'),
      detail: text('checks.power.states.unreadable.detail'),
    };
  }
  // The state names and reasons are Windows' own words, in Windows' language.
  return {
    status: 'pass',
    code: 'POWER_STATES_INFO',
    summary: text('checks.power.states.info.summary', { states: listOf(r.available) }),
    detail: text('checks.power.states.info.detail', {
      available: itemsOf(r.available),
      unavailable: itemsOf(r.unavailable),
      sleepCheck: text('checks.power.sleep.title'),
    }),
  };
}

export function evaluatePowerStates(evidence: PowerStatesEvidence): CheckResult {
  return evidence.kind === 'unavailable' ? skipResult(evidence) : evaluatePowerStatesText(evidence.text);
}

export function powerStatesCheck(deps: WindowsCheckDeps): Check<PowerStatesEvidence> {
  return {
    id: 'power.states',
    title: text('checks.power.states.title'),
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
