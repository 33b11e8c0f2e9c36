// Check power.sleep: sleep and hibernate must be "never" on AC; unattended sleep and Group Policy overrides reported. Fix and undo run elevated.
import { text } from '../../../../contract/text';
import { AppError } from '../../errors';
import type { Check, CheckContext, FixOutcome } from '../types';
import { unavailableOn, type WindowsCheckDeps, recordedOutcome, runFixScript } from './deps';
import { collectPowerRaw } from './power-collect';
import {
  evaluatePowerSleep,
  PowerSleepEvidenceSchema,
  readSleepValues,
  type PowerSleepCollected,
  type PowerSleepEvidence,
  type SleepValues,
} from './power-sleep-evaluate';
import { z } from 'zod';

const SleepValuesSchema = z.object({
  standbyIdleAc: z.number().int().min(0).nullable(),
  hibernateIdleAc: z.number().int().min(0).nullable(),
  unattendedSleepAc: z.number().int().min(0).nullable(),
  schemeGuid: z.string().nullable(),
});

async function collectSleep(deps: WindowsCheckDeps, ctx: CheckContext): Promise<PowerSleepEvidence> {
  const off = unavailableOn(ctx);
  if (off) return off;
  const raw = await collectPowerRaw(deps, ctx);
  const e: PowerSleepCollected = { kind: 'collected', querySubSleep: raw.querySubSleep };
  if (raw.activeScheme) e.activeScheme = raw.activeScheme;
  if (raw.unattendedQuery) e.unattendedQuery = raw.unattendedQuery;
  e.policyScheme = raw.policyScheme ?? null;
  e.policyOverrides = raw.policyOverrides ?? [];
  return e;
}

export function powerSleepCheck(deps: WindowsCheckDeps): Check<PowerSleepEvidence> {
  const setValues = async (
    ctx: CheckContext,
    values: { StandbyIdleAc: number; HibernateIdleAc: number; UnattendedSleepAc: number },
    action: 'apply' | 'undo',
    before: SleepValues,
  ): Promise<FixOutcome> => {
    await runFixScript(deps, ctx, {
      script: 'set-power-sleep',
      params: values,
      what: text('checks.power.sleep.fix.what'),
      target: 'power.sleep',
      action,
      before,
    });
    // Read back: a write is only done when the new values are seen.
    const again = await collectSleep(deps, ctx);
    if (again.kind !== 'collected') throw new AppError('POWER_UNREADABLE');
    const after = readSleepValues(again);
    const want = (v: number): number | null => (v < 0 ? null : v);
    const ok =
      (want(values.StandbyIdleAc) === null || after.standbyIdleAc === values.StandbyIdleAc) &&
      (want(values.HibernateIdleAc) === null || after.hibernateIdleAc === values.HibernateIdleAc);
    const summary = !ok
      ? text('checks.power.sleep.fix.unchanged')
      : action === 'apply'
        ? text('checks.power.sleep.fix.applied')
        : text('checks.power.sleep.fix.restored');
    return recordedOutcome(deps, ctx, 'power.sleep', action, {
      ok,
      summary,
      before,
      after,
      undoData: action === 'apply' ? before : undefined,
    });
  };

  return {
    id: 'power.sleep',
    title: text('checks.power.sleep.title'),
    windowsOnly: true,
    evidenceSchema: PowerSleepEvidenceSchema,
    collect: (ctx) => collectSleep(deps, ctx),
    evaluate: evaluatePowerSleep,
    // `powercfg /query SCHEME_CURRENT SUB_SLEEP` stdout, verbatim (any language, CRLF or LF), as support receives it.
    bundle: {
      textFile: 'powercfg-sub-sleep.txt',
      fromText: (querySubSleep) => ({ kind: 'collected', querySubSleep }),
      toText: (e) => (e.kind === 'collected' ? e.querySubSleep : ''),
    },
    fix: {
      title: text('checks.power.sleep.fix.title'),
      elevated: true,
      async apply(ctx, evidence) {
        if (evidence.kind !== 'collected') throw new AppError('WINDOWS_ONLY', { variant: 'power' });
        const before = readSleepValues(evidence);
        const unattended = before.unattendedSleepAc !== null && before.unattendedSleepAc !== 0 ? 0 : -1;
        return setValues(
          ctx,
          { StandbyIdleAc: 0, HibernateIdleAc: 0, UnattendedSleepAc: unattended },
          'apply',
          before,
        );
      },
      async undo(ctx, undoData) {
        const parsed = SleepValuesSchema.safeParse(undoData);
        if (!parsed.success) throw new AppError('UNDO_DATA_INVALID', { variant: 'power' });
        const prev = parsed.data;
        const now = await collectSleep(deps, ctx);
        const current = now.kind === 'collected' ? readSleepValues(now) : prev;
        return setValues(
          ctx,
          {
            StandbyIdleAc: prev.standbyIdleAc ?? -1,
            HibernateIdleAc: prev.hibernateIdleAc ?? -1,
            UnattendedSleepAc: prev.unattendedSleepAc ?? -1,
          },
          'undo',
          current,
        );
      },
    },
  };
}
