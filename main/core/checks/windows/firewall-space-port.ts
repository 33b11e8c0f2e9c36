// Check firewall.space-port: an enabled inbound allow rule must open the Space TCP port on every active profile. Fix adds a named rule; undo removes it.
import { z } from 'zod';
import { text, type TextParam } from '../../../../contract/text';
import { AppError } from '../../errors';
import { SPACE_ASSUMPTIONS } from '../../windows/space-assumptions';
import type { Check, CheckContext, CheckResult, FixOutcome } from '../types';
import {
  skipResult,
  UnavailableEvidenceSchema,
  unavailableOn,
  type WindowsCheckDeps,
  recordedOutcome,
  runFixScript,
} from './deps';
import { SpaceEvidenceSchema, spaceServerDetails } from './space-evidence';
import { listOf } from '../../../../messages/joins';

const nullableArray = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullable()
    .transform((v) => v ?? []);
export const FirewallRuleSchema = z.object({
  name: z.string(),
  displayName: z.string().nullable(),
  enabled: z.string(),
  action: z.string(),
  profile: z.string(),
  protocol: z.string(),
  localPorts: nullableArray(z.string()),
  /** Application filter: "Any" or a program path (may hold %VARS%). */
  program: z.string().nullable().optional(),
  /** Service filter: "Any" or a service name. */
  service: z.string().nullable().optional(),
});
const FirewallRawSchema = z.object({
  port: z.number().int(),
  profiles: nullableArray(z.object({ name: z.string(), enabled: z.string() })),
  activeCategories: nullableArray(z.string()),
  rules: nullableArray(FirewallRuleSchema),
});
export const FirewallEvidenceSchema = z.discriminatedUnion('kind', [
  UnavailableEvidenceSchema,
  /** spaceExecutable: the Space service's program, so rules scoped to it count. */
  FirewallRawSchema.extend({
    kind: z.literal('collected'),
    portSource: z.string(),
    /** False when the port came from a file ordinary users can change; missing (older bundles) counts as false. */
    portTrusted: z.boolean().optional(),
    spaceExecutable: z.string().nullable().optional(),
  }),
]);
export type FirewallEvidence = z.infer<typeof FirewallEvidenceSchema>;
type FirewallRule = z.infer<typeof FirewallRuleSchema>;

/** Network categories (Get-NetConnectionProfile) name the firewall profile that applies. */
function profileOfCategory(category: string): string {
  return category.toLowerCase().startsWith('domain') ? 'Domain' : category;
}

export function portMatches(localPorts: string[], port: number): boolean {
  return localPorts.some((p) => {
    const s = p.trim();
    if (s.toLowerCase() === 'any') return true;
    const range = /^(\d+)-(\d+)$/.exec(s);
    if (range) return port >= Number(range[1]) && port <= Number(range[2]);
    return s === String(port);
  });
}

function covers(rule: FirewallRule, profile: string): boolean {
  const p = rule.profile.toLowerCase();
  return p === 'any' || p.split(/[,\s]+/).includes(profile.toLowerCase());
}

const isTrue = (s: string): boolean => s.toLowerCase() === 'true';

/** A firewall profile in the reader's words (Windows Defender Firewall names them Domain, Private, Public). */
function profileText(name: string): TextParam {
  switch (name.toLowerCase()) {
    case 'domain':
      return text('checks.firewall.space-port.profile.domain');
    case 'private':
      return text('checks.firewall.space-port.profile.private');
    case 'public':
      return text('checks.firewall.space-port.profile.public');
    default:
      return name;
  }
}

const profilesOf = (names: string[]): TextParam => listOf(names.map(profileText));
const rulesOf = (rules: FirewallRule[]): TextParam => listOf(rules.map((r) => r.displayName ?? r.name));

/** Where the port came from: the default, the port the technician entered, or the config file it was read from. */
function sourceText(source: string): TextParam {
  if (source === 'default') return text('checks.firewall.space-port.source.default');
  if (source === ENTERED_PORT_SOURCE) return text('checks.firewall.space-port.source.entered');
  return source;
}

