// Pure verdict on the sleep settings from raw powercfg text (also what the bundle code calls on powercfg-sub-sleep.txt).
import { z } from 'zod';
import { text, type Text } from '../../../../contract/text';
import { parseActiveScheme, parsePowercfgQuery, POWER_GUIDS } from '../../windows/powercfg';
import type { CheckResult } from '../types';
import { skipResult, UnavailableEvidenceSchema, worstOf } from './deps';
import { itemsOf, listOf, sentencesOf } from '../../../../messages/joins';

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

function duration(seconds: number): Text {
  if (seconds % 3600 === 0) return text('checks.power.sleep.duration.hours', { n: seconds / 3600 });
  if (seconds % 60 === 0) return text('checks.power.sleep.duration.minutes', { n: seconds / 60 });
  return text('checks.power.sleep.duration.seconds', { n: seconds });
}

const SLEEP_POLICY_GUIDS = new Set<string>([
  POWER_GUIDS.STANDBYIDLE,
  POWER_GUIDS.HIBERNATEIDLE,
  POWER_GUIDS.UNATTENDEDSLEEP,
  POWER_GUIDS.HYBRIDSLEEP,
]);

/** A finding of this check: every sentence from the catalogs. */
type Finding = CheckResult & { summary: Text; detail?: Text; remedy?: Text };

/** The sentences one after the other as the result's detail (none when there are none). */
function detailOf(sentences: ReadonlyArray<Text | undefined>): { detail?: Text } {
  const detail = sentencesOf(sentences);
  return detail === undefined ? {} : { detail };
}

export function evaluatePowerSleep(evidence: PowerSleepEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  const v = readSleepValues(evidence);
  const findings: Finding[] = [];
  const notes: Text[] = [];

  const policies = (evidence.policyOverrides ?? []).map((p) => ({
    ...p,
    setting: p.setting.toLowerCase().replace(/[{}]/g, ''),
  }));
  const sleepPolicies = policies.filter((p) => SLEEP_POLICY_GUIDS.has(p.setting));
  if (sleepPolicies.some((p) => p.acValue !== null && p.acValue !== 0) || evidence.policyScheme) {
    findings.push({
      status: 'fail',
      code: 'POWER_POLICY_OVERRIDE',
      summary: text('checks.power.sleep.policy.summary'),
      detail: text('checks.power.sleep.policy.detail', {
        settings: listOf([
          ...(evidence.policyScheme
            ? [text('checks.power.sleep.policy.scheme', { scheme: evidence.policyScheme })]
            : []),
          ...sleepPolicies.map((p) =>
            text('checks.power.sleep.policy.setting', {
              setting: p.setting,
              value: p.acValue ?? text('checks.power.sleep.policy.unset'),
            }),
          ),
        ]),
      }),
      remedy: text('checks.power.sleep.policy.remedy'),
    });
  } else if (policies.length > 0) {
    notes.push(text('checks.power.sleep.policy.others', { count: policies.length }));
  }

  if (v.standbyIdleAc === null) {
    findings.push({
      status: 'fail',
      code: 'POWER_UNREADABLE',
      summary: text('checks.power.sleep.unreadable.summary'),
      detail: text('checks.power.sleep.unreadable.detail'),
      remedy: text('checks.power.sleep.unreadable.remedy'),
    });
  } else if (v.standbyIdleAc !== 0) {
    findings.push({
      status: 'fail',
      code: 'POWER_SLEEP_ENABLED',
      summary: text('checks.power.sleep.sleeps.summary', { duration: duration(v.standbyIdleAc) }),
      detail: text('checks.power.sleep.sleeps.detail', { seconds: v.standbyIdleAc }),
      remedy: text('checks.power.sleep.sleeps.remedy'),
    });
  }

  if (v.hibernateIdleAc === null) {
    findings.push({
      status: 'warn',
      code: 'POWER_HIBERNATE_UNREADABLE',
      summary: text('checks.power.sleep.hibernateUnreadable.summary'),
      detail: text('checks.power.sleep.hibernateUnreadable.detail'),
      remedy: text('checks.power.sleep.hibernateUnreadable.remedy'),
    });
  } else if (v.hibernateIdleAc !== 0) {
    findings.push({
      status: 'fail',
      code: 'POWER_HIBERNATE_ENABLED',
      summary: text('checks.power.sleep.hibernates.summary', { duration: duration(v.hibernateIdleAc) }),
      detail: text('checks.power.sleep.hibernates.detail', { seconds: v.hibernateIdleAc }),
      remedy: text('checks.power.sleep.hibernates.remedy'),
    });
  }

  if (v.unattendedSleepAc === null) notes.push(text('checks.power.sleep.unattended.hidden'));
  else if (v.unattendedSleepAc === 0) notes.push(text('checks.power.sleep.unattended.never'));
  else notes.push(text('checks.power.sleep.unattended.seconds', { seconds: v.unattendedSleepAc }));
  if (v.schemeGuid) notes.push(text('checks.power.sleep.scheme', { scheme: v.schemeGuid }));

  const worst = worstOf(findings);
  if (!worst) {
    return {
      status: 'pass',
      code: 'POWER_SLEEP_NEVER',
      summary: text('checks.power.sleep.pass.summary'),
      ...detailOf(notes),
    };
  }
  const others = findings.filter((f) => f !== worst).map((f) => f.summary);
  return {
    ...worst,
    ...detailOf([
      worst.detail,
      others.length > 0 ? text('checks.power.sleep.also', { findings: itemsOf(others) }) : undefined,
      ...notes,
    ]),
  };
}
