// Collects the raw power evidence (powercfg text and policy values) once per call through the read-only session.
import { z } from 'zod';
import type { CheckContext } from '../types';
import type { WindowsCheckDeps } from './deps';
import { PolicyOverrideSchema } from './power-sleep-evaluate';

export const PowerRawSchema = z.object({
  querySubSleep: z.string(),
  querySubSleepExitCode: z.number().nullable().optional(),
  unattendedQuery: z.string().nullable().optional(),
  activeScheme: z.string().nullable().optional(),
  sleepStates: z.string().nullable().optional(),
  policyScheme: z.string().nullable().optional(),
  policyOverrides: z.array(PolicyOverrideSchema).nullable().optional(),
});
export type PowerRaw = z.infer<typeof PowerRawSchema>;

export function collectPowerRaw(deps: WindowsCheckDeps, ctx: CheckContext): Promise<PowerRaw> {
  return deps
    .session()
    .query('get-power', {}, PowerRawSchema, { timeoutMs: ctx.timeoutMs, signal: ctx.signal });
}
