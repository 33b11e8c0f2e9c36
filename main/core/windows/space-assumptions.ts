// The one place the Windows side's undocumented assumptions about Space are loaded from (resources/windows/space-assumptions.json).
import { z } from 'zod';
import assumptionsJson from '../../../resources/windows/space-assumptions.json' with { type: 'json' };

const CandidateSchema = z.object({
  /** A file path; %VAR% environment references are expanded on the Space server. */
  path: z.string().min(1),
  /** .NET regular expression whose first group is the port. */
  pattern: z.string().min(1),
});

export const SpaceAssumptionsSchema = z.object({
  serviceName: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  defaultPort: z.number().int().min(1).max(65535),
  minVersionHttpsCustomAuth: z.string().regex(/^\d+(\.\d+){1,3}$/),
  firewallRuleName: z.string().min(1).max(200),
  firewallRuleGroup: z.string().min(1).max(200),
  portConfigCandidates: z.array(CandidateSchema),
});

export type SpaceAssumptions = z.infer<typeof SpaceAssumptionsSchema>;

/** Parsed once at load: a broken data file is a build error, caught by the unit tests. */
export const SPACE_ASSUMPTIONS: SpaceAssumptions = SpaceAssumptionsSchema.parse(assumptionsJson);
