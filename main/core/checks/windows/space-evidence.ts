// Raw evidence about the Space service and the machine (from get-space.ps1), shared by space.service, space.version and firewall.space-port.
import { z } from 'zod';
import { text } from '../../../../contract/text';
import { SPACE_ASSUMPTIONS } from '../../windows/space-assumptions';
import type { CheckContext, CheckResult } from '../types';
import { UnavailableEvidenceSchema, unavailableOn, type WindowsCheckDeps } from './deps';

const nullableArray = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullable()
    .transform((v) => v ?? []);

export const SpaceRawSchema = z.object({
  service: z
    .object({
      name: z.string(),
      state: z.string(),
      startMode: z.string(),
      account: z.string().nullable(),
      pathName: z.string().nullable(),
      delayedAutoStart: z.boolean().nullable().optional(),
    })
    .nullable(),
  /** Why Windows could not list its services: then `service: null` means "unknown", not "not installed". */
  serviceError: z.string().nullable().optional(),
  executable: z.string().nullable(),
  fileVersion: z.string().nullable(),
  productVersion: z.string().nullable(),
  machineName: z.string().nullable().optional(),
  fqdn: z.string().nullable(),
  ipv4: nullableArray(z.object({ address: z.string(), interfaceAlias: z.string().nullable() })),
  portCandidates: nullableArray(
    z.object({
      path: z.string(),
      expandedPath: z.string().nullable(),
      exists: z.boolean(),
      port: z.number().int().nullable(),
      /** Why this candidate could not be read (bad path, locked file, bad pattern); the others still count. */
      error: z.string().nullable().optional(),
      /**
       * Whether someone other than SYSTEM, Administrators or a service can change the file or its folder (its ACL, read by
       * get-space.ps1); null when the ACL could not be read. A port from such a file is not opened without confirmation.
       */
      writableByUsers: z.boolean().nullable().optional(),
    }),
  ),
});

export const SpaceEvidenceSchema = z.discriminatedUnion('kind', [
  UnavailableEvidenceSchema,
  SpaceRawSchema.extend({ kind: z.literal('collected') }),
]);
export type SpaceEvidence = z.infer<typeof SpaceEvidenceSchema>;
export type SpaceCollected = Extract<SpaceEvidence, { kind: 'collected' }>;

export async function collectSpace(deps: WindowsCheckDeps, ctx: CheckContext): Promise<SpaceEvidence> {
  const off = unavailableOn(ctx);
  if (off) return off;
  const raw = await deps
    .session()
    .query(
      'get-space',
      { serviceName: SPACE_ASSUMPTIONS.serviceName, portCandidates: SPACE_ASSUMPTIONS.portConfigCandidates },
      SpaceRawSchema,
      { timeoutMs: ctx.timeoutMs, signal: ctx.signal },
    );
  return { kind: 'collected', ...raw };
}

/** What XS4 Face's "Space Server Details" need, read from the evidence. */
export interface SpaceServerDetails {
  fqdn: string | null;
  ipv4: string[];
  port: number;
  /** The config file the port came from, or "default" (the integrator guides' 8100). */
  portSource: string;
  /** False when the port came from a file ordinary users can change (or whose ACL could not be read). */
  portTrusted: boolean;
}

export function spaceServerDetails(e: SpaceCollected): SpaceServerDetails {
  const found = e.portCandidates.find((c) => c.exists && c.port !== null && c.port >= 1 && c.port <= 65535);
  return {
    fqdn: e.fqdn,
    ipv4: e.ipv4.map((i) => i.address),
    port: found?.port ?? SPACE_ASSUMPTIONS.defaultPort,
    portSource: found ? (found.expandedPath ?? found.path) : 'default',
    portTrusted: found ? found.writableByUsers === false : true,
  };
}

/** Compares dotted versions numerically; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The finding when the service list could not be read (shared by space.service and space.version). */
export function serviceUnreadable(e: SpaceCollected): CheckResult | null {
  if (e.service || !e.serviceError) return null;
  return {
    status: 'warn',
    code: 'SPACE_SERVICE_UNREADABLE',
    summary: text('checks.space.service.unreadable.summary'),
    detail: text('checks.windows.windowsAnswered', { error: e.serviceError }),
    remedy: text('checks.space.service.unreadable.remedy', { service: SPACE_ASSUMPTIONS.serviceName }),
  };
}