/** Whether a rule's program and service scope include Space (unknown program paths with %VARS% are compared by file name). */
function appliesToSpace(rule: FirewallRule, spaceExecutable: string | null | undefined): boolean {
  const program = (rule.program ?? 'Any').trim();
  const service = (rule.service ?? 'Any').trim();
  const serviceOk =
    service.toLowerCase() === 'any' || service.toLowerCase() === SPACE_ASSUMPTIONS.serviceName.toLowerCase();
  if (program.toLowerCase() === 'any') return serviceOk;
  if (!spaceExecutable) return false;
  const base = (p: string): string => p.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  const same =
    program.toLowerCase() === spaceExecutable.toLowerCase() ||
    (program.includes('%') && base(program) === base(spaceExecutable));
  return same && serviceOk;
}

export function evaluateFirewall(evidence: FirewallEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  const port = evidence.port;
  const known = evidence.profiles.length > 0;
  if (!known) {
    return {
      status: 'warn',
      code: 'FIREWALL_UNREADABLE',
      summary: text('checks.firewall.space-port.unreadable.summary'),
      remedy: text('checks.firewall.space-port.unreadable.remedy', { port }),
    };
  }
  const active =
    evidence.activeCategories.length > 0
      ? [...new Set(evidence.activeCategories.map(profileOfCategory))]
      : evidence.profiles.map((p) => p.name);
  const enforcing = active.filter((name) =>
    isTrue(evidence.profiles.find((p) => p.name.toLowerCase() === name.toLowerCase())?.enabled ?? 'True'),
  );
  if (enforcing.length === 0) {
    return {
      status: 'pass',
      code: 'FIREWALL_OFF',
      summary: text('checks.firewall.space-port.off.summary', {
        count: active.length,
        profiles: profilesOf(active),
        port,
      }),
      detail: text('checks.firewall.space-port.off.detail'),
    };
  }
  const relevant = evidence.rules.filter(
    (r) =>
      isTrue(r.enabled) &&
      ['tcp', 'any'].includes(r.protocol.toLowerCase()) &&
      portMatches(r.localPorts, port) &&
      appliesToSpace(r, evidence.spaceExecutable),
  );
  const blocking = relevant.filter(
    (r) => r.action.toLowerCase() === 'block' && enforcing.some((p) => covers(r, p)),
  );
  if (blocking.length > 0) {
    return {
      status: 'fail',
      code: 'FIREWALL_PORT_BLOCKED',
      summary: text('checks.firewall.space-port.blocked.summary', {
        count: blocking.length,
        port,
        rules: rulesOf(blocking),
      }),
      detail: text('checks.firewall.space-port.blocked.detail'),
      remedy: text('checks.firewall.space-port.blocked.remedy', { count: blocking.length }),
    };
  }
  const allows = relevant.filter((r) => r.action.toLowerCase() === 'allow');
  const missing = enforcing.filter((p) => !allows.some((r) => covers(r, p)));
  if (missing.length > 0) {
    return {
      status: 'fail',
      code: 'FIREWALL_PORT_CLOSED',
      summary: text('checks.firewall.space-port.closed.summary', {
        count: missing.length,
        port,
        profiles: profilesOf(missing),
      }),
      detail: text('checks.firewall.space-port.closed.detail', {
        count: active.length,
        profiles: profilesOf(active),
        port,
        source: sourceText(evidence.portSource),
      }),
      remedy: text('checks.firewall.space-port.closed.remedy', {
        rule: SPACE_ASSUMPTIONS.firewallRuleName,
        port,
      }),
    };
  }
  return {
    status: 'pass',
    code: 'FIREWALL_PORT_OPEN',
    summary: text('checks.firewall.space-port.open.summary', { port, profiles: profilesOf(enforcing) }),
    detail: text('checks.firewall.space-port.open.detail', { count: allows.length, rules: rulesOf(allows) }),
  };
}

const UndoSchema = z.object({ ruleName: z.string().min(1), port: z.number().int() });

/** portSource of a port the technician entered in Space Server Details. */
export const ENTERED_PORT_SOURCE = 'Space Server Details';

