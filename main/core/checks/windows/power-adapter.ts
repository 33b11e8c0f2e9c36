// Check power.adapter: Windows must not be allowed to turn off the network adapter(s) that serve Space. Fix and undo run elevated.
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Check, CheckContext, CheckResult, FixOutcome } from '../types';
import {
  skipResult,
  UnavailableEvidenceSchema,
  unavailableOn,
  type WindowsCheckDeps,
  recordedOutcome,
  runFixScript,
} from './deps';

export const AdapterSchema = z.object({
  name: z.string(),
  description: z.string().nullable().optional(),
  ifIndex: z.number().int().nullable().optional(),
  ipv4: z
    .array(z.string())
    .nullable()
    .transform((v) => v ?? []),
  hasDefaultRoute: z.boolean().nullable().optional(),
  /** "Enabled", "Disabled", "Unsupported", or null when Windows does not report it. */
  allowTurnOff: z.string().nullable(),
});
const AdaptersRawSchema = z.object({
  adapters: z
    .array(AdapterSchema)
    .nullable()
    .transform((v) => v ?? []),
  /** Why Windows could not list the adapters (the list is then empty and means nothing). */
  error: z.string().nullable().optional(),
});
export const PowerAdapterEvidenceSchema = z.discriminatedUnion('kind', [
  UnavailableEvidenceSchema,
  z.object({
    kind: z.literal('collected'),
    adapters: z.array(AdapterSchema),
    error: z.string().nullable().optional(),
  }),
]);
export type PowerAdapterEvidence = z.infer<typeof PowerAdapterEvidenceSchema>;
type Adapter = z.infer<typeof AdapterSchema>;

/** The adapters that serve Space: up, physical, with an IPv4 address (those with a default route first if any have one). */
export function servingAdapters(adapters: Adapter[]): Adapter[] {
  const withIp = adapters.filter((a) => a.ipv4.length > 0);
  const routed = withIp.filter((a) => a.hasDefaultRoute === true);
  return routed.length > 0 ? routed : withIp;
}

export function evaluatePowerAdapter(evidence: PowerAdapterEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  if (evidence.error) {
    return {
      status: 'warn',
      code: 'ADAPTER_UNREADABLE',
      summary: 'Could not read the network adapters',
      detail: `Windows answered: ${evidence.error}`,
      remedy: 'Check "Allow the computer to turn off this device to save power" on the adapter serving Space by hand.',
    };
  }
  const serving = servingAdapters(evidence.adapters);
  if (serving.length === 0) {
    return {
      status: 'warn',
      code: 'ADAPTER_NONE',
      summary: 'No connected network adapter with an IPv4 address was found',
      detail: `${evidence.adapters.length} physical adapter(s) up.`,
      remedy: 'Check the network connection of the server.',
    };
  }
  const off = serving.filter((a) => a.allowTurnOff?.toLowerCase() === 'enabled');
  const list = serving
    .map((a) => `${a.name} (${a.ipv4.join(', ')}): ${a.allowTurnOff ?? 'not reported'}`)
    .join('; ');
  if (off.length > 0) {
    return {
      status: 'fail',
      code: 'POWER_ADAPTER_POWEROFF',
      summary: `Windows may turn off ${off.map((a) => a.name).join(', ')} to save power`,
      detail: list,
      remedy:
        'Apply the fix, or clear "Allow the computer to turn off this device to save power" on the adapter\'s Power Management tab.',
    };
  }
  return {
    status: 'pass',
    code: 'POWER_ADAPTER_OK',
    summary: 'Windows will not turn off the network adapter(s) serving Space',
    detail: list,
  };
}

const UndoSchema = z.object({ adapters: z.array(z.string().min(1)).min(1) });

export function powerAdapterCheck(deps: WindowsCheckDeps): Check<PowerAdapterEvidence> {
  const collect = async (ctx: CheckContext): Promise<PowerAdapterEvidence> => {
    const off = unavailableOn(ctx);
    if (off) return off;
    const raw = await deps
      .session()
      .query('get-adapters', {}, AdaptersRawSchema, { timeoutMs: ctx.timeoutMs, signal: ctx.signal });
    return { kind: 'collected', adapters: raw.adapters, ...(raw.error ? { error: raw.error } : {}) };
  };
  const setAllow = async (
    ctx: CheckContext,
    names: string[],
    allow: 'Enabled' | 'Disabled',
    action: 'apply' | 'undo',
  ): Promise<FixOutcome> => {
    const before = names.map((n) => ({
      name: n,
      allowTurnOff: allow === 'Disabled' ? 'Enabled' : 'Disabled',
    }));
    await runFixScript(deps, ctx, {
      script: 'set-adapter-power',
      params: { AdapterName: names, AllowTurnOff: allow },
      what: 'Network adapter power setting',
      target: 'power.adapter',
      action,
      before,
    });
    const again = await collect(ctx);
    const after =
      again.kind === 'collected'
        ? again.adapters
            .filter((a) => names.includes(a.name))
            .map((a) => ({ name: a.name, allowTurnOff: a.allowTurnOff }))
        : [];
    const ok = names.every(
      (n) => after.find((a) => a.name === n)?.allowTurnOff?.toLowerCase() === allow.toLowerCase(),
    );
    const summary = ok
      ? `"Allow the computer to turn off this device" ${allow === 'Disabled' ? 'cleared' : 'restored'} on ${names.join(', ')}`
      : 'The adapter power setting did not change as expected';
    const undoData = action === 'apply' ? { adapters: names } : undefined;
    return recordedOutcome(deps, ctx, 'power.adapter', action, {
      ok,
      summary,
      before,
      after,
      undoData: undoData,
    });
  };
  return {
    id: 'power.adapter',
    title: 'Network adapter stays powered',
    windowsOnly: true,
    evidenceSchema: PowerAdapterEvidenceSchema,
    collect,
    evaluate: evaluatePowerAdapter,
    fix: {
      title: 'Stop Windows from turning off the network adapter(s) serving Space',
      elevated: true,
      async apply(ctx, evidence) {
        if (evidence.kind !== 'collected')
          throw new AppError(
            'WINDOWS_ONLY',
            'This fix changes Windows adapter settings.',
            'Run it on the Space server.',
          );
        const names = servingAdapters(evidence.adapters)
          .filter((a) => a.allowTurnOff?.toLowerCase() === 'enabled')
          .map((a) => a.name);
        if (names.length === 0)
          return { ok: true, summary: 'Nothing to change: no serving adapter may be turned off.' };
        return setAllow(ctx, names, 'Disabled', 'apply');
      },
      async undo(ctx, undoData) {
        const parsed = UndoSchema.safeParse(undoData);
        if (!parsed.success)
          throw new AppError(
            'UNDO_DATA_INVALID',
            'The recorded adapter names cannot be restored: the record is not readable.',
            'Set the option by hand in Device Manager.',
          );
        return setAllow(ctx, parsed.data.adapters, 'Enabled', 'undo');
      },
    },
  };
}
