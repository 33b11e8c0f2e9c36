// Check power.adapter: Windows must not be allowed to turn off the network adapter(s) that serve Space. Fix and undo run elevated.
import { z } from 'zod';
import { text, type TextParam } from '../../../../contract/text';
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
import { itemsOf, listOf } from '../../../../messages/joins';

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

/** Windows' AllowComputerToTurnOffDevice value in the reader's words (an unknown value as Windows gave it). */
function allowText(value: string | null | undefined): TextParam {
  switch (value?.toLowerCase()) {
    case undefined:
      return text('checks.power.adapter.allow.notReported');
    case 'enabled':
      return text('checks.power.adapter.allow.enabled');
    case 'disabled':
      return text('checks.power.adapter.allow.disabled');
    case 'unsupported':
      return text('checks.power.adapter.allow.unsupported');
    default:
      return value ?? '';
  }
}

export function evaluatePowerAdapter(evidence: PowerAdapterEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  if (evidence.error) {
    return {
      status: 'warn',
      code: 'ADAPTER_UNREADABLE',
      summary: text('checks.power.adapter.unreadable.summary'),
      detail: text('checks.windows.windowsAnswered', { error: evidence.error }),
      remedy: text('checks.power.adapter.unreadable.remedy'),
    };
  }
  const serving = servingAdapters(evidence.adapters);
  if (serving.length === 0) {
    return {
      status: 'warn',
      code: 'ADAPTER_NONE',
      summary: text('checks.power.adapter.none.summary'),
      detail: text('checks.power.adapter.none.detail', { count: evidence.adapters.length }),
      remedy: text('checks.power.adapter.none.remedy'),
    };
  }
  const off = serving.filter((a) => a.allowTurnOff?.toLowerCase() === 'enabled');
  const list = itemsOf(
    serving.map((a) =>
      text('checks.power.adapter.adapter', {
        name: a.name,
        addresses: listOf(a.ipv4),
        allow: allowText(a.allowTurnOff),
      }),
    ),
  );
  if (off.length > 0) {
    return {
      status: 'fail',
      code: 'POWER_ADAPTER_POWEROFF',
      summary: text('checks.power.adapter.poweroff.summary', { adapters: listOf(off.map((a) => a.name)) }),
      detail: list,
      remedy: text('checks.power.adapter.poweroff.remedy'),
    };
  }
  return {
    status: 'pass',
    code: 'POWER_ADAPTER_OK',
    summary: text('checks.power.adapter.ok.summary', { count: serving.length }),
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
      what: text('checks.power.adapter.fix.what'),
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
    const summary = !ok
      ? text('checks.power.adapter.fix.unchanged')
      : allow === 'Disabled'
        ? text('checks.power.adapter.fix.cleared', { adapters: listOf(names) })
        : text('checks.power.adapter.fix.restored', { adapters: listOf(names) });
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
    title: text('checks.power.adapter.title'),
    windowsOnly: true,
    evidenceSchema: PowerAdapterEvidenceSchema,
    collect,
    evaluate: evaluatePowerAdapter,
    fix: {
      title: text('checks.power.adapter.fix.title'),
      elevated: true,
      async apply(ctx, evidence) {
        if (evidence.kind !== 'collected') throw new AppError('WINDOWS_ONLY', { variant: 'adapter' });
        const names = servingAdapters(evidence.adapters)
          .filter((a) => a.allowTurnOff?.toLowerCase() === 'enabled')
          .map((a) => a.name);
        if (names.length === 0) return { ok: true, summary: text('checks.power.adapter.fix.nothing') };
        return setAllow(ctx, names, 'Disabled', 'apply');
      },
      async undo(ctx, undoData) {
        const parsed = UndoSchema.safeParse(undoData);
        if (!parsed.success) throw new AppError('UNDO_DATA_INVALID', { variant: 'adapter' });
        return setAllow(ctx, parsed.data.adapters, 'Enabled', 'undo');
      },
    },
  };
}