/** The port in the Space URL the technician entered (Space Server Details), if any. */
function confirmedPort(spaceUrl: string | undefined): number | undefined {
  if (!spaceUrl) return undefined;
  try {
    const u = new URL(spaceUrl);
    const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : u.protocol === 'http:' ? 80 : NaN;
    return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which port the fix may open. A port read from a file ordinary users can change could be steered to open anything, so it
 * is used only when the technician confirmed a port (the Space URL of Space Server Details), and then that port wins.
 */
function portToOpen(ctx: CheckContext, evidence: Extract<FirewallEvidence, { kind: 'collected' }>): number {
  const isDefault = evidence.portSource === 'default' && evidence.port === SPACE_ASSUMPTIONS.defaultPort;
  if (evidence.portTrusted === true || isDefault) return evidence.port;
  const confirmed = confirmedPort(ctx.inputs.spaceUrl);
  if (confirmed !== undefined) return confirmed;
  throw new AppError('FIREWALL_PORT_UNCONFIRMED', {
    params: { port: evidence.port, source: evidence.portSource },
    detail: { port: evidence.port, source: evidence.portSource },
  });
}

export function firewallSpacePortCheck(deps: WindowsCheckDeps): Check<FirewallEvidence> {
  const collect = async (ctx: CheckContext): Promise<FirewallEvidence> => {
    const off = unavailableOn(ctx);
    if (off) return off;
    const space = SpaceEvidenceSchema.safeParse(ctx.dependencies['space.service']);
    const collected = space.success && space.data.kind === 'collected' ? space.data : undefined;
    const found = collected
      ? spaceServerDetails(collected)
      : { port: SPACE_ASSUMPTIONS.defaultPort, portSource: 'default', portTrusted: true };
    // The port the technician entered (Space Server Details) beats a guess and a file ordinary users can change; an
    // administrators-only config file says where Space really listens, so it stays.
    const entered = confirmedPort(ctx.inputs.spaceUrl);
    const details =
      entered !== undefined && (found.portSource === 'default' || !found.portTrusted)
        ? { port: entered, portSource: ENTERED_PORT_SOURCE, portTrusted: true }
        : found;
    const raw = await deps.session().query('get-firewall', { port: details.port }, FirewallRawSchema, {
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
    });
    return {
      kind: 'collected',
      ...raw,
      port: details.port,
      portSource: details.portSource,
      portTrusted: details.portTrusted,
      spaceExecutable: collected?.executable ?? null,
    };
  };
  const run = async (
    ctx: CheckContext,
    script: 'add-firewall-rule' | 'remove-firewall-rule',
    params: Record<string, string | number>,
    action: 'apply' | 'undo',
    port: number,
  ): Promise<FixOutcome> => {
    const name = SPACE_ASSUMPTIONS.firewallRuleName;
    const before = { rule: action === 'apply' ? null : name, port };
    await runFixScript(deps, ctx, {
      script: script,
      params: params,
      what: text('checks.firewall.space-port.fix.what'),
      target: 'firewall.space-port',
      action,
      before,
    });
    const again = await deps
      .session()
      .query('get-firewall', { port }, FirewallRawSchema, { timeoutMs: ctx.timeoutMs, signal: ctx.signal });
    const present = again.rules.some((r) => r.name === name && isTrue(r.enabled));
    const ok = action === 'apply' ? present : !again.rules.some((r) => r.name === name);
    const after = { rule: present ? name : null, port };
    const undoData = action === 'apply' ? { ruleName: name, port } : undefined;
    const summary = !ok
      ? text('checks.firewall.space-port.fix.unchanged')
      : action === 'apply'
        ? text('checks.firewall.space-port.fix.added', { rule: name, port })
        : text('checks.firewall.space-port.fix.removed', { rule: name });
    return recordedOutcome(deps, ctx, 'firewall.space-port', action, {
      ok,
      summary,
      before,
      after,
      undoData: undoData,
    });
  };
  return {
    id: 'firewall.space-port',
    title: text('checks.firewall.space-port.title'),
    windowsOnly: true,
    evidenceSchema: FirewallEvidenceSchema,
    collect,
    evaluate: evaluateFirewall,
    fix: {
      title: text('checks.firewall.space-port.fix.title'),
      elevated: true,
      async apply(ctx, evidence) {
        if (evidence.kind !== 'collected') throw new AppError('WINDOWS_ONLY', { variant: 'firewall' });
        const port = portToOpen(ctx, evidence);
        return run(
          ctx,
          'add-firewall-rule',
          {
            Name: SPACE_ASSUMPTIONS.firewallRuleName,
            Group: SPACE_ASSUMPTIONS.firewallRuleGroup,
            Port: port,
          },
          'apply',
          port,
        );
      },
      async undo(ctx, undoData) {
        const parsed = UndoSchema.safeParse(undoData);
        if (!parsed.success) throw new AppError('UNDO_DATA_INVALID', { variant: 'firewall' });
        return run(ctx, 'remove-firewall-rule', { Name: parsed.data.ruleName }, 'undo', parsed.data.port);
      },
    },
  };
}
