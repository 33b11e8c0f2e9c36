// Pure verdict on the sleep settings from raw powercfg text (also what the bundle code calls on powercfg-sub-sleep.txt).
import { z } from 'zod';
import { parseActiveScheme, parsePowercfgQuery, POWER_GUIDS } from '../../windows/powercfg';
import type { CheckResult } from '../types';
import { skipResult, UnavailableEvidenceSchema, worstOf } from './deps';

export const PolicyOverrideSchema = z.object({
  setting: z.string(),
  acValue: z.number().nullable(),
  dcValue: z.number().nullable(),
});

export const PowerSleepCollectedSchema = z.object({
  kind: z.literal('collected'),
  /** Verbatim stdout of `powercfg /query SCHEME_CURRENT SUB_SLEEP`. */
  querySubSleep: z.string(),
  /** Verbatim stdout of `powercfg /getactivescheme`. */
  activeScheme: z.string().optional(),
  /** Verbatim stdout of the query for the (hidden) unattended sleep setting. */
  unattendedQuery: z.string().optional(),
  /** HKLM\Software\Policies\Microsoft\Power\PowerSettings: a scheme forced by policy, and per-setting values. */
  policyScheme: z.string().nullable().optional(),
  policyOverrides: z.array(PolicyOverrideSchema).optional(),
});
export const PowerSleepEvidenceSchema = z.discriminatedUnion('kind', [
  UnavailableEvidenceSchema,
  PowerSleepCollectedSchema,
]);
export type PowerSleepEvidence = z.infer<typeof PowerSleepEvidenceSchema>;
export type PowerSleepCollected = z.infer<typeof PowerSleepCollectedSchema>;

/** The values a fix changes and an undo restores. */
export interface SleepValues {
  standbyIdleAc: number | null;
  hibernateIdleAc: number | null;
  unattendedSleepAc: number | null;
  schemeGuid: string | null;
}

export function readSleepValues(e: PowerSleepCollected): SleepValues {
  const q = parsePowercfgQuery(e.querySubSleep);
  const u = e.unattendedQuery ? parsePowercfgQuery(e.unattendedQuery) : undefined;
  return {
    standbyIdleAc: q.settings[POWER_GUIDS.STANDBYIDLE]?.ac ?? null,
    hibernateIdleAc: q.settings[POWER_GUIDS.HIBERNATEIDLE]?.ac ?? null,
    unattendedSleepAc:
      q.settings[POWER_GUIDS.UNATTENDEDSLEEP]?.ac ?? u?.settings[POWER_GUIDS.UNATTENDEDSLEEP]?.ac ?? null,
    schemeGuid: (e.activeScheme ? parseActiveScheme(e.activeScheme) : null) ?? q.schemeGuid,
  };
}

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const SLEEP_POLICY_GUIDS = new Set<string>([
  POWER_GUIDS.STANDBYIDLE,
  POWER_GUIDS.HIBERNATEIDLE,
  POWER_GUIDS.UNATTENDEDSLEEP,
  POWER_GUIDS.HYBRIDSLEEP,
]);

export function evaluatePowerSleep(evidence: PowerSleepEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  const v = readSleepValues(evidence);
  const findings: CheckResult[] = [];
  const notes: string[] = [];

  const policies = (evidence.policyOverrides ?? []).map((p) => ({
    ...p,
    setting: p.setting.toLowerCase().replace(/[{}]/g, ''),
  }));
  const sleepPolicies = policies.filter((p) => SLEEP_POLICY_GUIDS.has(p.setting));
  if (sleepPolicies.some((p) => p.acValue !== null && p.acValue !== 0) || evidence.policyScheme) {
    findings.push({
      status: 'fail',
      code: 'POWER_POLICY_OVERRIDE',
      summary: 'Group Policy controls the sleep settings',
      detail: `Policy under HKLM\\Software\\Policies\\Microsoft\\Power\\PowerSettings sets ${[
        ...(evidence.policyScheme ? [`the power scheme (${evidence.policyScheme})`] : []),
        ...sleepPolicies.map((p) => `${p.setting} AC=${p.acValue ?? 'unset'}`),
      ].join(', ')}. A local change will be overwritten.`,
      remedy:
        'Ask the domain administrator to set sleep and hibernate to "never" (0) in the Group Policy that applies to this server.',
    });
  } else if (policies.length > 0) {
    notes.push(`Group Policy sets ${policies.length} other power setting(s).`);
  }

  if (v.standbyIdleAc === null) {
    findings.push({
      status: 'fail',
      code: 'POWER_UNREADABLE',
      summary: 'Could not read the sleep setting',
      detail: 'The powercfg output has no readable AC value for "sleep after" (STANDBYIDLE).',
      remedy:
        'Run `powercfg /query SCHEME_CURRENT SUB_SLEEP` in a console and check the output, or collect the evidence again.',
    });
  } else if (v.standbyIdleAc !== 0) {
    findings.push({
      status: 'fail',
      code: 'POWER_SLEEP_ENABLED',
      summary: `The server sleeps after ${duration(v.standbyIdleAc)} on AC power`,
      detail: `Sleep after (STANDBYIDLE) on AC is ${v.standbyIdleAc} s; it must be 0 (never) so Space stays reachable.`,
      remedy:
        'Apply the fix (sets sleep to never), or set "Put the computer to sleep" to Never in the power options.',
    });
  }

  if (v.hibernateIdleAc === null) {
    findings.push({
      status: 'warn',
      code: 'POWER_HIBERNATE_UNREADABLE',
      summary: 'Could not read the hibernate setting',
      detail:
        'The powercfg output has no readable AC value for "hibernate after" (HIBERNATEIDLE); the output may be truncated.',
      remedy: 'Collect the evidence again, or check `powercfg /query SCHEME_CURRENT SUB_SLEEP` by hand.',
    });
  } else if (v.hibernateIdleAc !== 0) {
    findings.push({
      status: 'fail',
      code: 'POWER_HIBERNATE_ENABLED',
      summary: `The server hibernates after ${duration(v.hibernateIdleAc)} on AC power`,
      detail: `Hibernate after (HIBERNATEIDLE) on AC is ${v.hibernateIdleAc} s; it must be 0 (never).`,
      remedy: 'Apply the fix (sets hibernate to never).',
    });
  }

  if (v.unattendedSleepAc !== null)
    notes.push(
      `Unattended sleep timeout on AC: ${v.unattendedSleepAc} s${v.unattendedSleepAc === 0 ? ' (never)' : ''}.`,
    );
  else notes.push('Unattended sleep timeout: not reported (hidden setting).');
  if (v.schemeGuid) notes.push(`Active scheme ${v.schemeGuid}.`);

  const worst = worstOf(findings);
  if (!worst) {
    return {
      status: 'pass',
      code: 'POWER_SLEEP_NEVER',
      summary: 'Sleep and hibernate are off on AC power',
      detail: notes.join(' '),
    };
  }
  const others = findings.filter((f) => f !== worst).map((f) => f.summary);
  return {
    ...worst,
    detail: [worst.detail, ...(others.length ? [`Also: ${others.join('; ')}.`] : []), ...notes]
      .filter(Boolean)
      .join(' '),
  };
}
